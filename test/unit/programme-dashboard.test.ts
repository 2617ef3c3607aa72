import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dashboardOf } from '../../functions/programmes/dashboard.js';
import { activityCounters, memberCounters, tallyCounters, type Counters } from '../../functions/programmes/figures.js';
import type { StoredProgramme } from '../../functions/programmes/repository.js';
import { caseProgrammeContent } from '../../infra/local/cases.js';

const centre = '01J00000000000000000000003';
const programme: StoredProgramme = {
  id: '01J00000000000000000000301', content: caseProgrammeContent({ implementingOrgIds: [centre], funderOrgIds: ['01J00000000000000000000005'] }), createdByOrgId: centre, version: 1,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', calendarToken: 'x', linkedParties: [],
};
const sum = (...all: Counters[]) => all.reduce<Counters>((figures, counters) => {
  for (const [key, value] of Object.entries(counters)) figures[key] = (figures[key] ?? 0) + value;
  return figures;
}, {});
const figures = sum(
  activityCounters({ type: 'seminar', status: 'held', date: '2026-02-12', attended: { total: 28, byGender: { female: 16, male: 12 } } }),
  activityCounters({ type: 'training', status: 'held', date: '2026-03-18', attended: { total: 3 } }),
  tallyCounters({ month: '2026-03', type: 'legal', channel: 'in_person', people: 14, families: 9 }),
  tallyCounters({ month: '2026-05', type: 'legal', channel: 'in_person', people: 11, families: 8 }),
  memberCounters({ kind: 'activist', country: 'DE', participation: [{ status: 'attended' }, { status: 'attended' }, { status: 'attended' }] }),
  memberCounters({ kind: 'activist', country: 'PL', participation: Array.from({ length: 7 }, () => ({ status: 'attended' })) }),
  memberCounters({ kind: 'activist', country: 'TR', participation: Array.from({ length: 9 }, () => ({ status: 'attended' })) }),
);
const dashboard = (role: 'funder' | 'implementer', range?: { start: string; end: string }) => dashboardOf({ programme, role, figures, parties: [], today: '2026-07-01', ...(range ? { range } : {}) });
/** What a dashboard says about people: for funders it must not depend on the period asked for. */
const people = (view: ReturnType<typeof dashboard>) => ({ attended: view.activities.attended, assistance: view.assistance, network: view.network });

describe('programme dashboard figures', () => {
  it('funders get assistance by quarter over the whole programme; implementers by month for the period asked', () => {
    const funder = dashboard('funder', { start: '2026-01-01', end: '2026-03-31' });
    expect(funder.assistance.grain).toBe('quarterly');
    expect(funder.assistance.byPeriod.map((row) => row.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    const implementer = dashboard('implementer', { start: '2026-01-01', end: '2026-03-31' });
    expect(implementer.assistance.byPeriod.map((row) => row.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(implementer.assistance.total.people).toEqual({ value: 14 });
  });

  it('funders see attendance in total, not by month: a month could be set against a single activity', () => {
    const funder = dashboard('funder');
    expect(funder.activities.byMonth.every((row) => row.attended === undefined)).toBe(true);
    expect(funder.activities.attended.total).toEqual({ value: 31 });
    expect(dashboard('implementer').activities.byMonth.find((row) => row.month === '2026-03')?.attended).toEqual({ value: 3 });
  });

  it('the network\'s participation by country adds up to its total: one small country is not left to be worked out', () => {
    const { network } = dashboard('funder');
    expect(network.byCountry.map((row) => [row.country, row.attended])).toEqual([
      ['DE', { hidden: 'fewer_than_threshold' }], ['PL', { hidden: 'protects_a_small_count' }], ['TR', { value: 9 }],
    ]);
    expect(network.participation.attended).toEqual({ value: 19 });
  });

  it('a funder\'s counts of people are the same whatever period they ask for', () => {
    const whole = people(dashboard('funder'));
    fc.assert(fc.property(fc.integer({ min: 0, max: 540 }), fc.integer({ min: 0, max: 540 }), (first, second) => {
      const day = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
      const [start, end] = [day(Math.min(first, second)), day(Math.max(first, second))];
      expect(people(dashboard('funder', { start, end }))).toEqual(whole);
    }), { numRuns: 200 });
  });
});
