import { ApiError } from './client';
import { localizeFieldMessage, type Translate } from './field-messages';

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

export const fieldErrorsOf = (error: unknown, t?: Translate): Record<string, string> => {
  if (!(error instanceof ApiError)) return {};
  return t ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, localizeFieldMessage(t, message)])) : error.fieldErrors;
};

/** Every field message of a refusal, in the user's language where we have it, as one sentence list (for toasts). */
export const fieldMessages = (t: Translate, error: unknown): string | undefined => {
  const messages = Object.values(fieldErrorsOf(error, t));
  return messages.length > 0 ? messages.join(' ') : undefined;
};
