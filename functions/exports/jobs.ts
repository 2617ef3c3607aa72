import { createHash } from 'node:crypto';
import type { StoredExportJob } from './repository.js';
import type { ExportJob, ExportRequest } from './schema.js';

/** Pure rules of export jobs: which job a request is, and what its asker sees of it. */

/** A finished file is kept a week; asking again after that makes it again. */
export const exportJobDays = 7;
/** Receives of one job's message before it is dead-lettered (SQS redrive; the local queue alike). */
export const renderAttempts = 3;

/** The same programme, kind, period and audience while the data is unchanged: the same job (and file). */
export const exportJobIdOf = (parts: { programmeId: string; request: ExportRequest; range: { start: string; end: string } | undefined; audience: StoredExportJob['audience']; dataVersion: string }): string =>
  createHash('sha256').update(JSON.stringify([parts.programmeId, parts.request.kind, parts.range ?? null, parts.audience, parts.dataVersion])).digest('hex').slice(0, 32);

/** The data an export shows, as a short digest: the programme's version, its records' revision, its linked memoranda's figures. */
export const dataVersionOf = (programmeVersion: number, recordsRevision: number, linked: unknown): string =>
  createHash('sha256').update(JSON.stringify([programmeVersion, recordsRevision, linked])).digest('hex').slice(0, 24);

/** A job the asker should send off again: never sent (queued long ago, its message lost) or failed after its retries. */
export const needsSending = (job: Pick<StoredExportJob, 'status' | 'updatedAt'>, now: string, staleAfterSeconds = 120): boolean =>
  job.status === 'failed' || (job.status === 'queued' && Date.parse(now) - Date.parse(job.updatedAt) > staleAfterSeconds * 1000);

export const jobView = (job: StoredExportJob): Omit<ExportJob, 'download'> => ({
  id: job.id, programmeId: job.programmeId, kind: job.kind, ...(job.range ? { range: job.range } : {}),
  status: job.status, progress: job.progress, createdAt: job.createdAt, updatedAt: job.updatedAt,
  ...(job.status === 'failed' && job.problem ? { problem: job.problem } : {}),
});
