import * as z from 'zod/mini';
import { isoDate, isoTimestamp, ulid } from '../core/schemas.js';
import { DownloadLink } from '../files/schema.js';
import { exportJobStatuses, exportKinds } from '../programmes/vocabulary.js';

/** The contract of export jobs: a programme's files are made by the renderer, off the request path. */

export const ExportRequest = z.strictObject({
  kind: z.enum(exportKinds),
  /** The progress report's period (the programme's whole period when absent). */
  from: z.optional(isoDate),
  to: z.optional(isoDate),
}).check(
  z.refine((request) => !request.from || !request.to || request.from <= request.to, { message: 'The period must not end before it starts.', path: ['to'] }),
  z.refine((request) => request.kind === 'report.pdf' || (request.from === undefined && request.to === undefined), { message: 'Only the progress report takes a period.', path: ['from'] }),
);

/** A job's id is a digest of what it makes (programme, kind, period, audience, data version): the same request while nothing changed is the same job. */
export const exportJobId = z.string().check(z.regex(/^[0-9a-f]{32}$/, 'Not an export job.'));
export const ExportJobParams = z.strictObject({ programmeId: ulid, jobId: exportJobId });

export const ExportJob = z.object({
  id: exportJobId,
  programmeId: ulid,
  kind: z.enum(exportKinds),
  range: z.optional(z.object({ start: z.string(), end: z.string() })),
  status: z.enum(exportJobStatuses),
  /** 0–100, from the work done: data read, document built, rendered, stored. */
  progress: z.number(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  /** When done: a short-lived link to the file, issued after its SHA-256 was checked again. */
  download: z.optional(DownloadLink),
  /** When failed after its retries: what happened, for the people who asked. */
  problem: z.optional(z.string()),
});

export type ExportRequest = z.infer<typeof ExportRequest>;
export type ExportJob = z.infer<typeof ExportJob>;
