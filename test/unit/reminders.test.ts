import { describe, expect, it } from 'vitest';
import type { TrackedObligation } from '../../functions/obligations/schema.js';
import { DailyJobsIncomplete, incompletenessOf } from '../../functions/jobs/daily.js';
import { claimOf, reminderEmails, reminderMessage, remindersDue, type Person } from '../../functions/reminders/selection.js';

const obligation = (id: string, fields: Partial<TrackedObligation>): TrackedObligation =>
  ({ memorandumId: 'M1', obligationId: id, ownerOrgId: 'COUNCIL', memorandumTitle: { uk: 'Меморандум', en: 'Memorandum' }, text: { uk: `Зобовʼязання ${id}`, en: `Obligation ${id}` }, indicators: [], status: 'in_progress', percentComplete: 10, createdAt: 'x', ...fields }) as TrackedObligation;
const inForce = new Map([['M1', 'NGO']]);
const today = '2026-06-24';

describe('reminder selection', () => {
  it('picks obligations due within seven days, including today and the seventh day', () => {
    const due = remindersDue([
      obligation('today', { dueDate: '2026-06-24' }),
      obligation('week', { dueDate: '2026-07-01' }),
      obligation('later', { dueDate: '2026-07-02' }),
      obligation('undated', {}),
    ], inForce, today);
    expect(due.map((item) => [item.obligationId, item.kind, item.dueDate])).toEqual([['today', 'due_soon', '2026-06-24'], ['week', 'due_soon', '2026-07-01']]);
  });

  it('counts each obligation\'s "today" in its memorandum\'s time zone', () => {
    // 22:30 UTC on 2026-06-23: already the 24th in Kyiv (UTC+3), still the 23rd in Lisbon (UTC+1).
    const now = new Date('2026-06-23T22:30:00Z');
    const todayOf = (item: TrackedObligation) => new Intl.DateTimeFormat('en-CA', { timeZone: item.timeZone ?? 'Europe/Kyiv' }).format(now);
    const due = remindersDue([
      obligation('kyiv', { dueDate: '2026-06-23', recurrence: 'once' }),
      obligation('lisbon', { dueDate: '2026-06-23', recurrence: 'once', timeZone: 'Europe/Lisbon' }),
    ], inForce, todayOf);
    expect(due.map((item) => [item.obligationId, item.kind])).toEqual([['kyiv', 'overdue'], ['lisbon', 'due_soon']]);
  });

  it('picks overdue one-off obligations and recurring ones whose passed occurrence no accepted report covers', () => {
    const due = remindersDue([
      obligation('late', { dueDate: '2026-06-23' }),
      obligation('quarterly', { dueDate: '2026-01-15', recurrence: 'quarterly' }),
      obligation('covered', { dueDate: '2026-01-15', recurrence: 'quarterly', reportedThrough: '2026-04-30' }),
    ], inForce, today);
    expect(due.map((item) => [item.obligationId, item.kind, item.dueDate])).toEqual([['late', 'overdue', '2026-06-23'], ['quarterly', 'overdue', '2026-04-15']]);
  });

  it('a recurring obligation covered up to date is reminded of its next occurrence when it comes within a week', () => {
    const due = remindersDue([obligation('monthly', { dueDate: '2026-01-30', recurrence: 'monthly', reportedThrough: '2026-05-31' })], inForce, today);
    expect(due.map((item) => [item.kind, item.dueDate])).toEqual([['due_soon', '2026-06-30']]);
  });

  it('skips done and cancelled obligations and memoranda not in force', () => {
    expect(remindersDue([
      obligation('done', { dueDate: '2026-06-01', status: 'done' }),
      obligation('cancelled', { dueDate: '2026-06-25', status: 'cancelled' }),
      obligation('closed', { dueDate: '2026-06-25', memorandumId: 'M-CLOSED' }),
    ], inForce, today)).toEqual([]);
  });
});

describe('reminder emails', () => {
  const officers: Record<string, Person[]> = { COUNCIL: [{ userId: 'u-council', email: 'council@example.org' }], NGO: [{ userId: 'u-ngo-officer', email: 'officer@example.org' }] };
  const coordinators: Record<string, Person[]> = { NGO: [{ userId: 'u-coordinator', email: 'coordinator@example.org' }] };
  const items = remindersDue([obligation('soon', { dueDate: '2026-06-26' }), obligation('late', { dueDate: '2026-06-01' })], inForce, today);

  it('tells the owning organisation\'s officers everything, and the drafting organisation\'s coordinators only what is overdue, in one digest', () => {
    const emails = reminderEmails(items, (orgId) => officers[orgId] ?? [], (orgId) => coordinators[orgId] ?? []);
    expect(emails.map((email) => [email.recipient.userId, email.kind, email.items.map((item) => item.obligationId)])).toEqual([
      ['u-council', 'officer', ['soon', 'late']],
      ['u-coordinator', 'digest', ['late']],
    ]);
  });

  it('claims each email once per person, email kind and day', () => {
    const [email] = reminderEmails(items, (orgId) => officers[orgId] ?? [], () => []);
    if (!email) throw new Error('no email');
    expect(claimOf(email, today)).toEqual({ day: today, userId: 'u-council', item: 'officer' });
    expect(claimOf(email, '2026-06-25').day).not.toBe(claimOf(email, today).day);
  });

  it('reads in Ukrainian and English, with one line per item and a link', () => {
    const [email] = reminderEmails(items, (orgId) => officers[orgId] ?? [], () => []);
    if (!email) throw new Error('no email');
    const message = reminderMessage(email, 'https://pakt.example.org/commitments');
    expect(message.subject).toBe('Pakt: зобовʼязання: 1 найближчим часом, 1 прострочено · obligations: 1 due soon, 1 overdue');
    expect(message.text).toContain('• до 2026-06-26 / due 2026-06-26: Зобовʼязання soon — «Меморандум»');
    expect(message.text).toContain('• ПРОСТРОЧЕНО з 2026-06-01 / OVERDUE since 2026-06-01: Зобовʼязання late');
    expect(message.text.endsWith('https://pakt.example.org/commitments')).toBe(true);
  });
});

describe('the daily run', () => {
  it('fails when any memorandum or reminder failed, after doing the rest', () => {
    const reminders = { emails: 3, items: 5, alreadySent: 0, failed: 0 };
    expect(incompletenessOf({ failed: [], reminders })).toBeUndefined();
    expect(incompletenessOf({ failed: ['01J'], reminders })?.message).toBe('Daily jobs incomplete: 1 memoranda could not come into force, 0 reminder emails could not be sent.');
    expect(incompletenessOf({ failed: [], reminders: { ...reminders, failed: 2 } })).toBeInstanceOf(DailyJobsIncomplete);
  });
});
