import { systemClock, type Clock } from './clock.js';

/**
 * Calendar dates (YYYY-MM-DD strings), the one place that knows how they move.
 *
 * Due dates, reminders, coming into force and report periods are days in the
 * parties' time zone (Europe/Kyiv: memoranda do not name one of their own yet),
 * not in UTC: at 01:30 in Kyiv it is already tomorrow there while UTC still
 * says today. Arithmetic on the strings themselves is
 * done in UTC, where no daylight-saving change can move a day. Pure and without
 * I/O, so that the API, the jobs and the SPA share it.
 */
export type CalendarDate = string;

/** Where the parties of the seeded memoranda, and Pakt's users so far, live. */
export const defaultTimeZone = 'Europe/Kyiv';

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The date an instant falls on in a time zone. */
export const dateIn = (instant: Date | string, timeZone: string = defaultTimeZone): CalendarDate => {
  const parts = formatterFor(timeZone).formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
};

/** Today in a time zone (by default the memoranda's). */
export const today = (clock: Clock = systemClock, timeZone: string = defaultTimeZone): CalendarDate => dateIn(clock.now(), timeZone);

const parts = (date: CalendarDate): [number, number, number] => {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return [year, month, day];
};
const format = (instant: Date): CalendarDate => instant.toISOString().slice(0, 10);

/** A date `days` later (or earlier). */
export const addDays = (date: CalendarDate, days: number): CalendarDate => format(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));

/** The last day of the month that holds `date`. */
export const endOfMonth = (date: CalendarDate): CalendarDate => {
  const [year, month] = parts(date);
  return format(new Date(Date.UTC(year, month, 0)));
};

/**
 * The same day `months` later, kept inside shorter months (01-31 + 1 → 02-28/29);
 * a month's last day stays the last day (09-30 + 3 → 12-31), as "quarterly from
 * the end of September" means to the people who wrote it.
 */
export const addMonths = (date: CalendarDate, months: number): CalendarDate => {
  const [year, month, day] = parts(date);
  const firstOfTarget = format(new Date(Date.UTC(year, month - 1 + months, 1)));
  const lastOfTarget = endOfMonth(firstOfTarget);
  if (date === endOfMonth(date)) return lastOfTarget;
  return `${firstOfTarget.slice(0, 8)}${String(Math.min(day, parts(lastOfTarget)[2])).padStart(2, '0')}`;
};

/** The last day of the calendar month, quarter or year (`months` 1, 3, 12) that holds `date`. */
export const endOfCalendarPeriod = (date: CalendarDate, months: 1 | 3 | 12): CalendarDate => {
  const [year, month] = parts(date);
  const lastMonth = Math.floor((month - 1) / months) * months + months;
  return format(new Date(Date.UTC(year, lastMonth, 0)));
};

/** Whether `timeZone` is an IANA time zone this runtime knows (e.g. Europe/Kyiv). */
export const isTimeZone = (timeZone: string): boolean => {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(timeZone) && timeZone !== 'UTC') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
const offsetAt = (instant: number, timeZone: string): number => {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetFormatters.set(timeZone, formatter);
  }
  const values = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]));
  const wall = Date.UTC(values.year ?? 0, (values.month ?? 1) - 1, values.day ?? 1, values.hour ?? 0, values.minute ?? 0, values.second ?? 0);
  return wall - Math.floor(instant / 1000) * 1000;
};

/**
 * The instant a wall-clock time (HH:MM) on a date means in a time zone: 18:30 on
 * 2026-12-10 in Kyiv is 16:30 UTC. A time skipped by a daylight-saving change
 * moves forward, as clocks do.
 */
export const instantOf = (date: CalendarDate, time: string, timeZone: string = defaultTimeZone): Date => {
  const [year, month, day] = parts(date);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone));
};
