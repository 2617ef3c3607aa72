import type { PresignedPostOptions } from '@aws-sdk/s3-presigned-post';

/**
 * Browser uploads go straight to S3 with a presigned POST whose policy fixes the
 * key, the size range and the content type. S3 enforces the policy on AWS; the
 * local emulator does not, and S3 trusts the client's declared type: so after an
 * upload the API checks the object itself (`acceptsUpload`) before recording it.
 */
export const uploadPolicy = (options: { bucket: string; key: string; contentType: string; maxBytes: number; expiresSeconds: number }): PresignedPostOptions => ({
  Bucket: options.bucket,
  Key: options.key,
  Expires: options.expiresSeconds,
  Fields: { 'Content-Type': options.contentType },
  Conditions: [
    { bucket: options.bucket },
    ['eq', '$key', options.key],
    ['content-length-range', 1, options.maxBytes],
    ['eq', '$Content-Type', options.contentType],
  ],
});

/** What the first bytes say a file is. */
export const sniffContentType = (bytes: Uint8Array): 'application/pdf' | 'application/zip' | 'application/pkcs7-signature' | 'image/png' | 'image/jpeg' | undefined => {
  const starts = (...prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'application/zip';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  // DER SEQUENCE with a long-form length: a CMS/PKCS#7 signature.
  if (bytes[0] === 0x30 && (bytes[1] === 0x80 || bytes[1] === 0x82 || bytes[1] === 0x83 || bytes[1] === 0x84)) return 'application/pkcs7-signature';
  return undefined;
};

/** Container formats whose bytes are a ZIP (ASiC signature containers, Office and OpenDocument files). */
const zipBased = new Set([
  'application/zip', 'application/vnd.etsi.asic-e+zip', 'application/vnd.etsi.asic-s+zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.text',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/vnd.oasis.opendocument.presentation',
]);

/** Plain text has no magic number: UTF-8 (a cut-off last character allowed) without control bytes other than tab and line breaks. */
export const looksLikeText = (bytes: Uint8Array): boolean => {
  if (bytes.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
};

/** How many first bytes the gate reads: enough for every magic number and a text check. */
export const sniffBytes = 512;

export type UploadVerdict = { accepted: true } | { accepted: false; path: string; message: string };

/** Markup in a text file: a tag, comment, doctype or processing instruction (`<5` stays a number). */
const markup = /<\s*[A-Za-z!?/]/;

/**
 * A CSV is UTF-8 text throughout (not only its first bytes) and carries no markup, so
 * that no browser could take it for a page. It is served as an attachment anyway.
 */
export const isPlainCsv = (bytes: Uint8Array): boolean => {
  if (!looksLikeText(bytes)) return false;
  try {
    return !markup.test(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return false;
  }
};

/** The API's gate: the stored object must have the declared type, a size inside the limit, and content of that type. */
export const acceptsUpload = (object: { size: number; contentType: string | undefined; bytes: Uint8Array }, declared: { contentType: string; maxBytes: number }): UploadVerdict => {
  if (object.size < 1 || object.size > declared.maxBytes) return { accepted: false, path: 'body.uploadId', message: `The file must be between 1 byte and ${Math.floor(declared.maxBytes / (1024 * 1024))} MB.` };
  if (object.contentType !== declared.contentType) return { accepted: false, path: 'body.contentType', message: 'The uploaded file was stored with another content type.' };
  const sniffed = sniffContentType(object.bytes.subarray(0, sniffBytes));
  const matches = declared.contentType === 'text/csv'
    ? sniffed === undefined && isPlainCsv(object.bytes)
    : sniffed === declared.contentType || (sniffed === 'application/zip' && zipBased.has(declared.contentType));
  return matches ? { accepted: true } : { accepted: false, path: 'body.contentType', message: 'The file\'s content is not of the declared type.' };
};
