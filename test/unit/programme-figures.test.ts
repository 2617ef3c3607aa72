import { describe, expect, it } from 'vitest';
import { activityCounters, counterDelta, memberCounters, recount, tallyCounters } from '../../functions/programmes/figures.js';

describe('programme figures', () => {
  const planned = { type: 'seminar' as const, status: 'planned' as const, date: '2026-03-12' };
  const held = { ...planned, status: 'held' as const, attended: { total: 27, byGender: { female: 15, male: 12 }, byAgeBand: { age_18_29: 10 } } };

  it('count an activity by status, type and month, and its attendance once held', () => {
    expect(activityCounters(planned)).toEqual({ 'act:planned:seminar': 1, 'actm:planned:2026-03': 1 });
    expect(activityCounters(held)).toEqual({
      'act:held:seminar': 1, 'actm:held:2026-03': 1, 'att:total': 27, 'attm:2026-03': 27, 'att:g:female': 15, 'att:g:male': 12, 'att:a:age_18_29': 10,
    });
  });

  it('move by the exact difference when an activity is held, and back when it is cancelled', () => {
    expect(counterDelta(activityCounters(planned), activityCounters(held))).toMatchObject({ 'act:planned:seminar': -1, 'act:held:seminar': 1, 'att:total': 27 });
    const cancelled = { ...planned, status: 'cancelled' as const };
    expect(counterDelta(activityCounters(held), activityCounters(cancelled))).toMatchObject({ 'act:held:seminar': -1, 'att:total': -27, 'act:cancelled:seminar': 1 });
    expect(counterDelta(activityCounters(held), activityCounters(held))).toEqual({});
  });

  it('count tallies by month and type, and by channel', () => {
    expect(tallyCounters({ month: '2026-04', type: 'legal', channel: 'in_person', people: 11, families: 8 })).toEqual({
      'ast:2026-04:legal:people': 11, 'ast:2026-04:legal:families': 8, 'astc:in_person:people': 11, 'astc:in_person:families': 8,
    });
  });

  it('count a network member by kind and country, and its participation; the anonymous remnant counts the same', () => {
    const member = { kind: 'activist', country: 'DE', participation: [{ status: 'attended' }, { status: 'invited' }, { status: 'attended' }] };
    const remnant = { kind: 'activist', country: 'DE', participationCounts: { invited: 1, attended: 2 } };
    expect(memberCounters(member)).toEqual({ 'net:activist:DE': 1, 'netp:invited': 1, 'netp:attended': 2, 'netpc:DE:attended': 2 });
    expect(counterDelta(memberCounters(member), memberCounters(remnant))).toEqual({});
    expect(counterDelta(memberCounters(member), memberCounters({ ...member, country: 'PL' }))).toEqual({ 'net:activist:DE': -1, 'net:activist:PL': 1, 'netpc:DE:attended': -2, 'netpc:PL:attended': 2 });
  });

  it('recount from the records, keeping actuals of zero', () => {
    expect(recount({ activities: [planned, held], tallies: [], actuals: [{ indicatorId: 'trained', period: '2026-Q1', value: 0 }] })).toMatchObject({ 'act:planned:seminar': 1, 'act:held:seminar': 1, 'ind:trained:2026-Q1': 0 });
  });
});
