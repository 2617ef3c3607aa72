import * as z from 'zod/mini';
import { participantChangesPerRequest, activityTypes, activityStatuses, assistanceTypes, assistanceChannels, participationStatuses, memberKinds, groupKinds, consentScopes } from './vocabulary.js';
import { bilingual, isoDate, isoTimestamp, itemId, pageQuery, text, ulid } from '../core/schemas.js';
import { StoredFile } from '../files/schema.js';
import { MemorandumEvent } from '../events/schema.js';
import { frequencies, periodPattern } from './periods.js';

/** The contract of assistance programmes, their activities, assistance tallies and indicator actuals (issue 5). */

export * from './vocabulary.js';
export { Attendance, eventChecks, eventShape, headcount, Place } from '../events/shape.js';
import { countryCode, eventChecks, eventShape, headcount } from '../events/shape.js';

export const defaultSuppressionThreshold = 5;

const amount = z.number().check(z.gte(0, 'Must be 0 or more.'), z.lte(1e12, 'Too large.'));
export const period = z.string().check(z.regex(periodPattern, 'Must be a period: a month (2026-03), a quarter (2026-Q1) or a year (2026).'));

export const DateRange = z.strictObject({ start: isoDate, end: isoDate }).check(
  z.refine((range) => range.start <= range.end, { message: 'The period must not end before it starts.', path: ['end'] }),
);

export const ProgrammeIndicator = z.strictObject({
  id: itemId,
  name: bilingual(300),
  unit: text(1, 40),
  baseline: amount,
  target: amount,
  frequency: z.enum(frequencies),
  /** Where actuals also come from: an indicator of an obligation in a linked memorandum, as accepted council reports state it. */
  source: z.optional(z.strictObject({ memorandumId: ulid, obligationId: itemId, indicatorId: itemId })),
});

const result = { id: itemId, title: bilingual(300), indicators: z.array(ProgrammeIndicator).check(z.maxLength(10)) };
export const Output = z.strictObject(result);
export const Outcome = z.strictObject({ ...result, outputs: z.array(Output).check(z.maxLength(10)) });

export const BudgetLine = z.strictObject({ id: itemId, name: bilingual(200), amount });
export const Budget = z.strictObject({
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'Must be an ISO 4217 currency code, e.g. EUR.')),
  amount,
  lines: z.optional(z.array(BudgetLine).check(z.maxLength(30))),
}).check(z.refine((budget) => (budget.lines ?? []).reduce((sum, line) => sum + line.amount, 0) <= budget.amount + 0.005, { message: 'The budget lines add up to more than the budget.', path: ['lines'] }));

export const ProgrammeContent = z.strictObject({
  title: bilingual(300),
  description: z.optional(bilingual(4000)),
  period: DateRange,
  implementingOrgIds: z.array(ulid).check(z.minLength(1, 'Name at least one implementing organisation.'), z.maxLength(10)),
  funderOrgIds: z.array(ulid).check(z.maxLength(10)),
  budget: z.optional(Budget),
  memorandumIds: z.optional(z.array(ulid).check(z.maxLength(20))),
  outcomes: z.array(Outcome).check(z.maxLength(10)),
  /** Tallies of people or families below this are shown to funders as "fewer than N". */
  suppressionThreshold: z.optional(z.number().check(z.int(), z.gte(2, 'Must be at least 2.'), z.lte(50, 'Must be at most 50.'))),
});

export const ProgrammeCreate = z.strictObject({ content: ProgrammeContent });
/** `leadOrgId`: the lead hands the lead over to another implementer. */
export const ProgrammeUpdate = z.strictObject({ content: ProgrammeContent, leadOrgId: z.optional(ulid) });
export const ProgrammeParams = z.strictObject({ programmeId: ulid });

export const Programme = z.object({
  id: ulid,
  content: ProgrammeContent,
  createdByOrgId: ulid,
  /** The lead implementer: only its coordinators change who implements or funds the programme, or hand the lead over. */
  leadOrgId: ulid,
  version: z.number(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  /** The caller's relationship: implementers run it, funders read aggregates. */
  role: z.enum(['implementer', 'funder']),
  /** The secret of the programme's calendar feed: implementers only, never funders. */
  calendarToken: z.optional(z.string()),
  /** Names of the organisations it names (implementers, funders, linked memoranda's parties), for everyone who sees it. */
  organisations: z.record(z.string(), z.object({ uk: z.string(), en: z.string() })),
});

export const Health = z.object({ elapsed: z.number(), held: z.number(), planned: z.number(), cancelled: z.number() });
export const ProgrammeSummary = z.object({
  id: ulid,
  title: z.object({ uk: z.optional(z.string()), en: z.optional(z.string()) }),
  period: z.object({ start: z.string(), end: z.string() }),
  role: z.enum(['implementer', 'funder']),
  /** One line of health: time elapsed against activities held. */
  health: z.optional(Health),
});
export const ProgrammePage = z.object({ items: z.array(ProgrammeSummary), nextCursor: z.optional(z.string()) });
export const ProgrammeListQuery = pageQuery;

export const CalendarFeedParams = z.strictObject({ programmeId: ulid, token: z.string().check(z.regex(/^[A-Za-z0-9_-]{20,64}$/, 'Not a calendar link.')) });

export type ProgrammeContent = z.infer<typeof ProgrammeContent>;
export type Programme = z.infer<typeof Programme>;
export type ProgrammeSummary = z.infer<typeof ProgrammeSummary>;
export type Health = z.infer<typeof Health>;
export type ActivityType = (typeof activityTypes)[number];
export type AssistanceType = (typeof assistanceTypes)[number];
export type AssistanceChannel = (typeof assistanceChannels)[number];

/* Activities: the programme's calendar. */

export const ActivityInput = z.strictObject({ ...eventShape, organiserOrgId: ulid }).check(...eventChecks);


export const ActivityParams = z.strictObject({ programmeId: ulid, activityId: ulid });
export const MaterialParams = z.strictObject({ ...ActivityParams.def.shape, materialId: ulid });
/** Links (or unlinks, with `none`) network members to an activity: who was invited, who came. */
export const ParticipantChanges = z.strictObject({
  changes: z.array(z.strictObject({ memberId: ulid, status: z.enum([...participationStatuses, 'none']) }))
    .check(z.minLength(1, 'Name at least one member.'), z.maxLength(participantChangesPerRequest, `At most ${participantChangesPerRequest} changes at a time.`)),
});
export const CalendarQuery = z.strictObject({
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  type: z.optional(z.enum(activityTypes)),
  status: z.optional(z.enum(activityStatuses)),
});

export const Activity = z.object({
  ...ActivityInput.def.shape,
  id: ulid,
  programmeId: ulid,
  version: z.number(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  /** Network members linked to the activity; attended ones are part of `attended.total`. Kept by the participants route. */
  network: z.optional(z.object({ invited: z.number(), attended: z.number() })),
  /** Programmes, handouts, slides and photos, checked and kept in S3. */
  materials: z.optional(z.array(StoredFile)),
});
export const ActivityList = z.object({
  items: z.array(Activity),
  /** Events the parties of the programme's linked memoranda organise under their obligations (read-only here). */
  partnerEvents: z.optional(z.array(MemorandumEvent)),
});

/* Assistance delivered: tallies of people and families per month, type and channel; no names. */

export const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Must be a month, e.g. 2026-03.'));
/** `<month>_<type>_<channel>`, e.g. `2026-03_legal_in_person`: one cell of the tally table. */
export const tallyIdPattern = new RegExp(`^(\\d{4}-(?:0[1-9]|1[0-2]))_(${assistanceTypes.join('|')})_(${assistanceChannels.join('|')})$`);
export const tallyIdOf = (tally: { month: string; type: string; channel: string }) => `${tally.month}_${tally.type}_${tally.channel}`;
export const parseTallyId = (tallyId: string): { month: string; type: AssistanceType; channel: AssistanceChannel } => {
  const [, month = '', type = 'other', channel = 'other'] = tallyIdPattern.exec(tallyId) ?? [];
  return { month, type: type as AssistanceType, channel: channel as AssistanceChannel };
};
export const TallyParams = z.strictObject({ programmeId: ulid, tallyId: z.string().check(z.regex(tallyIdPattern, 'Must be a tally id: <month>_<type>_<channel>, e.g. 2026-03_legal_in_person.')) });
/** Families reached cannot outnumber the people reached: each family counts at least one person. */
export const TallyCounts = z.strictObject({ people: headcount, families: headcount }).check(
  z.refine((counts) => !(counts.people >= 0 && counts.families >= 0) || counts.families <= counts.people, { message: 'More families than people: each family counts at least one person.', path: ['families'] }),
);
export const Tally = z.object({ id: z.string(), programmeId: ulid, month: z.string(), type: z.enum(assistanceTypes), channel: z.enum(assistanceChannels), people: z.number(), families: z.number(), version: z.number(), updatedAt: isoTimestamp });
export const TallyList = z.object({ items: z.array(Tally) });

/* Spending per month and budget line, in cents so that sums stay exact. */

export const SpendParams = z.strictObject({ programmeId: ulid, month, lineId: itemId });
export const SpendInput = z.strictObject({ amount: z.number().check(z.gte(0, 'Must be 0 or more.'), z.lte(1e12, 'Too large.'), z.refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, 'At most two decimals.')) });
export const Spend = z.object({ programmeId: ulid, month: z.string(), lineId: z.string(), amountCents: z.number(), version: z.number(), updatedAt: isoTimestamp });
export const SpendList = z.object({ items: z.array(Spend) });
export type Spend = z.infer<typeof Spend>;

/* Indicator actuals per period. */

export const ActualParams = z.strictObject({ programmeId: ulid, indicatorId: itemId, period });
export const ActualInput = z.strictObject({ value: z.number().check(z.gte(0, 'Must be 0 or more.'), z.lte(1e12, 'Too large.')) });
export const IndicatorActual = z.object({ programmeId: ulid, indicatorId: z.string(), period: z.string(), value: z.number(), version: z.number(), updatedAt: isoTimestamp });

export const IndicatorActualList = z.object({ items: z.array(IndicatorActual) });

export type ActivityInput = z.infer<typeof ActivityInput>;
export type Activity = z.infer<typeof Activity>;
export type ActivityList = z.infer<typeof ActivityList>;
export type Tally = z.infer<typeof Tally>;
export type IndicatorActual = z.infer<typeof IndicatorActual>;

/* The dashboard: aggregates only. For funders, small counts of people and families are hidden. */

export const Cell = z.union([z.object({ value: z.number() }), z.object({ hidden: z.enum(['fewer_than_threshold', 'protects_a_small_count']) })]);
const statusCounts = z.object({ planned: z.number(), held: z.number(), cancelled: z.number() });
const reached = z.object({ people: Cell, families: Cell });

export const Dashboard = z.object({
  programme: z.object({ id: ulid, title: ProgrammeContent.def.shape.title, period: z.object({ start: z.string(), end: z.string() }), budget: z.optional(Budget), role: z.enum(['implementer', 'funder']) }),
  asOf: z.string(),
  elapsed: z.number(),
  suppressionThreshold: z.number(),
  activities: z.object({
    total: statusCounts,
    byType: z.array(z.object({ type: z.enum(activityTypes), ...statusCounts.def.shape })),
    /** Attendance by month for implementers only: funders see it in total (and by gender and age band). */
    byMonth: z.array(z.object({ month: z.string(), ...statusCounts.def.shape, attended: z.optional(Cell) })),
    attended: z.object({ total: Cell, byGender: z.record(z.string(), Cell), byAgeBand: z.record(z.string(), Cell) }),
  }),
  assistance: z.object({
    total: reached,
    byType: z.array(z.object({ type: z.enum(assistanceTypes), ...reached.def.shape })),
    byChannel: z.array(z.object({ channel: z.enum(assistanceChannels), ...reached.def.shape })),
    /** Months for implementers; quarters for funders, so that fewer small counts need hiding. */
    grain: z.enum(['monthly', 'quarterly']),
    byPeriod: z.array(z.object({ period: z.string(), total: reached, byType: z.record(z.string(), reached) })),
  }),
  indicators: z.array(z.object({
    id: z.string(), result: z.string(), name: ProgrammeIndicator.def.shape.name, unit: z.string(), baseline: z.number(), target: z.number(), frequency: z.enum(frequencies),
    actuals: z.array(z.object({ period: z.string(), value: z.number(), fromReport: z.optional(z.boolean()) })),
    latest: z.optional(z.number()),
  })),
  obligations: z.array(z.object({
    memorandumId: z.string(), orgId: z.string(), total: z.number(), done: z.number(), percent: z.number(),
    /** The party's latest accepted progress report on that memorandum. */
    lastAcceptedReport: z.optional(z.object({ period: z.object({ start: z.string(), end: z.string() }), acceptedAt: z.string() })),
  })),
  /** Events the parties of the linked memoranda organise under their obligations: counted, and their attendance (hidden for funders when small). */
  partnerEvents: z.optional(z.object({
    total: statusCounts,
    byType: z.array(z.object({ type: z.enum(activityTypes), ...statusCounts.def.shape })),
    attended: Cell,
  })),
  /** Reported spending against the budget, by line (cents), where recorded. */
  spending: z.object({ totalCents: z.number(), byLine: z.array(z.object({ lineId: z.string(), cents: z.number() })) }),
  /** The network as counts only: never a name. */
  network: z.object({
    total: Cell,
    byCountry: z.array(z.object({ country: z.string(), activists: Cell, organisations: Cell, attended: Cell })),
    participation: z.object({ invited: Cell, attended: Cell }),
  }),
});
export type Dashboard = z.infer<typeof Dashboard>;

/* The programme's network (activists and partner groups) and its restricted case records. */

const Consent = z.strictObject({ date: isoDate, scope: z.array(z.enum(consentScopes)).check(z.minLength(1, 'Record what they agreed to.'), z.maxLength(3)) });

export const MemberInput = z.strictObject({
  kind: z.enum(memberKinds),
  groupKind: z.optional(z.enum(groupKinds)),
  name: text(1, 200),
  country: countryCode,
  city: z.optional(text(1, 120)),
  contact: z.optional(text(1, 200)),
  consent: Consent,
}).check(z.refine((member) => member.kind === 'organisation' || member.groupKind === undefined, { message: 'Only an organisation has a group kind.', path: ['groupKind'] }));
export const MemberParams = z.strictObject({ programmeId: ulid, memberId: ulid });
export const Member = z.object({
  id: ulid, programmeId: ulid, version: z.number(), createdAt: isoTimestamp, updatedAt: isoTimestamp,
  kind: z.enum(memberKinds), groupKind: z.optional(z.enum(groupKinds)), name: z.string(), country: z.string(), city: z.optional(z.string()), contact: z.optional(z.string()),
  consent: z.object({ date: z.string(), scope: z.array(z.enum(consentScopes)) }),
  /** Which activities they were invited to or attended: set from the activity (`ParticipantChanges`). */
  participation: z.array(z.object({ activityId: z.string(), status: z.enum(participationStatuses) })),
});
export const MemberList = z.object({ items: z.array(Member), removed: z.number() });

/** Case records hold only what helping needs: a pseudonym, consent, the kinds of help and the dates. No names. */
export const CaseInput = z.strictObject({
  pseudonym: z.string().check(z.regex(/^[A-Z]{1,4}-\d{1,6}$/, 'Must be a pseudonymous code such as R-0042, never a name.')),
  consent: Consent,
  helpTypes: z.array(z.enum(assistanceTypes)).check(z.minLength(1), z.maxLength(5)),
  firstContact: isoDate,
  lastContact: z.optional(isoDate),
}).check(z.refine((record) => !record.lastContact || record.lastContact >= record.firstContact, { message: 'Must not be before the first contact.', path: ['lastContact'] }));
export const CaseParams = z.strictObject({ programmeId: ulid, caseId: ulid });
export const CaseRecord = z.object({
  id: ulid, programmeId: ulid, keptByOrgId: ulid, version: z.number(), createdAt: isoTimestamp, updatedAt: isoTimestamp,
  pseudonym: z.string(), consent: z.object({ date: z.string(), scope: z.array(z.enum(consentScopes)) }), helpTypes: z.array(z.enum(assistanceTypes)), firstContact: z.string(), lastContact: z.optional(z.string()),
});
export const CaseList = z.object({ items: z.array(CaseRecord) });

/** What creating personal records answers (and what an idempotent retry replays): no personal data. */
export const Created = z.object({ id: ulid, version: z.number() });

export type MemberInput = z.infer<typeof MemberInput>;
export type Member = z.infer<typeof Member>;
export type CaseInput = z.infer<typeof CaseInput>;
export type CaseRecord = z.infer<typeof CaseRecord>;
