import { describe, expect, it } from 'vitest';
import type { TrackedObligation } from '../../functions/obligations/schema.js';
import { acceptedObligation, progressDelta, recount } from '../../functions/reports/acceptance.js';

const obligation = (id: string, status: TrackedObligation['status'], percentComplete: number): TrackedObligation =>
  ({ memorandumId: 'M', obligationId: id, ownerOrgId: 'O', memorandumTitle: {}, text: {}, indicators: [{ id: 'i1', name: {}, unit: 'events', baseline: 0, target: 4 }], status, percentComplete, version: 3, createdAt: 'x' }) as TrackedObligation;

describe('accepting a report', () => {
  it('takes status, percent and the indicator actuals from the entry, as a new version', () => {
    const next = acceptedObligation(obligation('c1', 'in_progress', 20), { obligationId: 'c1', status: 'done', percentComplete: 100, indicatorActuals: [{ indicatorId: 'i1', value: 4 }] }, '2026-06-30');
    expect(next).toMatchObject({ status: 'done', percentComplete: 100, version: 4, indicators: [{ id: 'i1', latestActual: 4 }], reportedThrough: '2026-06-30' });
  });

  it('never moves the reported-through date back when an earlier period is accepted late', () => {
    const later = { ...obligation('c1', 'in_progress', 20), reportedThrough: '2026-06-30' };
    expect(acceptedObligation(later, { obligationId: 'c1', status: 'in_progress', percentComplete: 30, indicatorActuals: [] }, '2026-03-31').reportedThrough).toBe('2026-06-30');
  });

  it('changes the party\'s figures by exactly the difference', () => {
    const before = [obligation('c1', 'in_progress', 20), obligation('c2', 'done', 100)];
    const after = [obligation('c1', 'done', 100), obligation('c2', 'at_risk', 60)];
    expect(progressDelta(before, after)).toEqual({ done: 0, percentSum: 40 });
  });

  it('recounts totals from the obligations themselves', () => {
    expect(recount([obligation('c1', 'done', 100), obligation('c2', 'in_progress', 35), obligation('c3', 'not_started', 0)])).toEqual({ total: 3, done: 1, percentSum: 135 });
  });
});
