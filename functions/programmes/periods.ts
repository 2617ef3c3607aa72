/**
 * Reporting periods of a programme, as strings that sort in time order:
 * `2026-03` (a month), `2026-Q1` (a quarter), `2026` (a year). Pure.
 */
export const frequencies = ['monthly', 'quarterly', 'yearly'] as const;
export type Frequency = (typeof frequencies)[number];

export const periodPattern = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (value: number) => String(value).padStart(2, '0');

export const frequencyOf = (period: string): Frequency => (period.length === 4 ? 'yearly' : period.includes('Q') ? 'quarterly' : 'monthly');

/** The first and last day a period covers. */
export const periodRange = (period: string): { start: string; end: string } => {
  const year = Number(period.slice(0, 4));
  switch (frequencyOf(period)) {
    case 'yearly':
      return { start: `${year}-01-01`, end: `${year}-12-31` };
    case 'quarterly': {
      const quarter = Number(period.slice(6));
      const lastMonth = quarter * 3;
      return { start: `${year}-${pad(lastMonth - 2)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDayOf(year, lastMonth))}` };
    }
    case 'monthly': {
      const month = Number(period.slice(5, 7));
      return { start: `${period}-01`, end: `${period}-${pad(lastDayOf(year, month))}` };
    }
  }
};

/** The period of a frequency that contains a date. */
export const periodOf = (frequency: Frequency, date: string): string => {
  const year = date.slice(0, 4);
  if (frequency === 'yearly') return year;
  const month = Number(date.slice(5, 7));
  return frequency === 'quarterly' ? `${year}-Q${Math.ceil(month / 3)}` : `${year}-${pad(month)}`;
};

const next = (period: string): string => {
  const year = Number(period.slice(0, 4));
  switch (frequencyOf(period)) {
    case 'yearly':
      return String(year + 1);
    case 'quarterly': {
      const quarter = Number(period.slice(6));
      return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
    }
    case 'monthly': {
      const month = Number(period.slice(5, 7));
      return month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`;
    }
  }
};

/** Every period of a frequency from the one containing `range.start` to the one containing `range.end`. */
export const periodsBetween = (frequency: Frequency, range: { start: string; end: string }): string[] => {
  const periods: string[] = [];
  const last = periodOf(frequency, range.end);
  for (let period = periodOf(frequency, range.start); period <= last && periods.length < 1200; period = next(period)) periods.push(period);
  return periods;
};

/** A period lies inside a programme when it is one of the programme's periods of its frequency. */
export const liesWithin = (period: string, programme: { start: string; end: string }): boolean => {
  const frequency = frequencyOf(period);
  return period >= periodOf(frequency, programme.start) && period <= periodOf(frequency, programme.end);
};

/** How much of a programme's time has passed on `today`, from 0 to 1. */
export const elapsedShare = (programme: { start: string; end: string }, today: string): number => {
  const start = Date.parse(programme.start);
  const end = Date.parse(programme.end) + 86_400_000;
  const now = Date.parse(today);
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
};
