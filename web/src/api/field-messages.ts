import type { FieldCode, FieldParams } from '../../../functions/core/field-codes.js';
import { formatDate } from '../format.js';

export type Translate = (key: string, values?: Record<string, unknown>, plural?: number) => string;

/** What the API said about one field: its stable code and the figures or dates the message names. */
export interface FieldIssue {
  code: FieldCode;
  params?: FieldParams;
  /** The API's English text, for codes this client does not know yet. */
  message: string;
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const counted = ['min', 'max', 'days'];

/**
 * A field problem in the user's language, from the SPA's own catalogue
 * (`validation.<code>`): dates as the locale writes them, counts with their
 * plural form. A code the catalogue lacks reads as a generic "check this value",
 * never as the API's English.
 */
export const localizeFieldIssue = (t: Translate, locale: string, issue: FieldIssue): string => {
  const params = Object.fromEntries(Object.entries(issue.params ?? {}).map(([name, value]) => [name, isDate(value) ? formatDate(value, locale) : value]));
  const count = counted.map((name) => Number(issue.params?.[name])).find((value) => Number.isFinite(value));
  const key = `validation.${issue.code}`;
  const text = count === undefined ? t(key, params) : t(key, params, count);
  return text === key ? t('validation.invalid') : text;
};
