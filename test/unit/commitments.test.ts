import { describe, expect, it } from 'vitest';
import { asCommitment, isOverdue, lastPassedDueDate, nextDueDate } from '../../functions/obligations/model.js';
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
    const obligation = { memorandumId: 'M', obligationId: 'c1', ownerOrgId: 'O', memorandumTitle: {}, text: { en: 'x' }, dueDate: '2026-01-15', recurrence: 'quarterly', indicators: [], status: 'not_started', percentComplete: 0, createdAt: 'x' } as unknown as TrackedObligation;
    expect(asCommitment(obligation, '2026-03-01')).toMatchObject({ nextDueDate: '2026-04-15', overdue: true });
    expect(asCommitment({ ...obligation, reportedThrough: '2026-01-31' }, '2026-03-01')).toMatchObject({ nextDueDate: '2026-04-15', overdue: false });
  });
});
