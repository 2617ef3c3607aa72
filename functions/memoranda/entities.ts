import * as z from 'zod/mini';
import { isoTimestamp, ulid } from '../core/schemas.js';
import { defineEntity } from '../data/entity.js';
import { Attachment } from './attachment-schema.js';
import { AuditEvent, Memorandum, MemorandumContent, MemorandumSummary, RevisionSummary } from './schema.js';

/**
 * A memorandum's partition (`MOU#id`) holds, in sort order: attachments (ATT#), its
 * entries in the signed digests (DIG#), audit events (EVT#), the head (HEAD), tracked
 * obligations (OBL#, the obligations module's), party entries (PARTY#), party figures
 * (PROG#), reports (REP#, the reports module's) and revisions (REV#). Everything before
 * REV# is the memorandum's page, read in one Query.
 */
export const memorandumPartition = (memorandumId: string) => `MOU#${memorandumId}`;
export const pageEndsBefore = 'REV#';
/** Party entries (PARTY#) sort just before revisions (REV#): one range holds both. */
export const partiesThroughRevisions = { from: 'PARTY#', to: 'REV#~' };
const inPartition = (memorandumId: string, sortKey: string) => ({ PK: memorandumPartition(memorandumId), SK: sortKey });
/** Zero-padded so that revisions and events sort by number. */
const padded = (value: number, width: number) => String(value).padStart(width, '0');

const headKey = (memorandumId: string) => inPartition(memorandumId, 'HEAD');
/** GSI1: signed memoranda by start date, until they become active (the daily job activates them). */
export const awaitingStart = { GSI1PK: 'MOU#AWAITING_START' };

/** The head: the memorandum itself, with the chain head the next audit event links to. */
export const memorandumHead = defineEntity({
  tag: 'memorandum',
  version: 1,
  schema: z.object({ ...Memorandum.def.shape, auditHead: z.object({ seq: z.number(), hash: z.string() }) }),
  key: headKey,
  keyOf: (head) => headKey(head.id),
  indexKeysOf: (head) => (head.status === 'signed' ? { ...awaitingStart, GSI1SK: `${head.content.term.start}#${head.id}` } : {}),
});

const partyKey = (memorandumId: string, orgId: string) => inPartition(memorandumId, `PARTY#${orgId}`);
/** GSI1: the memoranda an organisation sees, latest change first. */
export const memorandaOfOrganisation = (orgId: string) => ({ GSI1PK: `ORG#${orgId}#MOU` });

/** Each organisation that sees a memorandum has its entry: its line in the organisation's list, its access to the revisions. */
export const memorandumParty = defineEntity({
  tag: 'memorandumParty',
  version: 1,
  schema: z.object({ ...MemorandumSummary.def.shape, orgId: ulid }),
  key: partyKey,
  keyOf: (entry) => partyKey(entry.id, entry.orgId),
  indexKeysOf: (entry) => ({ ...memorandaOfOrganisation(entry.orgId), GSI1SK: `${entry.updatedAt}#${entry.id}` }),
});

const revisionKey = (memorandumId: string, revision: number) => inPartition(memorandumId, `REV#${padded(revision, 6)}`);
export const memorandumRevision = defineEntity({
  tag: 'memorandumRevision',
  version: 1,
  schema: z.object({ ...RevisionSummary.def.shape, content: MemorandumContent }),
  key: revisionKey,
});

export const memorandumAttachment = defineEntity({
  tag: 'memorandumAttachment',
  version: 1,
  schema: Attachment,
  key: (memorandumId: string, attachmentId: string) => inPartition(memorandumId, `ATT#${attachmentId}`),
});

const progressKey = (memorandumId: string, orgId: string) => inPartition(memorandumId, `PROG#${orgId}`);
/** A party's obligation figures in one memorandum (total, done, sum of percentages), kept current by accepted reports and amendments. */
export const partyProgress = defineEntity({
  tag: 'partyProgress',
  version: 1,
  schema: z.object({
    memorandumId: ulid, orgId: ulid, total: z.number(), done: z.number(), percentSum: z.number(),
    /** The party's latest accepted report travels with its figures: dashboards read both by key. */
    lastAcceptedReport: z.optional(z.object({ reportId: z.string(), period: z.object({ start: z.string(), end: z.string() }), acceptedAt: z.string() })),
  }),
  key: progressKey,
  keyOf: (figures) => progressKey(figures.memorandumId, figures.orgId),
});

export const auditEvent = defineEntity({
  tag: 'auditEvent',
  version: 1,
  schema: AuditEvent,
  key: (memorandumId: string, seq: number) => inPartition(memorandumId, `EVT#${padded(seq, 8)}`),
});

const chainHead = { seq: z.number(), hash: z.string() };

const markKey = (day: string, memorandumId: string) => ({ PK: `DIGEST#${day}`, SK: `MOU#${memorandumId}` });
export const digestMarksOf = (day: string) => `DIGEST#${day}`;
/** A memorandum's chain head as it stood at the end of a day (overwritten by each change that day): what the day's digest lists. */
export const auditDigestMark = defineEntity({
  tag: 'auditDigestMark',
  version: 1,
  schema: z.object({ memorandumId: ulid, ...chainHead }),
  key: markKey,
});

const digestsPartition = 'DIGESTS';
const digestKey = (day: string) => ({ PK: digestsPartition, SK: day });
export const allDigests = digestsPartition;
/** The record of one day's signed digest; the latest is the last of the partition. */
export const auditDigest = defineEntity({
  tag: 'auditDigest',
  version: 1,
  schema: z.object({ day: z.string(), sha256: z.string(), key: z.string(), keyId: z.string(), count: z.number(), createdAt: isoTimestamp }),
  key: digestKey,
  keyOf: (digest) => digestKey(digest.day),
});

const entryKey = (memorandumId: string, day: string) => inPartition(memorandumId, `DIG#${day}`);
/** A memorandum's line in one day's signed digest: it comes with its page (the latest is its anchor). */
export const memorandumDigest = defineEntity({
  tag: 'memorandumDigest',
  version: 1,
  schema: z.object({ day: z.string(), ...chainHead }),
  key: entryKey,
});
