import * as z from 'zod/mini';
import { isoTimestamp, ulid } from '../core/schemas.js';
import { defineEntity } from '../data/entity.js';
import { Activity, CaseRecord, IndicatorActual, Member, ProgrammeContent, Spend, Tally } from './schema.js';

/**
 * A programme's partition (`PRG#id`) holds its head (HEAD), its figures (FIG), each
 * member organisation's relationship (ORG#), and its records: activities (ACT#),
 * assistance tallies (AST#), spending (SPD#), network members (NET#), case records
 * (CASE#org#) and indicator actuals (IND#).
 */
const partition = (programmeId: string) => `PRG#${programmeId}`;
const inPartition = (programmeId: string, sortKey: string) => ({ PK: partition(programmeId), SK: sortKey });
const recordPrefixes = { tallies: 'AST#', spending: 'SPD#', network: 'NET#', actuals: 'IND#' } as const;
/** One kind of record of a programme: its partition and sort key prefix. */
export const recordsOf = (programmeId: string, kind: keyof typeof recordPrefixes) => ({ PK: partition(programmeId), SKPrefix: recordPrefixes[kind] });
/** The case records one organisation keeps in a programme. */
export const casesKeptBy = (programmeId: string, orgId: string) => ({ PK: partition(programmeId), SKPrefix: `CASE#${orgId}#` });

const headKey = (programmeId: string) => inPartition(programmeId, 'HEAD');
/** A programme as stored: its head, with the secret of its calendar feed and its linked memoranda's parties. */
export const programmeHead = defineEntity({
  tag: 'programme',
  version: 1,
  schema: z.object({
    id: ulid,
    content: ProgrammeContent,
    createdByOrgId: ulid,
    /** The lead implementer; absent on programmes from before leads, whose creator leads. */
    leadOrgId: z.optional(ulid),
    version: z.number(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    /** The secret in the programme's iCalendar link; never shown to funders. */
    calendarToken: z.string(),
    /** The parties of each linked memorandum, resolved when it was linked: their figures are read by key. */
    linkedParties: z.array(z.object({ memorandumId: ulid, orgIds: z.array(ulid) })),
  }),
  key: headKey,
  keyOf: (programme) => headKey(programme.id),
});

/** GSI1: the programmes an organisation runs or funds, by start date. */
export const programmesOfOrganisation = (orgId: string) => ({ GSI1PK: `ORG#${orgId}#PRG` });
const memberKey = (programmeId: string, orgId: string) => inPartition(programmeId, `ORG#${orgId}`);
/** An organisation's relationship to a programme (implementer or funder): its line in the organisation's list. */
export const programmeMember = defineEntity({
  tag: 'programmeMember',
  version: 1,
  schema: z.object({ programmeId: ulid, orgId: ulid, role: z.enum(['implementer', 'funder']), title: ProgrammeContent.def.shape.title, period: ProgrammeContent.def.shape.period }),
  key: memberKey,
  keyOf: (member) => memberKey(member.programmeId, member.orgId),
  indexKeysOf: (member) => ({ ...programmesOfOrganisation(member.orgId), GSI1SK: `${member.period.start}#${member.programmeId}` }),
});

/** The programme's dashboard figures as flat counters (see figures.ts), kept current in the same transaction as every record. */
export const programmeFigures = defineEntity({
  tag: 'programmeFigures',
  version: 1,
  schema: z.catchall(z.object({}), z.number()),
  key: (programmeId: string) => inPartition(programmeId, 'FIG'),
});

/** GSI1: a programme's activities by date: a month of the calendar is one Query. */
export const activityCalendar = (programmeId: string) => ({ GSI1PK: `PRG#${programmeId}#CAL` });
const activityKey = (programmeId: string, activityId: string) => inPartition(programmeId, `ACT#${activityId}`);
export const activity = defineEntity({
  tag: 'activity',
  version: 1,
  schema: Activity,
  key: activityKey,
  keyOf: (value) => activityKey(value.programmeId, value.id),
  indexKeysOf: (value) => ({ ...activityCalendar(value.programmeId), GSI1SK: `${value.date}#${value.id}` }),
});

const tallyKey = (programmeId: string, tallyId: string) => inPartition(programmeId, `AST#${tallyId}`);
export const assistanceTally = defineEntity({
  tag: 'assistanceTally',
  version: 1,
  schema: Tally,
  key: tallyKey,
  keyOf: (tally) => tallyKey(tally.programmeId, tally.id),
});

const spendKey = (programmeId: string, month: string, lineId: string) => inPartition(programmeId, `SPD#${month}#${lineId}`);
export const spend = defineEntity({
  tag: 'spend',
  version: 1,
  schema: Spend,
  key: spendKey,
  keyOf: (value) => spendKey(value.programmeId, value.month, value.lineId),
});

const actualKey = (programmeId: string, indicatorId: string, period: string) => inPartition(programmeId, `IND#${indicatorId}#${period}`);
export const indicatorActual = defineEntity({
  tag: 'indicatorActual',
  version: 1,
  schema: IndicatorActual,
  key: actualKey,
  keyOf: (actual) => actualKey(actual.programmeId, actual.indicatorId, actual.period),
});

/** Once removed on request, only what the counts need is left of a network member. */
const RemovedMember = z.object({
  id: ulid, programmeId: ulid, removed: z.literal(true), kind: z.string(), country: z.string(),
  participationCounts: z.object({ invited: z.number(), attended: z.number() }), version: z.number(), removedAt: isoTimestamp,
});
const networkMemberKey = (programmeId: string, memberId: string) => inPartition(programmeId, `NET#${memberId}`);
export const networkMember = defineEntity({
  tag: 'networkMember',
  version: 1,
  schema: z.union([RemovedMember, Member]),
  key: networkMemberKey,
  keyOf: (member) => networkMemberKey(member.programmeId, member.id),
});

/** Restricted: read only by the organisation that keeps them, never by a funder route. */
const caseKey = (programmeId: string, orgId: string, caseId: string) => inPartition(programmeId, `${casesKeptBy(programmeId, orgId).SKPrefix}${caseId}`);
export const caseRecord = defineEntity({
  tag: 'caseRecord',
  version: 1,
  schema: CaseRecord,
  key: caseKey,
  keyOf: (record) => caseKey(record.programmeId, record.keptByOrgId, record.id),
});
