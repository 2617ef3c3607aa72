import * as z from 'zod/mini';
import { isTimeZone } from './calendar.js';

/** Building blocks shared by module schemas. */

export const ulid = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Must be a record id (26-character ULID).'));

/** Ids issued by the identity provider (Cognito subs are UUIDs; the local provider issues ULIDs). */
export const userId = z.string().check(z.regex(/^[0-9A-Za-z-]{10,64}$/, 'Must be a user id.'));

/**
 * Characters XML 1.0 does not allow (controls other than tab, newline and return, U+FFFE/U+FFFF,
 * unpaired surrogates): refused at the door, so that no export (IATI XML, spreadsheets) breaks on them.
 */
export const xmlInvalidCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const controlCharactersMessage = 'Must not contain control characters.';

export const text = (min: number, max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(min, `Must be at least ${min} characters.`),
    z.maxLength(max, `Must be at most ${max} characters.`),
    z.refine((value) => !xmlInvalidCharacters.test(value), { message: controlCharactersMessage }),
  );

export const localizedText = (min: number, max: number) =>
  z.strictObject({
    uk: text(min, max),
    en: text(min, max),
  });

/** Text written in Ukrainian, English or both; at least one of them. */
export const bilingual = (max: number) =>
  z.strictObject({ uk: z.optional(text(0, max)), en: z.optional(text(0, max)) }).check(
    z.refine((value) => (value.uk ?? '') !== '' || (value.en ?? '') !== '', { message: 'Write it in Ukrainian, English or both.' }),
  );

export const isoDate = z.iso.date('Must be a date, e.g. 2026-12-31.');

/** An IANA time zone; where a record has none, it is in `defaultTimeZone` (Europe/Kyiv). */
export const timeZone = z.string().check(z.maxLength(64), z.refine(isTimeZone, 'Must be a time zone, e.g. Europe/Kyiv.'));

/** Ids of items inside a record (obligations, indicators, budget lines): short and URL-safe. */
export const itemId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'Must be 1 to 40 letters, digits, _ or -.'));

export const email = z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.email('Must be an email address.'));

export const isoTimestamp = z.iso.datetime();

export const pageQuery = z.strictObject({
  limit: z.optional(z.string().check(z.regex(/^(100|[1-9][0-9]?)$/, 'Must be a whole number from 1 to 100.'))),
  cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,2048}$/, 'Not a cursor from this list.'))),
});

export const pageLimit = (limit: string | undefined, fallback = 25): number => (limit === undefined ? fallback : Number(limit));

export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.optional(z.string()),
  });

/** One page of a list, as every list route returns it. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
