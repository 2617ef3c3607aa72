import * as z from 'zod/mini';
import { amendmentStatuses, memorandumStatuses } from './vocabulary.js';
import { Attachment } from './attachment-schema.js';
import { bilingual, isoDate, isoTimestamp, itemId, pageQuery, text, timeZone, ulid, userId } from '../core/schemas.js';
import { TrackedObligation } from '../obligations/schema.js';
import { DownloadLink } from '../files/schema.js';
import { Report, ReportSummary } from '../reports/schema.js';

/** The contract of the memoranda routes. */

export * from './vocabulary.js';
export * from './attachment-schema.js';

export const MemorandumStatus = z.enum(memorandumStatuses);

export { Indicator, Obligation } from '../obligations/terms.js';
import { Obligation } from '../obligations/terms.js';

export const Party = z.strictObject({
  orgId: ulid,
  /** The party's role in this memorandum, e.g. "City Council", "NGO". */
  role: bilingual(120),
  approverUserId: z.optional(userId),
  signatoryUserId: z.optional(userId),
});

export const Clause = z.strictObject({ id: itemId, text: bilingual(2000) });

export const MemorandumContent = z.strictObject({
  title: bilingual(300),
  term: z.strictObject({ start: isoDate, end: z.optional(z.nullable(isoDate)) }),
  /** Whose calendar its dates are in: "today" for coming into force, due dates and report periods (Europe/Kyiv when not set). */
  timeZone: z.optional(timeZone),
  parties: z.array(Party).check(z.minLength(2, 'A memorandum has at least two parties.'), z.maxLength(20)),
  purposes: z.array(Clause).check(z.maxLength(50)),
  areas: z.array(Clause).check(z.maxLength(50)),
  // Signing turns each obligation into a tracked record in the same transaction (≤ 100 items).
  obligations: z.array(Obligation).check(z.maxLength(70, 'At most 70 obligations per memorandum.')),
});

export const MemorandumCreate = z
  .strictObject({
    content: z.optional(MemorandumContent),
    /** Start from an existing memorandum the caller can see: its content is copied as the first draft. */
    templateId: z.optional(ulid),
  })
  .check(z.refine((body) => (body.content === undefined) !== (body.templateId === undefined), { message: 'Send either content or templateId.' }));

export const MemorandumDraft = z.strictObject({ content: MemorandumContent });

export const ReturnRequest = z.strictObject({
  comment: text(3, 4000),
  /** The section or item the comment is about, e.g. { section: 'obligations', id: 'o3' }. */
  anchor: z.optional(z.strictObject({ section: z.enum(['title', 'term', 'parties', 'purposes', 'areas', 'obligations']), id: z.optional(itemId) })),
});

export const NoBody = z.strictObject({});

export const EndRequest = z.strictObject({ reason: text(3, 2000) });

export const MemorandumParams = z.strictObject({ memorandumId: ulid });

export const MemorandumListQuery = z.strictObject({
  ...pageQuery.def.shape,
  status: z.optional(MemorandumStatus),
  /** By last change: newest first (default) or oldest first. */
  order: z.optional(z.enum(['newest', 'oldest'])),
});

export const PartyState = z.object({
  orgId: ulid,
  approval: z.enum(['pending', 'approved', 'returned']),
});

/** Names copied in when the draft is saved, so every party can read them. */
export const Directory = z.object({
  organisations: z.record(z.string(), z.object({ uk: z.string(), en: z.string() })),
  people: z.record(z.string(), z.object({ name: z.string(), position: z.optional(z.string()), orgId: z.string() })),
});

export const ReturnComment = z.object({
  orgId: z.string(),
  userId: z.string(),
  at: isoTimestamp,
  revision: z.number(),
  comment: z.string(),
  anchor: z.optional(z.object({ section: z.string(), id: z.optional(z.string()) })),
});

export const StoredDocument = z.object({
  key: z.string(),
  sha256: z.string(),
  size: z.number(),
  renderedAt: isoTimestamp,
  /** The audit-chain head the document states (the certificate of completion names it). */
  auditHead: z.optional(z.object({ seq: z.number(), hash: z.string() })),
});

export const Signature = z.object({
  orgId: z.string(),
  userId: z.string(),
  fullName: z.string(),
  position: z.string(),
  at: isoTimestamp,
  documentHash: z.string(),
  sourceIp: z.string(),
  userAgent: z.string(),
});

export const SignRequest = z.strictObject({
  fullName: text(3, 120),
  position: text(2, 120),
  /** The SHA-256 of the final PDF the signatory was shown. */
  documentHash: z.string().check(z.regex(/^[a-f0-9]{64}$/, 'Must be the SHA-256 of the document (64 hex characters).')),
  confirm: z.literal(true, 'Confirm that you sign this document.'),
});

export const documentKinds = ['final', 'certificate'] as const;
export const DocumentParams = z.strictObject({ memorandumId: ulid, kind: z.enum(documentKinds) });
export const DocumentLink = DownloadLink;



/** How much one amendment may change at once: every change is one item of the transaction that applies it (≤ 100). */
export const amendmentMaxObligationChanges = 60;

export const AmendmentStatus = z.enum(amendmentStatuses);

/**
 * A supplementary agreement: the whole amended text (consolidated) with its own
 * revisions, approvals, signatures, final PDF and certificate. While it is under way
 * the memorandum stays in force under its current terms; its last signature makes
 * its text the agreement in force.
 */
export const Amendment = z.object({
  number: z.number(),
  status: AmendmentStatus,
  /** The organisation whose coordinators edit and submit it (any party may start one). */
  draftingOrgId: ulid,
  /** What changes and why, in the parties' words. */
  summary: z.optional(z.object({ uk: z.optional(z.string()), en: z.optional(z.string()) })),
  /** The amended agreement, while the amendment is under way (once it ends, its text is in the revisions). */
  content: z.optional(MemorandumContent),
  directory: z.optional(Directory),
  /** The revision of the agreement it amends. */
  baseRevision: z.number(),
  /** Its latest saved revision (revision numbers are the memorandum's, so any two versions compare). */
  revision: z.number(),
  reviewRevision: z.optional(z.number()),
  sharedAt: z.optional(isoTimestamp),
  /** Every party of the agreement in force and of the amended one (a joining party approves and signs too). */
  parties: z.array(PartyState),
  signedBy: z.array(z.string()),
  signatures: z.array(Signature),
  documents: z.object({ final: z.optional(StoredDocument), certificate: z.optional(StoredDocument) }),
  comments: z.array(ReturnComment),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  /** When it came into force (its last signature) or was abandoned. */
  endedAt: z.optional(isoTimestamp),
});

export const AmendmentStart = z.strictObject({ summary: z.optional(bilingual(2000)) });
export const AmendmentDraft = z.strictObject({ content: MemorandumContent, summary: z.optional(bilingual(2000)) });
export const amendmentNumber = z.string().check(z.regex(/^[1-9][0-9]{0,2}$/, 'Must be an amendment number.'));
export const AmendmentParams = z.strictObject({ memorandumId: ulid, number: amendmentNumber });
export const AmendmentDocumentParams = z.strictObject({ memorandumId: ulid, number: amendmentNumber, kind: z.enum(documentKinds) });

export const Memorandum = z.object({
  id: ulid,
  status: MemorandumStatus,
  draftingOrgId: ulid,
  content: MemorandumContent,
  directory: Directory,
  comments: z.array(ReturnComment),
  signedBy: z.array(z.string()),
  signatures: z.array(Signature),
  documents: z.object({ final: z.optional(StoredDocument), certificate: z.optional(StoredDocument) }),
  revision: z.number(),
  /** The revision frozen for review (in_review and after). */
  reviewRevision: z.optional(z.number()),
  /** Its first submission: until then only the drafting organisation sees it. */
  sharedAt: z.optional(isoTimestamp),
  parties: z.array(PartyState),
  /** Its supplementary agreements, oldest first; at most one is under way. */
  amendments: z.optional(z.array(Amendment)),
  /** Parties that left by an amendment: they keep reading the record of their time. */
  formerParties: z.optional(z.array(ulid)),
  version: z.number(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

/** A party's named person who must still approve or sign. */
export const PendingStep = z.object({
  step: z.enum(['approve', 'sign']), orgId: z.string(), userId: z.string(), orgName: z.optional(z.object({ uk: z.string(), en: z.string() })),
  /** The amendment the step is for; none for the memorandum itself. */
  amendment: z.optional(z.number()),
});

export const MemorandumSummary = z.object({
  id: ulid,
  title: z.object({ uk: z.optional(z.string()), en: z.optional(z.string()) }),
  status: MemorandumStatus,
  draftingOrgId: ulid,
  updatedAt: isoTimestamp,
  /** In review or approved: who must still act, so that lists and homes show whose turn it is. */
  waitingFor: z.optional(z.array(PendingStep)),
});

export const MemorandumPage = z.object({ items: z.array(MemorandumSummary), nextCursor: z.optional(z.string()) });

export const AuditEvent = z.object({
  seq: z.number(),
  at: isoTimestamp,
  actor: z.object({ userId: z.string(), orgId: z.string() }),
  action: z.string(),
  detail: z.optional(z.record(z.string(), z.unknown())),
  prevHash: z.string(),
  hash: z.string(),
});

export const MemorandumView = z.object({
  memorandum: Memorandum,
  events: z.array(AuditEvent),
  attachments: z.array(Attachment),
  /** Once signed: each obligation's tracked status and progress. */
  obligations: z.array(TrackedObligation),
  /** Progress reports the caller may see: their organisation's, or all of them for the drafting organisation. */
  reports: z.array(Report),
  /** Every report's period, organisation and state, for all with access to the memorandum (the content stays with the two organisations). */
  reportTimeline: z.array(ReportSummary),
});

export const RevisionSummary = z.object({ revision: z.number(), savedAt: isoTimestamp, savedBy: z.string() });
export const RevisionList = z.object({ items: z.array(RevisionSummary) });

export const DiffQuery = z.strictObject({
  from: z.string().check(z.regex(/^[1-9][0-9]{0,5}$/, 'Must be a revision number.')),
  to: z.string().check(z.regex(/^[1-9][0-9]{0,5}$/, 'Must be a revision number.')),
});

export const ChangeKind = z.enum(['added', 'removed', 'changed']);
export const SectionDiff = z.object({
  section: z.enum(['title', 'term', 'parties', 'purposes', 'areas', 'obligations']),
  changes: z.array(z.object({ kind: ChangeKind, id: z.string(), before: z.optional(z.unknown()), after: z.optional(z.unknown()) })),
});
export const RevisionDiff = z.object({ from: z.number(), to: z.number(), sections: z.array(SectionDiff) });

/** Where an audit chain's head is recorded besides its events (see audit-chain.ts). */
export const anchorSources = ['memorandum', 'certificate', 'digest'] as const;
/** Why a chain does not hold. */
export const chainProblems = ['missing_event', 'not_linked', 'content_changed', 'events_missing_at_end', 'events_after_head', 'differs_from_anchor', 'anchor_unverifiable'] as const;

export const AuditVerification = z.object({
  valid: z.boolean(),
  events: z.number(),
  headHash: z.string(),
  /** What the chain was held against besides its own events. */
  anchors: z.array(z.enum(anchorSources)),
  firstBrokenSeq: z.optional(z.number()),
  problem: z.optional(z.enum(chainProblems)),
  /** The anchor the chain disagrees with, if that is the problem. */
  anchor: z.optional(z.enum(anchorSources)),
  reason: z.optional(z.string()),
});

export type MemorandumStatus = z.infer<typeof MemorandumStatus>;
export type MemorandumContent = z.infer<typeof MemorandumContent>;
export type MemorandumCreate = z.infer<typeof MemorandumCreate>;
export type Memorandum = z.infer<typeof Memorandum>;
export type MemorandumSummary = z.infer<typeof MemorandumSummary>;
export type PendingStep = z.infer<typeof PendingStep>;
export type MemorandumPage = z.infer<typeof MemorandumPage>;
export type MemorandumView = z.infer<typeof MemorandumView>;
export type AuditEvent = z.infer<typeof AuditEvent>;
export type RevisionDiff = z.infer<typeof RevisionDiff>;
export type SectionDiff = z.infer<typeof SectionDiff>;
export type AuditVerification = z.infer<typeof AuditVerification>;
export type AnchorSource = (typeof anchorSources)[number];
export type ChainProblem = (typeof chainProblems)[number];
export type PartyState = z.infer<typeof PartyState>;
export type Amendment = z.infer<typeof Amendment>;
export type AmendmentStatus = z.infer<typeof AmendmentStatus>;
export type Signature = z.infer<typeof Signature>;
export type StoredDocument = z.infer<typeof StoredDocument>;
export type SignRequest = z.infer<typeof SignRequest>;
export type DocumentLink = z.infer<typeof DocumentLink>;
export type Directory = z.infer<typeof Directory>;
export type ReturnComment = z.infer<typeof ReturnComment>;
export type MemorandumDraft = z.infer<typeof MemorandumDraft>;
export type ReturnRequest = z.infer<typeof ReturnRequest>;
