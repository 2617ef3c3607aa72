/** Time comes through here so that rules can be tested with a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const isoNow = (clock: Clock = systemClock): string => clock.now().toISOString();

/** A calendar date (YYYY-MM-DD) `days` later (or earlier), in UTC: no time zone moves it. */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
