import { describe, expect, it } from 'vitest';
import type { MemorandumSummary } from '../../functions/memoranda/schema.js';
import type { Commitment } from '../../functions/obligations/schema.js';
import type { Report } from '../../functions/reports/schema.js';
import { otherDrafts, overduePartners, reportsDue, returnedReports, waitingOnOthers, yourTurn } from '../../web/src/views/home-tasks.js';

const commitment = (over: Partial<Commitment>): Commitment => ({
  memorandumId: 'M1', obligationId: 'c1', ownerOrgId: 'COUNCIL', draftingOrgId: 'NGO', memorandumTitle: { uk: 'Меморандум' }, text: { uk: 'Зобов’язання' },
  indicators: [], status: 'not_started', percentComplete: 0, createdAt: '2026-01-01T00:00:00.000Z', overdue: false, ...over,
});
const report = (over: Partial<Report>): Report => ({
  id: 'R1', memorandumId: 'M1', orgId: 'COUNCIL', period: { start: '2026-07-01', end: '2026-09-30' }, status: 'draft', entries: [], version: 1,
  createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-10-02T00:00:00.000Z', ...over,
});
const summary = (over: Partial<MemorandumSummary>): MemorandumSummary => ({ id: 'M1', title: { uk: 'М' }, status: 'in_review', draftingOrgId: 'NGO', updatedAt: '2026-11-01T00:00:00.000Z', ...over });

describe('reports due on the home page', () => {
  const q3 = { start: '2026-07-01', end: '2026-09-30' };
  const q4 = { start: '2026-10-01', end: '2026-12-31' };

  it('makes one task per memorandum and period, counting its obligations, overdue ones first', () => {
    const tasks = reportsDue([
      commitment({ obligationId: 'c1', reportPeriod: q4 }),
      commitment({ obligationId: 'c2', reportPeriod: q4 }),
      commitment({ obligationId: 'c3', reportPeriod: q3, overdue: true }),
      commitment({ obligationId: 'c4', memorandumId: 'M2', reportPeriod: q4 }),
      commitment({ obligationId: 'c5' }),
    ], []);
    expect(tasks.map((task) => [task.memorandumId, task.period.start, task.obligations, task.overdue])).toEqual([
      ['M1', '2026-07-01', 1, true],
      ['M1', '2026-10-01', 2, false],
      ['M2', '2026-10-01', 1, false],
    ]);
  });

  it('continues the draft started for the same memorandum and period, and lists other drafts apart', () => {
    const drafts = [
      report({ id: 'R-q3', period: q3 }), report({ id: 'R-early', period: { start: '2027-01-01', end: '2027-03-31' } }),
      report({ id: 'R-back', period: q3, status: 'returned', memorandumId: 'M9' }), report({ id: 'R-q3', period: q3, memorandumId: 'M7' }),
    ];
    const tasks = reportsDue([commitment({ reportPeriod: q3 })], drafts);
    expect(tasks[0]?.reportId).toBe('R-q3');
    // Report ids repeat across memoranda (period and organisation): M7's draft of the same name is another report.
    expect(otherDrafts(drafts, tasks).map((item) => `${item.memorandumId}/${item.id}`)).toEqual(['M1/R-early', 'M7/R-q3']);
    expect(returnedReports(drafts).map((item) => item.id)).toEqual(['R-back']);
  });
});

describe('whose turn it is', () => {
  const steps = [
    { step: 'approve' as const, orgId: 'NGO', userId: 'olena' },
    { step: 'approve' as const, orgId: 'COUNCIL', userId: 'ihor', orgName: { uk: 'Рада', en: 'Council' } },
  ];

  it('lists what waits for the caller\'s own approval or signature, longest waiting first', () => {
    const list = [summary({ id: 'new', updatedAt: '2026-11-20T00:00:00.000Z', waitingFor: steps }), summary({ id: 'old', waitingFor: [{ step: 'sign', orgId: 'COUNCIL', userId: 'ihor' }] }), summary({ id: 'none' })];
    expect(yourTurn(list, 'ihor').map((task) => [task.id, task.step])).toEqual([['old', 'sign'], ['new', 'approve']]);
    expect(yourTurn(list, 'nobody')).toEqual([]);
  });

  it('shows the drafting organisation whom else it waits for, never memoranda it did not draft', () => {
    const list = [summary({ waitingFor: steps }), summary({ id: 'theirs', draftingOrgId: 'OTHER', waitingFor: steps })];
    const waiting = waitingOnOthers(list, { userId: 'olena', orgId: 'NGO' });
    expect(waiting.map((task) => task.id)).toEqual(['M1']);
    expect(waiting[0]?.steps.map((step) => step.userId)).toEqual(['ihor']);
    expect(waitingOnOthers([summary({ waitingFor: steps.slice(0, 1) })], { userId: 'olena', orgId: 'NGO' })).toEqual([]);
  });
});

describe('partners behind schedule', () => {
  it('groups overdue obligations of other organisations, the most behind first, earliest due first', () => {
    const partners = overduePartners([
      commitment({ ownerOrgId: 'A', obligationId: 'a2', dueDate: '2026-06-01', overdue: true }),
      commitment({ ownerOrgId: 'A', obligationId: 'a1', dueDate: '2026-03-01', overdue: true }),
      commitment({ ownerOrgId: 'B', obligationId: 'b1', dueDate: '2026-01-01', overdue: true }),
      commitment({ ownerOrgId: 'B', obligationId: 'b2', dueDate: '2026-01-01', overdue: false }),
      commitment({ ownerOrgId: 'NGO', obligationId: 'own', dueDate: '2026-01-01', overdue: true }),
    ], 'NGO');
    expect(partners.map((partner) => [partner.orgId, partner.obligations.map((item) => item.obligationId)])).toEqual([['A', ['a1', 'a2']], ['B', ['b1']]]);
  });
});
