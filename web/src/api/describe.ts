import { ApiError } from './client';

type Translate = (key: string, values?: Record<string, unknown>) => string;

const translatedCodes = new Set(['network', 'stale_version', 'forbidden', 'not_found', 'already_exists']);

/** A sentence for the user about what went wrong, in their language where we have one. */
export const describeError = (t: Translate, error: unknown): string => {
  if (error instanceof ApiError) {
    if (translatedCodes.has(error.code)) return t(`errors.${error.code}`);
    if (error.status === 400 && Object.keys(error.fieldErrors).length > 0) return t('common.fixFields');
    return error.message || t('errors.unknown');
  }
  return t('errors.unknown');
};

export const fieldErrorsOf = (error: unknown): Record<string, string> => (error instanceof ApiError ? error.fieldErrors : {});
