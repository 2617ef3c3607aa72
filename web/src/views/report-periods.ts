import { addDays, addMonths, endOfCalendarPeriod } from '../../../functions/core/calendar.js';
/**
 * The periods a report can be started for, offered instead of two free dates:
 * first the periods the organisation's obligations are due for (from the API's
 * commitments), then the last completed calendar months, quarters or years of
 * the recurrences its obligations have. Pure: the view passes today's date.
 */
export interface Period { start: string; end: string }
export type { Recurrence } from '../../../functions/memoranda/vocabulary.js';
import type { Recurrence } from '../../../functions/memoranda/vocabulary.js';
export interface PeriodChoice extends Period {
  /** How many obligations are due for exactly this period (0 for a calendar preset). */
  due: number;
  /** For presets: the calendar unit, to name it ("квартал"). */
  unit?: 'month' | 'quarter' | 'year';
}

const monthsOf = { monthly: 1, quarterly: 3, yearly: 12 } as const;
const unitOf = { monthly: 'month', quarterly: 'quarter', yearly: 'year' } as const;

/** The last `count` calendar periods of `months` months that ended before `today`, latest first. */
const completedPeriods = (months: 1 | 3 | 12, today: string, count: number): Period[] => {
  const current = endOfCalendarPeriod(today, months);
  return Array.from({ length: count }, (_, index) => {
    const end = addMonths(current, -months * (index + 1));
    return { start: addDays(addMonths(end, -months), 1), end };
  });
};

const overlaps = (a: Period, b: Period) => a.start <= b.end && b.start <= a.end;

export const periodChoices = (input: {
  due: Period[];
  recurrences: Recurrence[];
  today: string;
  term: { start: string; end?: string | null };
  /** Periods of the organisation's reports already submitted or accepted: the API refuses overlaps. */
  taken: Period[];
}): PeriodChoice[] => {
  const { term, taken } = input;
  const choices: PeriodChoice[] = [];
  const add = (period: Period, due: number, unit?: PeriodChoice['unit']) => {
    const clipped = { start: period.start < term.start ? term.start : period.start, end: period.end };
    if (clipped.end < clipped.start || (term.end && clipped.start > term.end) || taken.some((other) => overlaps(other, clipped))) return;
    const same = choices.find((choice) => choice.start === clipped.start && choice.end === clipped.end);
    if (same) same.due += due;
    else choices.push({ ...clipped, due, ...(unit ? { unit } : {}) });
  };
  for (const period of [...input.due].sort((a, b) => a.end.localeCompare(b.end))) add(period, 1);
  for (const recurrence of (['monthly', 'quarterly', 'yearly'] as const).filter((candidate) => input.recurrences.includes(candidate))) {
    for (const period of completedPeriods(monthsOf[recurrence], input.today, 2)) add(period, 0, unitOf[recurrence]);
  }
  return choices;
};
