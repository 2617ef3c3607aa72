import { describe, expect, it } from 'vitest';
import { evidenceKey } from '../../functions/reports/document-keys.js';
import { documentMaxBytes as evidenceMaxBytes } from '../../functions/files/schema.js';
import { checkedKeyOf } from '../../functions/files/document-store.js';
import { call, demoUser, objectExists, uniqueKey } from '../support/api.js';
import { samplePdf } from '../support/memoranda.js';
import { startCouncilReport, uploadEvidence, type ReportBody } from '../support/reports.js';

const council = demoUser('council');
const coordinator = demoUser('coordinator');
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, ...new Array(200).fill(0x20)]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);

interface Problem { code: string; errors?: { path: string; message: string }[] }

describe('evidence on report entries', () => {
  it('a photo and a scan are checked, attached to their entries, kept across saves and downloadable by the reviewer', async () => {
    const { memorandumId, report, base } = await startCouncilReport();
    const photo = await (await uploadEvidence(base, council, { bytes: jpeg, storedType: 'image/jpeg', filename: 'семінар.jpg', obligationId: 'c2' })).confirm(report.version, { 'idempotency-key': uniqueKey() });
    expect(photo.status).toBe(201);
    expect(photo.headers.get('location')).toMatch(new RegExp(`/evidence/[0-9A-Z]{26}$`));
    const scan = await (await uploadEvidence(base, council, { bytes: samplePdf, storedType: 'application/pdf', obligationId: 'c2' })).confirm(photo.body.version);
    const files = scan.body.entries.find((entry) => entry.obligationId === 'c2')?.evidence ?? [];
    expect(files.map((file) => [file.filename, file.contentType, file.size])).toEqual([['семінар.jpg', 'image/jpeg', jpeg.byteLength], ['evidence.pdf', 'application/pdf', samplePdf.byteLength]]);

    const saved = await call<ReportBody>('PUT', base, { as: council, headers: ifMatch(scan.body.version), body: { entries: [{ obligationId: 'c2', status: 'in_progress', percentComplete: 30 }] } });
    expect(saved.body.entries.find((entry) => entry.obligationId === 'c2')?.evidence).toHaveLength(2);

    const [first] = files;
    const link = await call<{ url: string; sha256: string }>('GET', `${base}/evidence/${first?.id}`, { as: coordinator });
    expect(link.status).toBe(200);
    const download = await fetch(link.body.url);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(jpeg);
    // The checked bytes are kept where no upload form can write; the upload key is emptied.
    expect(await objectExists(checkedKeyOf(evidenceKey(memorandumId, report.id, first?.id ?? '')))).toBe(true);
    expect(await objectExists(evidenceKey(memorandumId, report.id, first?.id ?? ''))).toBe(false);
  });

  it('serves exactly the bytes that were checked, even after the upload form is posted again', async () => {
    const { report, base } = await startCouncilReport();
    const upload = await uploadEvidence(base, council);
    const attached = await upload.confirm(report.version);
    await upload.postAgain(new TextEncoder().encode('%PDF-1.7\n<html><script>alert(document.domain)</script></html>'));
    const link = await call<{ url: string }>('GET', `${base}/evidence/${upload.uploadId}`, { as: coordinator });
    expect(link.status).toBe(200);
    expect(new Uint8Array(await (await fetch(link.body.url)).arrayBuffer())).toEqual(samplePdf);
    // Confirming the same upload again records nothing new.
    const again = await upload.confirm(attached.body.version);
    expect(again.status).toBe(409);
    expect((await call<ReportBody>('GET', base, { as: council })).body.entries[0]?.evidence).toHaveLength(1);
  });

  it('a CSV carrying markup is refused and deleted', async () => {
    const { memorandumId, report, base } = await startCouncilReport();
    const upload = await uploadEvidence(base, council, { bytes: new TextEncoder().encode('Назва;Кількість\r\n<img src=x onerror=alert(1)>;1\r\n'), storedType: 'text/csv', filename: 'звіт.csv' });
    const refused = await upload.confirm(report.version);
    expect([refused.status, (refused.body as unknown as Problem).errors?.map((error) => error.path)]).toEqual([400, ['body.contentType']]);
    expect(await objectExists(evidenceKey(memorandumId, report.id, upload.uploadId))).toBe(false);
  });

  it('a retried confirmation replays the first answer instead of failing on the version it already moved', async () => {
    const { report, base } = await startCouncilReport();
    const upload = await uploadEvidence(base, council);
    const key = { 'idempotency-key': uniqueKey() };
    const first = await upload.confirm(report.version, key);
    const retry = await upload.confirm(report.version, key);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await call<ReportBody>('GET', base, { as: council })).body.entries[0]?.evidence).toHaveLength(1);
  });

  it.each([
    ['over the size limit', { bytes: new Uint8Array(evidenceMaxBytes + 1).fill(0x25), storedType: 'application/pdf', declaredSize: 1024 }, 'body.uploadId'],
    ['whose bytes are not of its declared type', { bytes: png, storedType: 'application/pdf' }, 'body.contentType'],
    ['stored with another type than declared', { bytes: png, storedType: 'image/png', declared: 'application/pdf' }, 'body.contentType'],
  ])('a file %s is refused when the API checks it, deleted, and the report is unchanged', async (_case, file, path) => {
    const { memorandumId, report, base } = await startCouncilReport();
    const upload = await uploadEvidence(base, council, file);
    const refused = await upload.confirm(report.version);
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as Problem).errors?.map((error) => error.path)).toEqual([path]);
    expect(await objectExists(evidenceKey(memorandumId, report.id, upload.uploadId))).toBe(false);
    const after = await call<ReportBody>('GET', base, { as: council });
    expect(after.body).toEqual(report);
  });

  it('names every bad field of an upload request', async () => {
    const { base } = await startCouncilReport();
    const bad = await call<Problem>('POST', `${base}/evidence/uploads`, { as: council, body: { obligationId: 'c1', filename: '../etc/passwd', contentType: 'application/x-msdownload', size: evidenceMaxBytes + 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.path).sort()).toEqual(['body.contentType', 'body.filename', 'body.size']);
    const elsewhere = await call<Problem>('POST', `${base}/evidence/uploads`, { as: council, body: { obligationId: 'nope', filename: 'a.pdf', contentType: 'application/pdf', size: 10 } });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors?.map((error) => error.path)).toEqual(['body.obligationId']);
  });

  it('a removed file is gone from the entry and from the bucket; a submitted report takes no more files', async () => {
    const { memorandumId, report, base } = await startCouncilReport();
    const attached = await (await uploadEvidence(base, council)).confirm(report.version);
    const evidenceId = attached.body.entries[0]?.evidence?.[0]?.id ?? '';
    const stale = await call<Problem>('DELETE', `${base}/evidence/${evidenceId}`, { as: council, headers: ifMatch(report.version) });
    expect(stale.status).toBe(412);
    const removed = await call<ReportBody>('DELETE', `${base}/evidence/${evidenceId}`, { as: council, headers: ifMatch(attached.body.version) });
    expect(removed.status).toBe(200);
    expect(removed.body.entries[0]?.evidence).toEqual([]);
    expect(await objectExists(evidenceKey(memorandumId, report.id, evidenceId))).toBe(false);
    expect(await objectExists(checkedKeyOf(evidenceKey(memorandumId, report.id, evidenceId)))).toBe(false);
    expect((await call('GET', `${base}/evidence/${evidenceId}`, { as: council })).status).toBe(404);

    const said = await call<ReportBody>('PUT', base, { as: council, headers: ifMatch(removed.body.version), body: { entries: [{ obligationId: 'c1', status: 'in_progress', percentComplete: 40 }] } });
    const submitted = await call<ReportBody>('POST', `${base}/submit`, { as: council, headers: ifMatch(said.body.version) });
    const late = await call<Problem>('POST', `${base}/evidence/uploads`, { as: council, body: { obligationId: 'c1', filename: 'late.pdf', contentType: 'application/pdf', size: 10 } });
    expect([late.status, late.body.code]).toEqual([409, 'invalid_transition']);
    expect((await call<ReportBody>('GET', base, { as: council })).body.version).toBe(submitted.body.version);
  });
});
