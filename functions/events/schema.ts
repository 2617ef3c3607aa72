import * as z from 'zod/mini';
import { isoDate, isoTimestamp, itemId, ulid } from '../core/schemas.js';
import { eventChecks, eventShape } from './shape.js';
import { StoredFile } from '../files/schema.js';

/**
 * The contract of the events the parties of a memorandum organise under their
 * obligations (press conferences, public and educational events): when, where, for
 * whom, with which co-organisers among the parties, and how many came — counts only,
 * never who.
 */

export const MemorandumEventInput = z.strictObject({
  ...eventShape,
  /** The obligations of the organiser (or of a co-organiser) the event serves. */
  obligationIds: z.optional(z.array(itemId).check(z.maxLength(20))),
}).check(...eventChecks);

export const MemorandumEvent = z.object({
  ...MemorandumEventInput.def.shape,
  id: ulid,
  memorandumId: ulid,
  /** The party that recorded it and organises it. */
  organiserOrgId: ulid,
  /** Programmes, photos, press releases: checked and kept in S3 (kept by the materials routes). */
  materials: z.optional(z.array(StoredFile)),
  version: z.number(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const MemorandumEventParams = z.strictObject({ memorandumId: ulid, eventId: ulid });
export const MemorandumEventMaterialParams = z.strictObject({ memorandumId: ulid, eventId: ulid, materialId: ulid });
export const MemorandumEventsQuery = z.strictObject({ from: z.optional(isoDate), to: z.optional(isoDate) });
export const MemorandumEventList = z.object({ items: z.array(MemorandumEvent) });

export type MemorandumEventInput = z.infer<typeof MemorandumEventInput>;
export type MemorandumEvent = z.infer<typeof MemorandumEvent>;
