import { describe, expect, it } from 'vitest';
import { summaryOf, addEvidence, applyEntries, competingReports, completionPeriod, completionProblems, entriesFor, entryProblems, evidenceProblem, findEvidence, periodProblems, removeEvidence, reportIdOf, reportSizeProblem, saysSomething, submissionProblems } from '../../functions/reports/model.js';
import type { TrackedObligation } from '../../functions/obligations/schema.js';
import { evidencePerEntry, type Evidence, type Report } from '../../functions/reports/schema.js';

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

describe('evidence on entries', () => {
  const file = (id: string): Evidence => ({ id, filename: `${id}.pdf`, contentType: 'application/pdf', size: 10, sha256: 'h', uploadedAt: '2026-01-01T00:00:00.000Z', uploadedBy: 'U' });
  const report = { entries: [{ obligationId: 'c1', status: 'in_progress', percentComplete: 10, indicatorActuals: [] }, { obligationId: 'c2', status: 'not_started', percentComplete: 0, indicatorActuals: [], evidence: [file('A')] }] } as unknown as Report;

  it('is added to its entry once, even when a confirmation is repeated', () => {
    const once = { ...report, entries: addEvidence(report, 'c1', file('B')) };
    expect(addEvidence(once, 'c1', file('B'))[0]?.evidence?.map((evidence) => evidence.id)).toEqual(['B']);
  });

  it('survives saving the entry it belongs to', () => {
    expect(applyEntries(report, [{ obligationId: 'c2', status: 'done', percentComplete: 100 }])[1]?.evidence).toEqual([file('A')]);
  });

  it('is found and removed by id', () => {
    expect(findEvidence(report, 'A')?.filename).toBe('A.pdf');
    expect(removeEvidence(report, 'A')[1]?.evidence).toEqual([]);
    expect(findEvidence(report, 'Z')).toBeUndefined();
  });

  it('goes only to an entry of the report, and at most so many to one entry', () => {
    expect(evidenceProblem(report, 'c9')?.path).toBe('body.obligationId');
    const full = { ...report, entries: [{ ...report.entries[0], evidence: Array.from({ length: evidencePerEntry }, (_, index) => file(`F${index}`)) }] } as Report;
    expect(evidenceProblem(full, 'c1')?.message).toMatch(/at most/);
    expect(evidenceProblem(report, 'c1')).toBeUndefined();
  });
});

describe('report size', () => {
  it('refuses a report too large for one item, counting bytes rather than characters', () => {
    const entry = (narrative: string) => ({ obligationId: 'c1', status: 'in_progress', percentComplete: 10, indicatorActuals: [], narrative });
    const cyrillic = 'ж'.repeat(4000);
    expect(reportSizeProblem({ entries: Array.from({ length: 30 }, () => entry(cyrillic)) } as unknown as Report)).toBeUndefined();
    expect(reportSizeProblem({ entries: Array.from({ length: 60 }, () => entry(cyrillic)) } as unknown as Report)?.path).toBe('body.entries');
  });
});

describe('report summaries', () => {
  it('tell whose report it is, for when and where it stands, and nothing of its content', () => {
    const report = { id: 'R', memorandumId: 'M', orgId: 'O', period: { start: '2026-01-01', end: '2026-03-31' }, status: 'submitted', submittedAt: '2026-04-02T10:00:00.000Z', entries: [{ obligationId: 'c1', narrative: 'secret' }], reviewComment: 'x', version: 3 } as unknown as Report;
    expect(summaryOf(report)).toEqual({ id: 'R', orgId: 'O', period: { start: '2026-01-01', end: '2026-03-31' }, status: 'submitted', submittedAt: '2026-04-02T10:00:00.000Z' });
  });
});

describe('report periods', () => {
  const term = { start: '2026-01-15', end: '2027-06-30' };
  const context = (others: { period: { start: string; end: string }; status: 'draft' | 'submitted' | 'returned' | 'accepted' }[] = []) => ({ today: '2026-12-01', graceDays: 7, term, others });
  it.each([
    ['a past quarter', { start: '2026-07-01', end: '2026-09-30' }, [], []],
    ['a quarter that ends within the grace days', { start: '2026-09-01', end: '2026-12-08' }, [], []],
    ['a quarter that ends after the grace days', { start: '2026-10-01', end: '2026-12-31' }, [], ['body.period.end']],
    ['2027-Q2, on 2026-12-01', { start: '2027-04-01', end: '2027-06-30' }, [], ['body.period.end']],
    ['before the memorandum starts', { start: '2026-01-01', end: '2026-03-31' }, [], ['body.period.start']],
    ['overlapping a submitted report', { start: '2026-03-01', end: '2026-05-31' }, [{ period: { start: '2026-01-15', end: '2026-03-31' }, status: 'submitted' as const }], ['body.period.start']],
    ['overlapping an accepted report by one day', { start: '2026-03-31', end: '2026-06-30' }, [{ period: { start: '2026-01-15', end: '2026-03-31' }, status: 'accepted' as const }], ['body.period.start']],
    ['next to an accepted report', { start: '2026-04-01', end: '2026-06-30' }, [{ period: { start: '2026-01-15', end: '2026-03-31' }, status: 'accepted' as const }], []],
    ['overlapping a draft (it may still change)', { start: '2026-03-01', end: '2026-05-31' }, [{ period: { start: '2026-01-15', end: '2026-03-31' }, status: 'draft' as const }], []],
  ])('%s', (_case, period, others, paths) => {
    expect(periodProblems(period, context(others)).map((problem) => problem.path)).toEqual(paths);
  });
});

describe('a report that says something', () => {
  const empty = { obligationId: 'c1', status: 'not_started' as const, percentComplete: 0, indicatorActuals: [] };
  it.each([
    ['nothing', empty, false],
    ['progress', { ...empty, status: 'in_progress' as const, percentComplete: 10 }, true],
    ['a narrative', { ...empty, narrative: 'Зустріч відбулася.' }, true],
    ['an indicator actual', { ...empty, indicatorActuals: [{ indicatorId: 'events', value: 0 }] }, true],
    ['evidence', { ...empty, evidence: [{ id: 'E1', filename: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: 'x', uploadedAt: 'x', uploadedBy: 'u' }] }, true],
  ])('%s → %s', (_case, entry, says) => {
    expect(saysSomething(entry)).toBe(says);
  });
});

describe('completion reports', () => {
  const oneOff = { ...obligation('c5'), recurrence: 'once' as const, createdAt: '2026-02-01T21:30:00.000Z' };
  const quarterly = { ...obligation('c1'), recurrence: 'quarterly' as const };

  it('are identified by period, organisation and the obligation they complete', () => {
    expect(reportIdOf({ start: '2026-01-15', end: '2026-05-20' }, 'ORG', 'c5')).toBe('2026-01-15_2026-05-20_ORG~c5');
  });

  it('are for the organisation\'s own one-off obligations that are still open', () => {
    expect(completionProblems('c5', [oneOff, quarterly])).toEqual([]);
    expect(completionProblems('c5', [{ ...oneOff, recurrence: undefined }])).toEqual([]);
    expect(completionProblems('c1', [oneOff, quarterly]).map((problem) => problem.message)).toEqual(['A recurring obligation is reported per period, not as done once.']);
    expect(completionProblems('n1', [oneOff]).map((problem) => problem.path)).toEqual(['body.completes']);
    expect(completionProblems('c5', [{ ...oneOff, status: 'done' }]).map((problem) => problem.message)).toEqual(['This obligation is already done or cancelled.']);
  });

  it('run from the signing day in Kyiv (within the term) to today', () => {
    // 21:30 UTC on 1 February is 23:30 in Kyiv, still the 1st there; 22:30 UTC is already the 2nd.
    expect(completionPeriod(oneOff, { start: '2026-01-15' }, '2026-05-20')).toEqual({ start: '2026-02-01', end: '2026-05-20' });
    expect(completionPeriod({ createdAt: '2026-02-01T22:30:00.000Z' }, { start: '2026-01-15' }, '2026-05-20')).toEqual({ start: '2026-02-02', end: '2026-05-20' });
    expect(completionPeriod(oneOff, { start: '2026-03-01' }, '2026-05-20')).toEqual({ start: '2026-03-01', end: '2026-05-20' });
  });

  it('overlap only completion reports of the same obligation, and periodic reports only periodic ones', () => {
    const reports = [{ orgId: 'ORG', id: 'periodic' }, { orgId: 'ORG', id: 'done-c5', completes: 'c5' }, { orgId: 'OTHER', id: 'theirs' }, { orgId: 'ORG', id: 'done-c6', completes: 'c6' }];
    expect(competingReports(reports, 'ORG', undefined).map((report) => report.id)).toEqual(['periodic']);
    expect(competingReports(reports, 'ORG', 'c5').map((report) => report.id)).toEqual(['done-c5']);
  });

  it('are submitted only saying the obligation is done', () => {
    const entry = { obligationId: 'c5', status: 'in_progress' as const, percentComplete: 90, indicatorActuals: [] };
    expect(submissionProblems({ completes: 'c5', entries: [entry] }).map((problem) => problem.message)).toEqual(['A completion report says the obligation is done: set its status to done.']);
    expect(submissionProblems({ completes: 'c5', entries: [{ ...entry, status: 'done', percentComplete: 100 }] })).toEqual([]);
    expect(submissionProblems({ entries: [entry] })).toEqual([]);
    expect(submissionProblems({ entries: [{ ...entry, status: 'not_started', percentComplete: 0 }] }).map((problem) => problem.path)).toEqual(['entries']);
  });
});
