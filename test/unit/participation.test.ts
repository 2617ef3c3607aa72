import { describe, expect, it } from 'vitest';
import { linkedAttendanceProblems, participantStatusOf, planParticipants } from '../../functions/programmes/participation.js';
import type { Activity, Member } from '../../functions/programmes/schema.js';

const now = '2026-03-13T09:00:00.000Z';
const activity = (fields: Partial<Activity> = {}): Activity => ({
  id: 'A1', programmeId: 'P1', version: 3, createdAt: now, updatedAt: now, type: 'seminar', title: { uk: 'Семінар' }, date: '2026-03-12',
  place: { online: true }, organiserOrgId: 'O1', status: 'held', attended: { total: 10 }, ...fields,
});
const member = (id: string, participation: Member['participation'] = []): Member => ({
  id, programmeId: 'P1', version: 1, createdAt: now, updatedAt: now, kind: 'activist', name: id, country: 'DE', consent: { date: '2026-02-01', scope: ['contact'] }, participation,
});
const network = (...members: Member[]) => new Map(members.map((one) => [one.id, one]));

describe('participants of an activity', () => {
  it('adds linked attendees to the total and counts invitations; only changed members are written', () => {
    const plan = planParticipants(activity(), network(member('M1'), member('M2'), member('M3', [{ activityId: 'A1', status: 'invited' }])), [
      { memberId: 'M1', status: 'attended' }, { memberId: 'M2', status: 'invited' }, { memberId: 'M3', status: 'invited' },
    ], now);
    if (!plan.ok) throw new Error('refused');
    expect(plan.activity).toMatchObject({ network: { invited: 1, attended: 1 }, attended: { total: 11 }, version: 4, updatedAt: now });
    expect(plan.members.map(({ after }) => [after.id, after.participation, after.version])).toEqual([
      ['M1', [{ activityId: 'A1', status: 'attended' }], 2],
      ['M2', [{ activityId: 'A1', status: 'invited' }], 2],
    ]);
  });

  it('moving someone from attended to invited or none takes them out of the total, and keeps their other activities', () => {
    const came = member('M1', [{ activityId: 'A0', status: 'attended' }, { activityId: 'A1', status: 'attended' }]);
    const plan = planParticipants(activity({ network: { invited: 0, attended: 1 }, attended: { total: 11 } }), network(came), [{ memberId: 'M1', status: 'none' }], now);
    if (!plan.ok) throw new Error('refused');
    expect(plan.activity).toMatchObject({ network: { invited: 0, attended: 0 }, attended: { total: 10 } });
    expect(plan.members[0]?.after.participation).toEqual([{ activityId: 'A0', status: 'attended' }]);
    expect(participantStatusOf(plan.members[0]?.after as Member, 'A1')).toBe('none');
  });

  it('a held activity without a counted attendance gets one from its linked attendees', () => {
    const plan = planParticipants(activity({ attended: undefined }), network(member('M1')), [{ memberId: 'M1', status: 'attended' }], now);
    expect(plan.ok && plan.activity.attended).toEqual({ total: 1 });
  });

  it('names every bad change: listed twice, not in the network, attendance at an activity not held', () => {
    const plan = planParticipants(activity({ status: 'planned', attended: undefined }), network(member('M1')), [
      { memberId: 'M1', status: 'invited' }, { memberId: 'M1', status: 'attended' }, { memberId: 'M9', status: 'invited' },
    ], now);
    expect(plan.ok ? [] : plan.problems.map((problem) => problem.path)).toEqual(['body.changes.1.memberId', 'body.changes.1.status', 'body.changes.2.memberId']);
  });

  it('refuses to leave the counts by gender above the total', () => {
    const plan = planParticipants(activity({ network: { invited: 0, attended: 1 }, attended: { total: 4, byGender: { female: 4 } } }), network(member('M1', [{ activityId: 'A1', status: 'attended' }])), [{ memberId: 'M1', status: 'none' }], now);
    expect(plan.ok ? [] : plan.problems.map((problem) => problem.path)).toEqual(['body.changes']);
  });

  it('an activity\'s own edit may not go below or away from its linked attendees', () => {
    const stored = { network: { invited: 2, attended: 3 } };
    expect(linkedAttendanceProblems(stored, { status: 'held', attended: { total: 3 } })).toEqual([]);
    expect(linkedAttendanceProblems(stored, { status: 'held', attended: { total: 2 } }).map((problem) => problem.path)).toEqual(['body.attended.total']);
    expect(linkedAttendanceProblems(stored, { status: 'cancelled' }).map((problem) => problem.path)).toEqual(['body.status']);
    expect(linkedAttendanceProblems({ network: { invited: 2, attended: 0 } }, { status: 'cancelled' })).toEqual([]);
  });
});
