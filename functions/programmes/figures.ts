import type { Activity, ActivityInput, Tally } from './schema.js';

/**
 * A programme's dashboard figures as flat counters, kept in one item (`FIG`) and
 * changed by exact deltas in the same transaction as each record (pure):
 *   act:<status>:<type>     activities by status and type
 *   actm:<status>:<month>   activities by status and month
 *   att:total, att:g:<gender>, att:a:<age band>, attm:<month>   attendance at held activities
 *   ast:<month>:<type>:people|families, astc:<channel>:people|families   assistance delivered
 *   ind:<indicator>:<period>   an indicator's actual for a period (set, not added)
 *   net:<kind>:<country>, netp:invited|attended, netpc:<country>:attended   the network and its activity
 *                           (removed members stay as anonymous counts)
 *   spend:<line>   reported spending in cents
 * The stored figures must always equal `recount(...)` of the records.
 */
export type Counters = Record<string, number>;

const add = (counters: Counters, key: string, value: number) => {
  if (value !== 0) counters[key] = (counters[key] ?? 0) + value;
};

export const activityCounters = (activity: Pick<ActivityInput, 'type' | 'status' | 'date' | 'attended'> | undefined): Counters => {
  const counters: Counters = {};
  if (!activity) return counters;
  const month = activity.date.slice(0, 7);
  add(counters, `act:${activity.status}:${activity.type}`, 1);
  add(counters, `actm:${activity.status}:${month}`, 1);
  if (activity.status === 'held' && activity.attended) {
    add(counters, 'att:total', activity.attended.total);
    add(counters, `attm:${month}`, activity.attended.total);
    for (const [gender, value] of Object.entries(activity.attended.byGender ?? {})) add(counters, `att:g:${gender}`, value ?? 0);
    for (const [band, value] of Object.entries(activity.attended.byAgeBand ?? {})) add(counters, `att:a:${band}`, value ?? 0);
  }
  return counters;
};

export const tallyCounters = (tally: Pick<Tally, 'month' | 'type' | 'channel' | 'people' | 'families'> | undefined): Counters => {
  const counters: Counters = {};
  if (!tally) return counters;
  add(counters, `ast:${tally.month}:${tally.type}:people`, tally.people);
  add(counters, `ast:${tally.month}:${tally.type}:families`, tally.families);
  add(counters, `astc:${tally.channel}:people`, tally.people);
  add(counters, `astc:${tally.channel}:families`, tally.families);
  return counters;
};

/** A network member, or the anonymous remnant left when one asks to be removed: counted the same way. */
export interface CountedMember {
  kind: string;
  country: string;
  participation?: { status: string }[];
  participationCounts?: { invited: number; attended: number };
}

export const memberCounters = (member: CountedMember | undefined): Counters => {
  const counters: Counters = {};
  if (!member) return counters;
  add(counters, `net:${member.kind}:${member.country}`, 1);
  const counts = member.participationCounts ?? {
    invited: (member.participation ?? []).filter((entry) => entry.status === 'invited').length,
    attended: (member.participation ?? []).filter((entry) => entry.status === 'attended').length,
  };
  add(counters, 'netp:invited', counts.invited);
  add(counters, 'netp:attended', counts.attended);
  add(counters, `netpc:${member.country}:attended`, counts.attended);
  return counters;
};

export const spendCounters = (spend: { lineId: string; amountCents: number } | undefined): Counters => {
  const counters: Counters = {};
  if (spend) add(counters, `spend:${spend.lineId}`, spend.amountCents);
  return counters;
};

/** Two changes as one. */
export const addCounters = (first: Counters, second: Counters): Counters => {
  const sum: Counters = { ...first };
  for (const [key, value] of Object.entries(second)) add(sum, key, value);
  return sum;
};

/** What to ADD so that figures counting `before` count `after` instead. */
export const counterDelta = (before: Counters, after: Counters): Counters => {
  const delta: Counters = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) add(delta, key, (after[key] ?? 0) - (before[key] ?? 0));
  return delta;
};

export const actualKey = (indicatorId: string, period: string) => `ind:${indicatorId}:${period}`;

/** The figures recounted from the records themselves (zero counters left out, as the stored item leaves them). */
export const recount = (records: { activities: Pick<Activity, 'type' | 'status' | 'date' | 'attended'>[]; tallies: Pick<Tally, 'month' | 'type' | 'channel' | 'people' | 'families'>[]; actuals: { indicatorId: string; period: string; value: number }[]; members?: CountedMember[]; spends?: { lineId: string; amountCents: number }[] }): Counters => {
  const figures: Counters = {};
  for (const counters of [...records.activities.map(activityCounters), ...records.tallies.map(tallyCounters), ...(records.members ?? []).map(memberCounters), ...(records.spends ?? []).map(spendCounters)]) {
    for (const [key, value] of Object.entries(counters)) add(figures, key, value);
  }
  for (const actual of records.actuals) figures[actualKey(actual.indicatorId, actual.period)] = actual.value;
  return withoutZeroCounters(figures);
};

/** Counters that went back to zero stay in the stored item as 0; they count as absent. Actuals of 0 are real values. */
export const withoutZeroCounters = (figures: Counters): Counters =>
  Object.fromEntries(Object.entries(figures).filter(([key, value]) => value !== 0 || key.startsWith('ind:')));
