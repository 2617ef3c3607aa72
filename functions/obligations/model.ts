import type { Commitment, TrackedObligation } from './schema.js';

/**
 * Pure date rules for commitments. Dates are YYYY-MM-DD strings; "today" is
 * passed in so that the rules are testable with any clock.
 */
const monthsOf = { monthly: 1, quarterly: 3, yearly: 12 } as const;

const addMonths = (date: string, months: number): string => {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
};

/** The first due date on or after `today`; for one-off obligations, the due date itself. */
export const nextDueDate = (dueDate: string | undefined, recurrence: TrackedObligation['recurrence'], today: string): string | undefined => {
  if (!dueDate) return undefined;
  if (!recurrence || recurrence === 'once' || dueDate >= today) return dueDate;
  let next = dueDate;
  for (let step = 1; next < today && step < 1200; step += 1) next = addMonths(dueDate, monthsOf[recurrence] * step);
  return next;
};

const closed = new Set<TrackedObligation['status']>(['done', 'cancelled']);

/**
 * A one-off obligation is overdue once its due date has passed without being
 * done. Recurring obligations are judged by their periodic reports (reporting).
 */
export const isOverdue = (obligation: Pick<TrackedObligation, 'dueDate' | 'recurrence' | 'status'>, today: string): boolean =>
  !closed.has(obligation.status) && obligation.dueDate !== undefined && (!obligation.recurrence || obligation.recurrence === 'once') && obligation.dueDate < today;

export const asCommitment = (obligation: TrackedObligation, today: string): Commitment => {
  const next = nextDueDate(obligation.dueDate, obligation.recurrence, today);
  return { ...obligation, ...(next ? { nextDueDate: next } : {}), overdue: isOverdue(obligation, today) };
};
