import { describe, expect, it } from 'vitest';
import { asCommitment, isOverdue, lastPassedDueDate, nextDueDate, periodToReport } from '../../functions/obligations/model.js';
import type { TrackedObligation } from '../../functions/obligations/schema.js';

describe('next due date', () => {
  it.each([
    [undefined, 'quarterly', '2026-05-01', undefined],
    ['2026-06-30', 'once', '2026-07-15', '2026-06-30'],
    ['2026-06-30', undefined, '2026-07-15', '2026-06-30'],
    ['2026-08-01', 'monthly', '2026-07-15', '2026-08-01'],
    ['2026-01-31', 'monthly', '2026-03-01', '2026-03-31'],
    ['2026-01-31', 'monthly', '2026-02-15', '2026-02-28'],
    ['2026-01-15', 'quarterly', '2026-04-15', '2026-04-15'],
    ['2026-01-15', 'quarterly', '2026-04-16', '2026-07-15'],
    ['2024-02-29', 'yearly', '2026-03-01', '2027-02-28'],
  ] as const)('due %s, %s, seen on %s → %s', (dueDate, recurrence, today, expected) => {
    expect(nextDueDate(dueDate, recurrence, today)).toBe(expected);
  });
});

describe('overdue', () => {
  it.each([
    [{ dueDate: '2026-06-30', status: 'in_progress' }, '2026-07-01', true],
    [{ dueDate: '2026-06-30', status: 'in_progress' }, '2026-06-30', false],
    [{ dueDate: '2026-06-30', status: 'done' }, '2026-07-01', false],
    [{ dueDate: '2026-06-30', status: 'cancelled' }, '2026-07-01', false],
    [{ status: 'not_started' }, '2026-07-01', false],
    [{ dueDate: '2026-01-15', recurrence: 'quarterly', status: 'not_started' }, '2026-01-15', false],
    [{ dueDate: '2026-01-15', recurrence: 'quarterly', status: 'not_started' }, '2026-07-01', true],
    [{ dueDate: '2026-01-15', recurrence: 'quarterly', status: 'in_progress', reportedThrough: '2026-03-31' }, '2026-07-01', true],
    [{ dueDate: '2026-01-15', recurrence: 'quarterly', status: 'in_progress', reportedThrough: '2026-04-15' }, '2026-07-01', false],
    [{ dueDate: '2026-01-15', recurrence: 'quarterly', status: 'in_progress', reportedThrough: '2026-04-15' }, '2026-07-16', true],
    [{ dueDate: '2026-01-15', recurrence: 'quarterly', status: 'done' }, '2026-07-16', false],
  ] as const)('%j on %s → %s', (obligation, today, expected) => {
    expect(isOverdue(obligation, today)).toBe(expected);
  });
});

describe('last passed due date', () => {
  it.each([
    [undefined, 'monthly', '2026-05-01', undefined],
    ['2026-06-30', 'once', '2026-06-30', undefined],
    ['2026-06-30', 'once', '2026-07-01', '2026-06-30'],
    ['2026-01-31', 'monthly', '2026-03-31', '2026-02-28'],
    ['2026-01-31', 'monthly', '2026-04-01', '2026-03-31'],
    ['2026-01-15', 'quarterly', '2027-01-15', '2026-10-15'],
  ] as const)('due %s, %s, seen on %s → %s', (dueDate, recurrence, today, expected) => {
    expect(lastPassedDueDate(dueDate, recurrence, today)).toBe(expected);
  });
});

describe('commitments', () => {
  it('carry the next due date and the overdue flag', () => {
    const obligation = { memorandumId: 'M', obligationId: 'c1', ownerOrgId: 'O', memorandumTitle: {}, text: { en: 'x' }, dueDate: '2026-01-15', recurrence: 'quarterly', indicators: [], status: 'not_started', percentComplete: 0, createdAt: '2026-01-10T09:00:00.000Z' } as unknown as TrackedObligation;
    expect(asCommitment(obligation, '2026-03-01', 7)).toMatchObject({ nextDueDate: '2026-04-15', overdue: true, reportPeriod: { start: '2025-10-16', end: '2026-01-15' } });
    expect(asCommitment({ ...obligation, reportedThrough: '2026-01-31' }, '2026-03-01', 7)).toMatchObject({ nextDueDate: '2026-04-15', overdue: false });
    expect(asCommitment({ ...obligation, reportedThrough: '2026-01-31' }, '2026-03-01', 7).reportPeriod).toBeUndefined();
  });
});

describe('the period a report is due for', () => {
  const obligation = (fields: Partial<TrackedObligation>) => ({ dueDate: '2026-03-31', recurrence: 'quarterly' as const, status: 'in_progress' as const, createdAt: '2026-01-15T10:00:00.000Z', ...fields });
  it.each([
    ['the first quarter, once it ended', {}, '2026-04-10', { start: '2026-01-01', end: '2026-03-31' }],
    ['the first quarter, within the grace days before it ends', {}, '2026-03-25', { start: '2026-01-01', end: '2026-03-31' }],
    ['nothing before the grace days', {}, '2026-03-20', undefined],
    ['the quarter after what was reported', { reportedThrough: '2026-03-31' }, '2026-07-05', { start: '2026-04-01', end: '2026-06-30' }],
    ['from the day after a report that ran past the occurrence', { reportedThrough: '2026-04-15' }, '2026-07-05', { start: '2026-04-16', end: '2026-06-30' }],
    ['the oldest uncovered quarter first', { reportedThrough: '2026-03-31' }, '2026-12-01', { start: '2026-04-01', end: '2026-06-30' }],
    ['a monthly obligation', { recurrence: 'monthly' as const, dueDate: '2026-01-31' }, '2026-02-03', { start: '2026-01-01', end: '2026-01-31' }],
    ['a one-off obligation, from its signing', { recurrence: 'once' as const, dueDate: '2026-06-30' }, '2026-07-01', { start: '2026-01-15', end: '2026-06-30' }],
    ['a one-off obligation already reported', { recurrence: 'once' as const, dueDate: '2026-06-30', reportedThrough: '2026-06-30' }, '2026-07-01', undefined],
    ['a done obligation', { status: 'done' as const }, '2026-04-10', undefined],
    ['an undated quarterly obligation: the calendar quarter after what was reported', { dueDate: undefined, reportedThrough: '2026-03-31' }, '2026-12-01', { start: '2026-04-01', end: '2026-06-30' }],
    ['an undated quarterly obligation not yet reported: from its signing to the quarter\'s end', { dueDate: undefined }, '2026-04-10', { start: '2026-01-15', end: '2026-03-31' }],
    ['an undated yearly obligation, before its year ends', { dueDate: undefined, recurrence: 'yearly' as const }, '2026-04-10', undefined],
    ['an undated one-off obligation', { dueDate: undefined, recurrence: 'once' as const }, '2026-04-10', undefined],
  ])('%s', (_case, fields, today, period) => {
    expect(periodToReport(obligation(fields), today, 7)).toEqual(period);
  });
});
