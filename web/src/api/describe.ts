import { ApiError } from './client';
import { localizeFieldIssue, type Translate } from './field-messages';

/** A sentence for the user about what went wrong, in their language: every API error code has one (the API's English detail is for API users). */
export const describeError = (t: Translate, error: unknown): string => {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.status === 400 && Object.keys(error.fieldErrors).length > 0) return t('common.fixFields');
  const key = `errors.${error.code}`;
  const text = t(key);
  return text === key ? t('errors.unknown') : text;
};

/** Each refused field's message in the user's language, keyed the way forms name their fields. */
export const fieldErrorsOf = (error: unknown, t: Translate, locale: string): Record<string, string> => {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(error.fieldErrors).map(([field, issue]) => [field, localizeFieldIssue(t, locale, issue)]));
};

/** Every field message of a refusal, in the user's language where we have it, as one sentence list (for toasts). */
export const fieldMessages = (t: Translate, error: unknown, locale: string): string | undefined => {
  const messages = Object.values(fieldErrorsOf(error, t, locale));
  return messages.length > 0 ? messages.join(' ') : undefined;
};
