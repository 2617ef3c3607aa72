import { isOverdue, lastPassedDueDate, nextDueDate } from '../obligations/model.js';
import type { TrackedObligation } from '../obligations/schema.js';
import { addDays } from '../core/calendar.js';

/**
 * Who is reminded of what on a given day (pure; `today` is injected). Council
 * officers of the owning organisation hear of their obligations due within a
 * week and of those overdue; coordinators of the drafting organisation get one
 * digest of everything overdue in the memoranda they drafted.
 */
export const dueSoonDays = 7;

export interface ReminderItem {
  kind: 'due_soon' | 'overdue';
  memorandumId: string;
  obligationId: string;
  ownerOrgId: string;
  draftingOrgId: string;
  memorandumTitle: TrackedObligation['memorandumTitle'];
  text: TrackedObligation['text'];
  /** The occurrence the reminder is about: the coming due date, or the passed one. */
  dueDate: string;
}

export interface Person {
  userId: string;
  email: string;
}

export interface ReminderEmail {
  recipient: Person;
  kind: 'officer' | 'digest';
  items: ReminderItem[];
}

/** The reminders due today, for obligations of memoranda in force (`draftingOrgOf` knows only those). */
export const remindersDue = (obligations: TrackedObligation[], draftingOrgOf: ReadonlyMap<string, string>, todayOf: string | ((obligation: TrackedObligation) => string)): ReminderItem[] =>
  obligations.flatMap((obligation): ReminderItem[] => {
    const today = typeof todayOf === 'string' ? todayOf : todayOf(obligation);
    const horizon = addDays(today, dueSoonDays);
    const draftingOrgId = draftingOrgOf.get(obligation.memorandumId);
    if (!draftingOrgId || obligation.status === 'done' || obligation.status === 'cancelled') return [];
    const about = { memorandumId: obligation.memorandumId, obligationId: obligation.obligationId, ownerOrgId: obligation.ownerOrgId, draftingOrgId, memorandumTitle: obligation.memorandumTitle, text: obligation.text };
    if (isOverdue(obligation, today)) return [{ kind: 'overdue', ...about, dueDate: lastPassedDueDate(obligation.dueDate, obligation.recurrence, today) ?? today }];
    const next = nextDueDate(obligation.dueDate, obligation.recurrence, today);
    return next !== undefined && next >= today && next <= horizon ? [{ kind: 'due_soon', ...about, dueDate: next }] : [];
  });

/** Officers hear of their organisation's items; each drafting organisation's coordinators get its overdue items as one digest. */
export const reminderEmails = (items: ReminderItem[], officersOf: (orgId: string) => Person[], coordinatorsOf: (orgId: string) => Person[]): ReminderEmail[] => {
  const groups = new Map<string, ReminderEmail>();
  const add = (recipient: Person, kind: ReminderEmail['kind'], item: ReminderItem) => {
    const key = `${kind}#${recipient.userId}`;
    const email = groups.get(key) ?? { recipient, kind, items: [] };
    email.items.push(item);
    groups.set(key, email);
  };
  for (const item of items) {
    for (const officer of officersOf(item.ownerOrgId)) add(officer, 'officer', item);
    if (item.kind === 'overdue') for (const coordinator of coordinatorsOf(item.draftingOrgId)) add(coordinator, 'digest', item);
  }
  return [...groups.values()];
};

/**
 * What makes a reminder email "the same" within a day: one claim per recipient and
 * email kind, so that a rerun that day sends nothing twice. Per email, not per item:
 * a coordinator's digest of 10,000 overdue items is one write, not 10,000.
 */
export const claimOf = (email: Pick<ReminderEmail, 'kind' | 'recipient'>, today: string) => ({
  day: today,
  userId: email.recipient.userId,
  item: email.kind,
});

const titleOf = (text: { uk?: string; en?: string }) => text.uk ?? text.en ?? '';

/** The email itself: Ukrainian first, then English, one line per item. */
export const reminderMessage = (email: ReminderEmail, link: string): { subject: string; text: string } => {
  const line = (item: ReminderItem) =>
    `• ${item.kind === 'overdue' ? `ПРОСТРОЧЕНО з ${item.dueDate} / OVERDUE since ${item.dueDate}` : `до ${item.dueDate} / due ${item.dueDate}`}: ${titleOf(item.text)} — «${titleOf(item.memorandumTitle)}»`;
  const overdue = email.items.filter((item) => item.kind === 'overdue').length;
  const soon = email.items.length - overdue;
  const [subjectUk, subjectEn, introUk, introEn] = email.kind === 'digest'
    ? [`прострочені зобов'язання: ${overdue}`, `overdue obligations: ${overdue}`, 'Зобовʼязання за меморандумами вашої організації, що прострочені:', 'Obligations under your organisation\'s memoranda that are overdue:']
    : [`зобовʼязання: ${soon} найближчим часом, ${overdue} прострочено`, `obligations: ${soon} due soon, ${overdue} overdue`, 'Зобовʼязання вашої організації, про які час звітувати:', 'Your organisation\'s obligations that need a report:'];
  return {
    subject: `Pakt: ${subjectUk} · ${subjectEn}`,
    text: [introUk, introEn, '', ...email.items.map(line), '', link].join('\n'),
  };
};
