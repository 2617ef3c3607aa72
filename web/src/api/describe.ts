import { ApiError } from './client';

type Translate = (key: string, values?: Record<string, unknown>) => string;

const translatedCodes = new Set(['network', 'stale_version', 'forbidden', 'not_found', 'already_exists', 'lead_only', 'lead_must_hand_over', 'case_records_kept', 'integrity_failure', 'account_disabled', 'session_revoked', 'idempotency_key_reused']);

/** A sentence for the user about what went wrong, in their language where we have one. */
export const describeError = (t: Translate, error: unknown): string => {
  if (error instanceof ApiError) {
    if (translatedCodes.has(error.code)) return t(`errors.${error.code}`);
    if (error.status === 400 && Object.keys(error.fieldErrors).length > 0) return t('common.fixFields');
    return error.message || t('errors.unknown');
  }
  return t('errors.unknown');
};

/** The API's field messages are English; these are the ones users meet, in their language. */
const knownMessages: [RegExp, string][] = [
  [/^Must be at least (\d+) characters\.$/, 'validation.minLength'],
  [/^Must be at most (\d+) characters\.$/, 'validation.maxLength'],
  [/^Must be an email address\.$/, 'validation.email'],
  [/^Must be a phone number/, 'validation.phone'],
  [/^Must be a web address/, 'validation.website'],
  [/^Must be 4 to 32 letters/, 'validation.registrationCode'],
  [/^Invalid option/, 'validation.option'],
  [/^Must not contain control characters\.$/, 'validation.controlCharacters'],
  [/received undefined$/, 'validation.required'],
  [/^A period can be reported from (\d+) days before it ends\.$/, 'validation.periodNotEnded'],
  [/^Overlaps a period your organisation has already reported on\.$/, 'validation.periodOverlaps'],
  [/^The report says nothing yet/, 'validation.reportSaysNothing'],
  [/^The memorandum starts on (\S+)\.$/, 'validation.memorandumStarts'],
  [/^The memorandum ends on (\S+)\.$/, 'validation.memorandumEnds'],
  [/^The period must not end before it starts\.$/, 'validation.periodReversed'],
];

export const localizeFieldMessage = (t: Translate, message: string): string => {
  for (const [pattern, key] of knownMessages) {
    const match = pattern.exec(message);
    if (match) return t(key, { n: match[1] ?? '' });
  }
  return message;
};

export const fieldErrorsOf = (error: unknown, t?: Translate): Record<string, string> => {
  if (!(error instanceof ApiError)) return {};
  return t ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, localizeFieldMessage(t, message)])) : error.fieldErrors;
};

/** Every field message of a refusal, in the user's language where we have it, as one sentence list (for toasts). */
export const fieldMessages = (t: Translate, error: unknown): string | undefined => {
  const messages = Object.values(fieldErrorsOf(error, t));
  return messages.length > 0 ? messages.join(' ') : undefined;
};
