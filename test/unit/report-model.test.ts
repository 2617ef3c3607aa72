import { describe, expect, it } from 'vitest';
import { applyEntries, entriesFor, entryProblems, reportIdOf } from '../../functions/reports/model.js';
import type { TrackedObligation } from '../../functions/obligations/schema.js';
import type { Report } from '../../functions/reports/schema.js';

const obligation = (obligationId: string, indicators: string[] = []): TrackedObligation =>
  ({ memorandumId: 'M', obligationId, ownerOrgId: 'O', memorandumTitle: {}, text: { en: obligationId }, indicators: indicators.map((id) => ({ id, name: { en: id }, unit: 'u', baseline: 0, target: 1 })), status: 'not_started', percentComplete: 0, createdAt: 'x' }) as TrackedObligation;

describe('report content', () => {
  it('is identified by its period and organisation', () => {
    expect(reportIdOf({ start: '2026-01-01', end: '2026-03-31' }, 'ORG')).toBe('2026-01-01_2026-03-31_ORG');
  });

  it('starts with every owned obligation as it stands', () => {
    expect(entriesFor([obligation('c1'), obligation('c2')]).map((entry) => [entry.obligationId, entry.status, entry.percentComplete])).toEqual([['c1', 'not_started', 0], ['c2', 'not_started', 0]]);
  });

  it('names entries about other obligations, repeated entries and foreign indicators', () => {
    const owned = [obligation('c1', ['i1'])];
    expect(entryProblems([
      { obligationId: 'x', status: 'done', percentComplete: 100 },
      { obligationId: 'c1', status: 'done', percentComplete: 100, indicatorActuals: [{ indicatorId: 'i2', value: 1 }] },
      { obligationId: 'c1', status: 'done', percentComplete: 100 },
    ], owned).map((problem) => problem.path)).toEqual(['body.entries.0.obligationId', 'body.entries.1.indicatorActuals.0.indicatorId', 'body.entries.2.obligationId']);
  });

  it('replaces only the entries given', () => {
    const report = { entries: [{ obligationId: 'c1', status: 'not_started', percentComplete: 0, indicatorActuals: [], reviewComment: 'keep' }, { obligationId: 'c2', status: 'not_started', percentComplete: 0, indicatorActuals: [] }] } as unknown as Report;
    expect(applyEntries(report, [{ obligationId: 'c2', status: 'done', percentComplete: 100 }])).toEqual([
      { obligationId: 'c1', status: 'not_started', percentComplete: 0, indicatorActuals: [], reviewComment: 'keep' },
      { obligationId: 'c2', status: 'done', percentComplete: 100, indicatorActuals: [] },
    ]);
  });
});
