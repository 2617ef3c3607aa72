import { call, demoUser } from './api.js';
import { createActiveMemorandum, postToS3, samplePdf } from './memoranda.js';

/** Progress-report fixtures: the council of the source case reports on its obligations. */

export interface ReportBody {
  id: string;
  status: string;
  version: number;
  entries: {
    obligationId: string; status: string; percentComplete: number; narrative?: string; reviewComment?: string;
    indicatorActuals: { indicatorId: string; value: number }[];
    evidence?: { id: string; filename: string; contentType: string; size: number; sha256: string }[];
  }[];
}

export const firstQuarter = { start: '2026-01-15', end: '2026-03-31' };

/** An active memorandum of the source case with the council's draft report for a period. */
export const startCouncilReport = async (period = firstQuarter) => {
  const active = await createActiveMemorandum();
  const report = await call<ReportBody>('POST', `/api/memoranda/${active.id}/reports`, { as: demoUser('council'), body: { period } });
  if (report.status !== 201) throw new Error(`report not created: ${report.status} ${JSON.stringify(report.body)}`);
  return { memorandumId: active.id, report: report.body, base: `/api/memoranda/${active.id}/reports/${report.body.id}` };
};

/** Requests an evidence upload and posts the file to S3; `confirm` is the API's check, with the report's current version. */
export const uploadEvidence = async (
  base: string,
  as: ReturnType<typeof demoUser>,
  file: { bytes: Uint8Array; storedType: string; declared?: string; declaredSize?: number; filename?: string; obligationId?: string } = { bytes: samplePdf, storedType: 'application/pdf' },
) => {
  const declared = file.declared ?? file.storedType;
  const filename = file.filename ?? 'evidence.pdf';
  const obligationId = file.obligationId ?? 'c1';
  const upload = await call<{ uploadId: string; url: string; fields: Record<string, string> }>('POST', `${base}/evidence/uploads`, { as, body: { obligationId, filename, contentType: declared, size: file.declaredSize ?? file.bytes.byteLength } });
  if (upload.status !== 200) throw new Error(`evidence upload request failed: ${upload.status} ${JSON.stringify(upload.body)}`);
  await postToS3(upload.body, { bytes: file.bytes, storedType: file.storedType, filename });
  return {
    uploadId: upload.body.uploadId,
    /** Posts the same upload form again (it stays valid until it expires). */
    postAgain: (bytes: Uint8Array) => postToS3(upload.body, { bytes, storedType: file.storedType, filename }),
    confirm: (version: number, headers: Record<string, string> = {}) =>
      call<ReportBody>('POST', `${base}/evidence`, { as, body: { uploadId: upload.body.uploadId, obligationId, filename, contentType: declared }, headers: { 'if-match': `"${version}"`, ...headers } }),
  };
};
