/**
 * Key builders for every stored entity: the single place that knows how an
 * entity is addressed. Sort keys that order lists fold case so that names sort
 * the way people expect.
 */
export interface ItemKey {
  PK: string;
  SK: string;
}

export const sortable = (text: string): string => text.normalize('NFKC').toLocaleLowerCase('uk').trim();

export const keys = {
  organisation: (orgId: string): ItemKey => ({ PK: `ORG#${orgId}`, SK: 'ORG' }),
  /** GSI1: every organisation, by name. */
  organisationsByName: { GSI1PK: 'ORGS' },
  organisationListKey: (name: string, orgId: string) => ({ GSI1PK: 'ORGS', GSI1SK: `${sortable(name)}#${orgId}` }),

  userProfile: (userId: string): ItemKey => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  /** GSI1: the users of one organisation, by name. */
  usersOfOrganisation: (orgId: string) => ({ GSI1PK: `ORG#${orgId}#USERS` }),
  userListKey: (orgId: string, name: string, userId: string) => ({
    GSI1PK: `ORG#${orgId}#USERS`,
    GSI1SK: `${sortable(name)}#${userId}`,
  }),
  /** Guards email uniqueness across concurrent invitations. */
  userEmail: (email: string): ItemKey => ({ PK: `EMAIL#${email.toLowerCase()}`, SK: 'EMAIL' }),

  memorandumPartition: (memorandumId: string) => `MOU#${memorandumId}`,
  memorandumHead: (memorandumId: string): ItemKey => ({ PK: `MOU#${memorandumId}`, SK: 'HEAD' }),
  memorandumParty: (memorandumId: string, orgId: string): ItemKey => ({ PK: `MOU#${memorandumId}`, SK: `PARTY#${orgId}` }),
  /** GSI1: the memoranda an organisation is party to, latest change first. */
  memorandaOfOrganisation: (orgId: string) => ({ GSI1PK: `ORG#${orgId}#MOU` }),
  memorandumListKey: (orgId: string, updatedAt: string, memorandumId: string) => ({ GSI1PK: `ORG#${orgId}#MOU`, GSI1SK: `${updatedAt}#${memorandumId}` }),
  /** GSI1: signed memoranda by start date, until they become active. */
  awaitingStart: { GSI1PK: 'MOU#AWAITING_START' },
  awaitingStartKey: (startDate: string, memorandumId: string) => ({ GSI1PK: 'MOU#AWAITING_START', GSI1SK: `${startDate}#${memorandumId}` }),
  /** Zero-padded so that revisions and events sort by number. */
  memorandumRevision: (memorandumId: string, revision: number): ItemKey => ({ PK: `MOU#${memorandumId}`, SK: `REV#${String(revision).padStart(6, '0')}` }),
  /** Sorts before EVT#: read with the memorandum in its one Query. */
  memorandumAttachment: (memorandumId: string, attachmentId: string): ItemKey => ({ PK: `MOU#${memorandumId}`, SK: `ATT#${attachmentId}` }),
  /** A party's obligation figures in one memorandum (total, done, sum of percentages), kept current by accepted reports. */
  partyProgress: (memorandumId: string, orgId: string): ItemKey => ({ PK: `MOU#${memorandumId}`, SK: `PROG#${orgId}` }),
  /** Sorts before REV#: a memorandum's reports come with its page. */
  progressReport: (memorandumId: string, reportId: string): ItemKey => ({ PK: `MOU#${memorandumId}`, SK: `REP#${reportId}` }),
  /** GSI1: submitted reports awaiting the drafting organisation's review, oldest first. */
  reviewQueueKey: (draftingOrgId: string, submittedAt: string, memorandumId: string, reportId: string) => ({ GSI1PK: `ORG#${draftingOrgId}#REVIEW`, GSI1SK: `${submittedAt}#${memorandumId}#${reportId}` }),
  /** GSI1: the reports an organisation still holds (drafts, and those returned to it for changes), latest change first. */
  openReportKey: (orgId: string, updatedAt: string, memorandumId: string, reportId: string) => ({ GSI1PK: `ORG#${orgId}#REPORTS_OPEN`, GSI1SK: `${updatedAt}#${memorandumId}#${reportId}` }),
  openReportsOfOrganisation: (orgId: string) => ({ GSI1PK: `ORG#${orgId}#REPORTS_OPEN` }),
  /** The events the memorandum's parties organise: a partition of their own, so that the memorandum's Query never reads them. */
  memorandumEvent: (memorandumId: string, eventId: string): ItemKey => ({ PK: `MOU#${memorandumId}#EVENTS`, SK: `EV#${eventId}` }),
  memorandumEventsPartition: (memorandumId: string) => `MOU#${memorandumId}#EVENTS`,
  trackedObligation: (memorandumId: string, obligationId: string): ItemKey => ({ PK: `MOU#${memorandumId}`, SK: `OBL#${obligationId}` }),
  /** GSI2: every obligation on the memoranda an organisation drafted, by first due date: its coordinators watch them. */
  draftedObligationKey: (draftingOrgId: string, dueDate: string | undefined, memorandumId: string, obligationId: string) => ({
    GSI2PK: `ORG#${draftingOrgId}#DRAFTED_OBL`,
    GSI2SK: `${dueDate ?? '9999-12-31'}#${memorandumId}#${obligationId}`,
  }),
  draftedObligationsOfOrganisation: (draftingOrgId: string) => ({ GSI2PK: `ORG#${draftingOrgId}#DRAFTED_OBL` }),
  /** GSI1: the obligations an organisation owns across memoranda, by due date (undated last). */
  obligationsOfOrganisation: (ownerOrgId: string) => ({ GSI1PK: `ORG#${ownerOrgId}#OBL` }),
  obligationListKey: (ownerOrgId: string, dueDate: string | undefined, memorandumId: string, obligationId: string) => ({
    GSI1PK: `ORG#${ownerOrgId}#OBL`,
    GSI1SK: `${dueDate ?? '9999-12-31'}#${memorandumId}#${obligationId}`,
  }),
  auditEvent: (memorandumId: string, seq: number): ItemKey => ({ PK: `MOU#${memorandumId}`, SK: `EVT#${String(seq).padStart(8, '0')}` }),
  /** A memorandum's chain head as it stood at the end of a day (overwritten by each change that day): what the day's digest lists. */
  auditDigestMarks: (day: string) => `DIGEST#${day}`,
  auditDigestMark: (day: string, memorandumId: string): ItemKey => ({ PK: `DIGEST#${day}`, SK: `MOU#${memorandumId}` }),
  /** The record of one day's signed digest; the latest is the last of the partition. */
  auditDigests: 'DIGESTS',
  auditDigest: (day: string): ItemKey => ({ PK: 'DIGESTS', SK: day }),
  /** Sorts before EVT#: a memorandum's entries in the digests come with its page (the latest one is its anchor). */
  memorandumDigest: (memorandumId: string, day: string): ItemKey => ({ PK: `MOU#${memorandumId}`, SK: `DIG#${day}` }),

  programmePartition: (programmeId: string) => `PRG#${programmeId}`,
  programmeHead: (programmeId: string): ItemKey => ({ PK: `PRG#${programmeId}`, SK: 'HEAD' }),
  /** The programme's dashboard figures, kept current in the same transaction as every activity, tally and actual. */
  programmeFigures: (programmeId: string): ItemKey => ({ PK: `PRG#${programmeId}`, SK: 'FIG' }),
  /** An organisation's relationship to a programme (implementer or funder). */
  programmeMember: (programmeId: string, orgId: string): ItemKey => ({ PK: `PRG#${programmeId}`, SK: `ORG#${orgId}` }),
  /** GSI1: the programmes an organisation runs or funds, by start date. */
  programmesOfOrganisation: (orgId: string) => ({ GSI1PK: `ORG#${orgId}#PRG` }),
  programmeListKey: (orgId: string, start: string, programmeId: string) => ({ GSI1PK: `ORG#${orgId}#PRG`, GSI1SK: `${start}#${programmeId}` }),
  activity: (programmeId: string, activityId: string): ItemKey => ({ PK: `PRG#${programmeId}`, SK: `ACT#${activityId}` }),
  /** GSI1: a programme's activities by date: a month of the calendar is one Query. */
  activityCalendar: (programmeId: string) => ({ GSI1PK: `PRG#${programmeId}#CAL` }),
  activityCalendarKey: (programmeId: string, date: string, activityId: string) => ({ GSI1PK: `PRG#${programmeId}#CAL`, GSI1SK: `${date}#${activityId}` }),
  assistanceTally: (programmeId: string, tallyId: string): ItemKey => ({ PK: `PRG#${programmeId}`, SK: `AST#${tallyId}` }),
  spend: (programmeId: string, month: string, lineId: string): ItemKey => ({ PK: `PRG#${programmeId}`, SK: `SPD#${month}#${lineId}` }),
  networkMember: (programmeId: string, memberId: string): ItemKey => ({ PK: `PRG#${programmeId}`, SK: `NET#${memberId}` }),
  /** Restricted: read only by the organisation that keeps them, never by a funder route. */
  caseRecord: (programmeId: string, orgId: string, caseId: string): ItemKey => ({ PK: `PRG#${programmeId}`, SK: `CASE#${orgId}#${caseId}` }),
  indicatorActual: (programmeId: string, indicatorId: string, period: string): ItemKey => ({ PK: `PRG#${programmeId}`, SK: `IND#${indicatorId}#${period}` }),

  idempotency: (scopedKeyHash: string): ItemKey => ({ PK: `IDEM#${scopedKeyHash}`, SK: 'IDEM' }),
  /** A reminder sent (or being sent) to one person about one item on one day: the daily job's de-duplication. */
  reminderClaim: (day: string, userId: string, item: string): ItemKey => ({ PK: `REMIND#${day}#${userId}`, SK: item }),
} as const;
