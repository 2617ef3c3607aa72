/** The month a programme's calendar opens on and the dates it asks for: one definition, so that what the device keeps for it is what it reads. */
const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

export const monthRange = (month: string) => ({ from: `${month}-01`, to: `${month}-${String(lastDay(month)).padStart(2, '0')}` });

/** This month, or the programme's first or last month when today is outside its period. */
export const openingMonth = (period: { start: string; end: string }, today: string) =>
  (today < period.start ? period.start : today > period.end ? period.end : today).slice(0, 7);

/** The month's days in weeks starting on Monday, with blanks before the first day and after the last. */
export const weeksOf = (month: string): (string | null)[][] => {
  const first = new Date(`${month}-01T00:00:00Z`).getUTCDay();
  const blanks = (first + 6) % 7;
  const days: (string | null)[] = [...Array.from({ length: blanks }, () => null), ...Array.from({ length: lastDay(month) }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`)];
  while (days.length % 7 !== 0) days.push(null);
  return Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7));
};
