import { defineStore } from 'pinia';
import type { DownloadLink, UploadForm } from '../../../functions/files/schema';
import type { Report, ReportEntryInput } from '../../../functions/reports/schema';
import { ApiError } from '../api/client';
import { postToPresignedForm } from '../api/upload';
import { services } from '../services';

export type EntryChange = ReportEntryInput;

/** Progress reports: the council writes them, the drafting organisation's coordinators review them. */
export const useReportsStore = defineStore('reports', () => {
  const path = (memorandumId: string, reportId?: string) => `/memoranda/${encodeURIComponent(memorandumId)}/reports${reportId ? `/${encodeURIComponent(reportId)}` : ''}`;

  const start = async (memorandumId: string, period: { start: string; end: string }) => (await services().api.send<Report>('POST', path(memorandumId), { period }, { idempotent: true })).body;
  /**
   * A completion report of a one-off obligation (the API sets its period: signing to
   * today), or the one the organisation already started and has not had accepted.
   */
  const startCompletion = async (memorandumId: string, obligationId: string): Promise<Report> => {
    try {
      return (await services().api.send<Report>('POST', path(memorandumId), { completes: obligationId }, { idempotent: true })).body;
    } catch (caught) {
      if (!(caught instanceof ApiError) || caught.code !== 'already_exists') throw caught;
      const open = (await services().api.get<{ items: Report[] }>('/reports?limit=100')).body.items;
      const started = open.find((report) => report.memorandumId === memorandumId && report.completes === obligationId);
      if (!started) throw caught;
      return started;
    }
  };
  const fetchOne = async (memorandumId: string, reportId: string) => services().api.get<Report>(path(memorandumId, reportId));
  const save = async (memorandumId: string, reportId: string, entries: EntryChange[], etag: string) => services().api.send<Report>('PUT', path(memorandumId, reportId), { entries }, { ifMatch: etag });
  const act = async (memorandumId: string, reportId: string, action: 'submit' | 'accept' | 'return', etag: string, body: object = {}) =>
    services().api.send<Report>('POST', `${path(memorandumId, reportId)}/${action}`, body, { ifMatch: etag });
  const queue = async () => (await services().api.get<{ items: Report[] }>('/reviews?limit=100')).body.items;

  /**
   * Uploads an evidence file straight to S3 (reporting progress), then asks the
   * API to check and attach it. `etag` is read when the upload ends, so edits
   * saved meanwhile do not make the confirmation stale.
   */
  const attachEvidence = async (memorandumId: string, reportId: string, file: File, upload: { obligationId: string; contentType: string; etag: () => string; onProgress: (percent: number) => void }) => {
    const base = path(memorandumId, reportId);
    const form = (await services().api.send<UploadForm>('POST', `${base}/evidence/uploads`, { obligationId: upload.obligationId, filename: file.name, contentType: upload.contentType, size: file.size })).body;
    await postToPresignedForm(form, file, upload.onProgress);
    return services().api.send<Report>('POST', `${base}/evidence`, { uploadId: form.uploadId, obligationId: upload.obligationId, filename: file.name, contentType: upload.contentType }, { ifMatch: upload.etag(), idempotencyKey: form.uploadId });
  };
  const evidenceLink = async (memorandumId: string, reportId: string, evidenceId: string) => (await services().api.get<DownloadLink>(`${path(memorandumId, reportId)}/evidence/${evidenceId}`)).body;
  const removeEvidence = async (memorandumId: string, reportId: string, evidenceId: string, etag: string) => services().api.send<Report>('DELETE', `${path(memorandumId, reportId)}/evidence/${evidenceId}`, undefined, { ifMatch: etag });

  return { pathOf: (memorandumId: string, reportId: string) => path(memorandumId, reportId), start, startCompletion, fetchOne, save, act, queue, attachEvidence, evidenceLink, removeEvidence };
});
