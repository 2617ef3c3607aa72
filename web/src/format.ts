/** How numbers, sizes and dates read in the user's language: `Intl` for uk and en, never hand-built strings. */

/** A file's size as people read it: KB below a megabyte, MB with one decimal above, in the locale's digits. */
export const fileSize = (bytes: number, locale = 'en'): string =>
  bytes < 1024 * 1024
    ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)))
    : new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));

const calendarDate = (locale: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const asUtc = (date: string) => new Date(`${date.slice(0, 10)}T00:00:00Z`);

/** A calendar date (YYYY-MM-DD) as the locale writes it: "31 бер. 2026 р.", "Mar 31, 2026". */
export const formatDate = (date: string, locale: string): string => calendarDate(locale).format(asUtc(date));

/** A period as one range: "1 січ. – 31 бер. 2026 р.", "Jan 1 – Mar 31, 2026". */
export const formatPeriod = (period: { start: string; end: string }, locale: string): string => calendarDate(locale).formatRange(asUtc(period.start), asUtc(period.end));

/** How long ago, in whole days: "сьогодні", "3 дні тому", "yesterday". */
export const daysAgo = (timestamp: string, locale: string, now = Date.now()): string =>
  new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-Math.floor((now - Date.parse(timestamp)) / 86_400_000), 'day');

/** A moment in the reader's own zone: "3 груд. 2026 р., 14:02", "Dec 3, 2026, 2:02 PM". */
export const formatMoment = (timestamp: string, locale: string): string => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(timestamp));
