import { describe, expect, it } from 'vitest';
import { acceptsUpload, sniffContentType, uploadPolicy } from '../../functions/files/uploads.js';

describe('presigned upload policy', () => {
  it('fixes the key, the size range and the content type', () => {
    const policy = uploadPolicy({ bucket: 'docs', key: 'memoranda/M/attachments/O/U', contentType: 'application/pdf', maxBytes: 1000, expiresSeconds: 900 });
    expect(policy).toEqual({
      Bucket: 'docs',
      Key: 'memoranda/M/attachments/O/U',
      Expires: 900,
      Fields: { 'Content-Type': 'application/pdf' },
      Conditions: [{ bucket: 'docs' }, ['eq', '$key', 'memoranda/M/attachments/O/U'], ['content-length-range', 1, 1000], ['eq', '$Content-Type', 'application/pdf']],
    });
  });
});

describe('content sniffing', () => {
  it.each([
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'application/pdf'],
    [[0x50, 0x4b, 0x03, 0x04, 0x14], 'application/zip'],
    [[0x30, 0x82, 0x05, 0x10], 'application/pkcs7-signature'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d], 'image/png'],
    [[0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    [[0x3c, 0x68, 0x74, 0x6d, 0x6c], undefined],
    [[], undefined],
  ])('%j is %s', (bytes, type) => {
    expect(sniffContentType(new Uint8Array(bytes))).toBe(type);
  });
});

describe('the API\'s gate for uploaded objects', () => {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
  const limits = { contentType: 'application/pdf', maxBytes: 100 };

  it('accepts an object of the declared type and size', () => {
    expect(acceptsUpload({ size: 50, contentType: 'application/pdf', bytes: pdf }, limits)).toEqual({ accepted: true });
  });

  it('accepts a signature container whose bytes are a ZIP', () => {
    expect(acceptsUpload({ size: 50, contentType: 'application/vnd.etsi.asic-e+zip', bytes: zip }, { contentType: 'application/vnd.etsi.asic-e+zip', maxBytes: 100 })).toEqual({ accepted: true });
  });

  it.each([
    ['too large', { size: 101, contentType: 'application/pdf', bytes: pdf }, 'body.uploadId'],
    ['empty', { size: 0, contentType: 'application/pdf', bytes: pdf }, 'body.uploadId'],
    ['stored with another type', { size: 50, contentType: 'image/png', bytes: pdf }, 'body.contentType'],
    ['bytes of another type', { size: 50, contentType: 'application/pdf', bytes: zip }, 'body.contentType'],
  ])('refuses an object %s', (_case, object, path) => {
    expect(acceptsUpload(object, limits)).toMatchObject({ accepted: false, path });
  });
});

describe('evidence formats without a magic number of their own', () => {
  const csv = { contentType: 'text/csv', maxBytes: 1000 };
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('accepts a UTF-8 CSV with Cyrillic and small counts written as <5', () => {
    expect(acceptsUpload({ size: 40, contentType: 'text/csv', bytes: bytes('\uFEFFНазва;Кількість\r\nСемінар;<5\r\nТренінг;12\r\n') }, csv)).toEqual({ accepted: true });
  });

  const longPrefix = 'Місяць;Кількість\r\n'.repeat(40);
  it.each([
    ['a PDF', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])],
    ['binary bytes', new Uint8Array([0x41, 0x00, 0x42])],
    ['invalid UTF-8', new Uint8Array([0x41, 0xc3, 0x28, 0x42])],
    ['invalid UTF-8 after the first 512 bytes', new Uint8Array([...bytes(longPrefix), 0xc3, 0x28])],
    ['an HTML page', bytes('<!doctype html><html><script>alert(1)</script>')],
    ['markup after the first 512 bytes', bytes(`${longPrefix}<img src=x onerror=alert(1)>`)],
  ])('refuses %s declared as CSV', (_case, bytes) => {
    expect(acceptsUpload({ size: 40, contentType: 'text/csv', bytes }, csv)).toMatchObject({ accepted: false, path: 'body.contentType' });
  });

  it('accepts spreadsheets and documents whose bytes are a ZIP', () => {
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(acceptsUpload({ size: 40, contentType: type, bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04]) }, { contentType: type, maxBytes: 100 })).toEqual({ accepted: true });
  });
});
