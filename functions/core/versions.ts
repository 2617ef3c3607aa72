import { AppError, notFound } from './errors.js';

/**
 * Optimistic concurrency, the one way: a change names the version it was based on
 * (If-Match); a record read at another version is refused before anything is done,
 * and a write whose version condition fails says whether the record changed or went.
 */

/** The record is at the version the caller read (0: it does not exist yet), or 412 stale_version naming the version now. */
export const requireVersion = (stored: { version: number } | undefined, ifMatch: number, what: string): void => {
  const current = stored?.version ?? 0;
  if (current === ifMatch) return;
  throw new AppError('stale_version', current === 0 ? `There is no ${what} yet: send If-Match "0" to create it.` : `The ${what} is now at version ${current}. Reload it and try again.`);
};

/** What a failed version condition on a write means: the record changed meanwhile (412), or is gone (404). */
export const changedOrGone = (stored: unknown, what: string): AppError =>
  stored ? new AppError('stale_version', `The ${what} changed since you read it. Reload it and try again.`) : notFound(`The ${what}`);
