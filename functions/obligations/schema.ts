import * as z from 'zod/mini';
import { obligationStatuses } from './vocabulary.js';
import { isoTimestamp, pageQuery, ulid } from '../core/schemas.js';
import { Indicator, Obligation } from './terms.js';

/** The contract of the tracked obligations ("my commitments"). */

export * from './vocabulary.js';

export const ObligationStatus = z.enum(obligationStatuses);

const text = z.object({ uk: z.optional(z.string()), en: z.optional(z.string()) });
const agreed = Obligation.def.shape;

/** An indicator as agreed, with the latest actual an accepted report gave it. */
export const TrackedIndicator = z.object({ ...Indicator.def.shape, latestActual: z.optional(z.number()) });

/** An obligation as stored once its memorandum is signed: its agreed terms, owned by its party, progressed by accepted reports. */
export const TrackedObligation = z.object({
  memorandumId: ulid,
  obligationId: agreed.id,
  ownerOrgId: agreed.partyOrgId,
  /** The organisation whose coordinators drafted the memorandum and review its reports. */
  draftingOrgId: ulid,
  memorandumTitle: text,
  text: agreed.text,
  category: agreed.category,
  dueDate: agreed.dueDate,
  recurrence: agreed.recurrence,
  responsible: agreed.responsible,
  /** The memorandum's time zone, when not Europe/Kyiv: its "today" decides what is due and overdue. */
  timeZone: z.optional(z.string()),
  indicators: z.array(TrackedIndicator),
  status: ObligationStatus,
  percentComplete: z.number(),
  /** The end of the latest accepted report's period that covered it. */
  reportedThrough: z.optional(z.string()),
  /** Ended by an amendment: no longer due, never reminded of; its reports stay. */
  endedBy: z.optional(z.object({ amendment: z.number(), on: z.string() })),
  /** The latest amendment that changed its terms (its reports and progress carried over). */
  amendedBy: z.optional(z.number()),
  /** Written only by accepted reports and amendments, conditionally on this. */
  version: z.optional(z.number()),
  createdAt: isoTimestamp,
});

export const Commitment = z.object({
  ...TrackedObligation.def.shape,
  /** The next date it is due on or after today (recurring obligations roll forward). */
  nextDueDate: z.optional(z.string()),
  overdue: z.boolean(),
  /** The period its next report is due for, once it may be reported. */
  reportPeriod: z.optional(z.object({ start: z.string(), end: z.string() })),
});

export const CommitmentsQuery = z.strictObject({
  ...pageQuery.def.shape,
  status: z.optional(ObligationStatus),
  memorandumId: z.optional(ulid),
  /** Only obligations first due on or before this date (YYYY-MM-DD). */
  dueBefore: z.optional(z.iso.date('Must be a date, e.g. 2026-12-31.')),
});

export const PartnerCommitmentsQuery = z.strictObject({
  ...pageQuery.def.shape,
  /** Only those overdue today (a page may then hold fewer items than its limit; follow the cursor). */
  overdue: z.optional(z.enum(['true', 'false'])),
});

export const CommitmentPage = z.object({ items: z.array(Commitment), nextCursor: z.optional(z.string()) });

export type ObligationStatus = z.infer<typeof ObligationStatus>;
export type TrackedObligation = z.infer<typeof TrackedObligation>;
export type Commitment = z.infer<typeof Commitment>;
export type CommitmentPage = z.infer<typeof CommitmentPage>;
export type PartnerCommitmentsQuery = z.infer<typeof PartnerCommitmentsQuery>;
