import * as z from 'zod/mini';
import { isoTimestamp, itemId, text, ulid, userId } from '../core/schemas.js';
import { DocumentConfirm, DocumentUploadRequest, StoredFile } from '../files/schema.js';
import { obligationStatuses } from '../obligations/schema.js';
import { reportStatuses } from './workflow.js';

/** The contract of progress reports: one per organisation, memorandum and period. */

const isoDate = z.iso.date('Must be a date, e.g. 2026-03-31.');

export const Period = z.strictObject({ start: isoDate, end: isoDate }).check(
  z.refine((period) => period.start <= period.end, { message: 'The period must not end before it starts.', path: ['end'] }),
);

/**
 * `<start>_<end>_<orgId>`, and for a completion report `~<obligationId>` after it:
 * readable, unique per organisation and period (and obligation), safe in a URL.
 */
export const reportIdPattern = /^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}_[0-9A-HJKMNP-TV-Z]{26}(?:~[A-Za-z0-9_-]{1,40})?$/;
export const ReportParams = z.strictObject({ memorandumId: ulid, reportId: z.string().check(z.regex(reportIdPattern, 'Must be a report id.')) });

export const IndicatorActual = z.strictObject({ indicatorId: z.string().check(z.minLength(1), z.maxLength(40)), value: z.number().check(z.gte(0, 'Must be 0 or more.')) });

const obligationId = z.string().check(z.minLength(1), z.maxLength(40));

export const ReportEntryInput = z.strictObject({
  obligationId: z.string().check(z.minLength(1), z.maxLength(40)),
  status: z.enum(obligationStatuses),
  percentComplete: z.number().check(z.int('Must be a whole number.'), z.gte(0, 'Must be between 0 and 100.'), z.lte(100, 'Must be between 0 and 100.')),
  narrative: z.optional(text(0, 4000)),
  indicatorActuals: z.optional(z.array(IndicatorActual).check(z.maxLength(20))),
});

/**
 * A periodic report covers all of the organisation's obligations for a period; a
 * completion report (`completes`) says one one-off obligation is done, whenever it
 * is, outside the periodic rhythm: its period runs (unless given) from the signing to today.
 */
export const ReportCreate = z.strictObject({ period: z.optional(Period), completes: z.optional(itemId) }).check(
  z.refine((body) => body.period !== undefined || body.completes !== undefined, { message: 'Required.', path: ['period'] }),
);
export const ReportSave = z.strictObject({ entries: z.array(ReportEntryInput).check(z.maxLength(70)) });

export const ReturnReport = z.strictObject({
  comment: z.optional(text(1, 4000)),
  entryComments: z.optional(z.array(z.strictObject({ obligationId: z.string().check(z.minLength(1), z.maxLength(40)), comment: text(1, 2000) })).check(z.maxLength(70))),
}).check(z.refine((body) => body.comment !== undefined || (body.entryComments ?? []).length > 0, { message: 'Say what needs to change: a comment or comments on entries.', path: ['comment'] }));

export const evidencePerEntry = 10;

export const EvidenceUploadRequest = z.strictObject({ obligationId, ...DocumentUploadRequest.def.shape });
export const EvidenceConfirm = z.strictObject({ obligationId, ...DocumentConfirm.def.shape });
export const EvidenceParams = z.strictObject({ ...ReportParams.def.shape, evidenceId: ulid });

/** An evidence file on a report entry. */
export const Evidence = StoredFile;

export const ReportEntry = z.object({
  obligationId: z.string(),
  status: z.enum(obligationStatuses),
  percentComplete: z.number(),
  narrative: z.optional(z.string()),
  indicatorActuals: z.array(z.object({ indicatorId: z.string(), value: z.number() })),
  /** Files checked by the API after upload; downloaded through short-lived links. */
  evidence: z.optional(z.array(Evidence)),
  /** The reviewer's comment when the report was returned. */
  reviewComment: z.optional(z.string()),
});

/** One step of a report's review: kept so that a resubmitted report shows what was asked and when. */
export const ReportStep = z.object({
  action: z.enum(['submitted', 'returned', 'accepted']),
  at: isoTimestamp,
  by: userId,
  comment: z.optional(z.string()),
  entryComments: z.optional(z.array(z.object({ obligationId: z.string(), comment: z.string() }))),
});

export const Report = z.object({
  id: z.string(),
  memorandumId: ulid,
  orgId: ulid,
  /** Copied when the report is started (a memorandum in force no longer changes): the review queue names them in one read. */
  memorandumTitle: z.optional(z.object({ uk: z.optional(z.string()), en: z.optional(z.string()) })),
  orgName: z.optional(z.object({ uk: z.string(), en: z.string() })),
  period: z.object({ start: z.string(), end: z.string() }),
  /** A completion report: the one-off obligation it says is done (its only entry). */
  completes: z.optional(z.string()),
  status: z.enum(reportStatuses),
  entries: z.array(ReportEntry),
  version: z.number(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  submittedAt: z.optional(isoTimestamp),
  reviewComment: z.optional(z.string()),
  reviewedAt: z.optional(isoTimestamp),
  history: z.optional(z.array(ReportStep)),
});

export const ReportSummary = z.object({
  id: z.string(),
  orgId: ulid,
  period: z.object({ start: z.string(), end: z.string() }),
  completes: z.optional(z.string()),
  status: z.enum(reportStatuses),
  submittedAt: z.optional(isoTimestamp),
  reviewedAt: z.optional(isoTimestamp),
});

export const ReportPage = z.object({ items: z.array(Report), nextCursor: z.optional(z.string()) });

export type Evidence = z.infer<typeof Evidence>;
export type ReportStep = z.infer<typeof ReportStep>;
export type ReportEntryInput = z.infer<typeof ReportEntryInput>;
export type ReportEntry = z.infer<typeof ReportEntry>;
export type Report = z.infer<typeof Report>;
export type ReportSummary = z.infer<typeof ReportSummary>;
