import * as z from 'zod/mini';
import { isoTimestamp, ulid } from '../core/schemas.js';
import { defineEntity } from '../data/entity.js';
import { exportJobStatuses, exportKinds } from '../programmes/vocabulary.js';

/** A programme's export jobs: a partition of their own, so that the programme's Query never reads them. Expire by TTL. */
const jobKey = (programmeId: string, jobId: string) => ({ PK: `PRG#${programmeId}#EXPORTS`, SK: `JOB#${jobId}` });

export const exportJob = defineEntity({
  tag: 'exportJob',
  version: 1,
  schema: z.object({
    id: z.string(),
    programmeId: ulid,
    kind: z.enum(exportKinds),
    range: z.optional(z.object({ start: z.string(), end: z.string() })),
    /** Whose figures it shows: a funder's have small counts hidden. */
    audience: z.enum(['implementer', 'funder']),
    requestedBy: z.object({ userId: z.string(), orgId: ulid }),
    /** What the data was when it was asked for (programme version, figures revision, linked figures). */
    dataVersion: z.string(),
    status: z.enum(exportJobStatuses),
    progress: z.number(),
    attempts: z.number(),
    file: z.optional(z.object({ key: z.string(), filename: z.string(), contentType: z.string(), sha256: z.string(), size: z.number() })),
    problem: z.optional(z.string()),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    expiresAt: z.number(),
  }),
  key: jobKey,
  keyOf: (job) => jobKey(job.programmeId, job.id),
});
