import type { MemorandumContent } from '../memoranda/schema.js';
import type { Commitment, TrackedObligation } from './schema.js';
import { addDays, addMonths, dateIn, endOfCalendarPeriod } from '../core/calendar.js';

/**
 * Pure date rules for commitments. Dates are YYYY-MM-DD strings; "today" is
 * passed in so that the rules are testable with any clock.
 */
const monthsOf = { monthly: 1, quarterly: 3, yearly: 12 } as const;

const isRecurring = (recurrence: TrackedObligation['recurrence']): recurrence is keyof typeof monthsOf => recurrence !== undefined && recurrence !== 'once';

/** The first due date on or after `today`; for one-off obligations, the due date itself. */
export const nextDueDate = (dueDate: string | undefined, recurrence: TrackedObligation['recurrence'], today: string): string | undefined => {
  if (!dueDate) return undefined;
  if (!isRecurring(recurrence) || dueDate >= today) return dueDate;
  let next = dueDate;
  for (let step = 1; next < today && step < 1200; step += 1) next = addMonths(dueDate, monthsOf[recurrence] * step);
  return next;
};

/** The latest due date strictly before `today` (the last occurrence that has passed), if any. */
export const lastPassedDueDate = (dueDate: string | undefined, recurrence: TrackedObligation['recurrence'], today: string): string | undefined => {
  if (!dueDate || dueDate >= today) return undefined;
  if (!isRecurring(recurrence)) return dueDate;
  let passed = dueDate;
  for (let step = 1; step < 1200; step += 1) {
    const next = addMonths(dueDate, monthsOf[recurrence] * step);
    if (next >= today) break;
    passed = next;
  }
  return passed;
};

const closed = new Set<TrackedObligation['status']>(['done', 'cancelled']);

/**
 * A one-off obligation is overdue once its due date has passed without being
 * done. A recurring one is overdue when an occurrence has passed that no
 * accepted report covers (its period reached that date).
 */
export const isOverdue = (obligation: Pick<TrackedObligation, 'dueDate' | 'recurrence' | 'status' | 'reportedThrough'>, today: string): boolean => {
  if (closed.has(obligation.status)) return false;
  const passed = lastPassedDueDate(obligation.dueDate, obligation.recurrence, today);
  if (passed === undefined) return false;
  return isRecurring(obligation.recurrence) ? (obligation.reportedThrough ?? '') < passed : true;
};

/**
 * The period the next report on an obligation is due for: its first occurrence that no
 * accepted report covers, once it may be reported (it ends by today plus the grace days).
 * A recurring occurrence runs from the day after the one before it (or after what was
 * last reported); without a due date, occurrences are calendar months, quarters or years,
 * from what was last reported (or the signing). A one-off obligation runs from its
 * signing. Undefined when nothing is due yet.
 */
export const periodToReport = (obligation: Pick<TrackedObligation, 'dueDate' | 'recurrence' | 'status' | 'reportedThrough' | 'createdAt'>, today: string, graceDays: number): { start: string; end: string } | undefined => {
  const { dueDate, recurrence, reportedThrough } = obligation;
  if (closed.has(obligation.status)) return undefined;
  const latest = addDays(today, graceDays);
  if (!dueDate) {
    if (!isRecurring(recurrence)) return undefined;
    const from = reportedThrough ? addDays(reportedThrough, 1) : dateIn(obligation.createdAt);
    const end = endOfCalendarPeriod(from, monthsOf[recurrence]);
    return end > latest ? undefined : { start: from, end };
  }
  if (!isRecurring(recurrence)) {
    if ((reportedThrough ?? '') >= dueDate || dueDate > latest) return undefined;
    const signed = dateIn(obligation.createdAt);
    return { start: signed < dueDate ? signed : dueDate, end: dueDate };
  }
  let step = 0;
  while (addMonths(dueDate, monthsOf[recurrence] * step) <= (reportedThrough ?? '') && step < 1200) step += 1;
  const end = addMonths(dueDate, monthsOf[recurrence] * step);
  if (end > latest) return undefined;
  const occurrenceStart = addDays(addMonths(dueDate, monthsOf[recurrence] * (step - 1)), 1);
  const afterReported = reportedThrough ? addDays(reportedThrough, 1) : occurrenceStart;
  return { start: afterReported > occurrenceStart ? afterReported : occurrenceStart, end };
};

export const asCommitment = (obligation: TrackedObligation, today: string, graceDays: number): Commitment => {
  const next = nextDueDate(obligation.dueDate, obligation.recurrence, today);
  const toReport = periodToReport(obligation, today, graceDays);
  return { ...obligation, ...(next ? { nextDueDate: next } : {}), overdue: isOverdue(obligation, today), ...(toReport ? { reportPeriod: toReport } : {}) };
};

/** An obligation as signing turns it into a tracked record: owned by its party, not started. */
export const trackedObligationOf = (
  memorandum: { id: string; draftingOrgId: string; content: Pick<MemorandumContent, 'title' | 'timeZone'> },
  obligation: MemorandumContent['obligations'][number],
  at: string,
): TrackedObligation => ({
  memorandumId: memorandum.id,
  obligationId: obligation.id,
  ownerOrgId: obligation.partyOrgId,
  draftingOrgId: memorandum.draftingOrgId,
  memorandumTitle: memorandum.content.title,
  text: obligation.text,
  ...(obligation.category ? { category: obligation.category } : {}),
  ...(obligation.dueDate ? { dueDate: obligation.dueDate } : {}),
  ...(obligation.recurrence ? { recurrence: obligation.recurrence } : {}),
  ...(obligation.responsible ? { responsible: obligation.responsible } : {}),
  ...(memorandum.content.timeZone ? { timeZone: memorandum.content.timeZone } : {}),
  indicators: obligation.indicators ?? [],
  status: 'not_started',
  percentComplete: 0,
  version: 1,
  createdAt: at,
});
