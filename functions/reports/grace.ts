import { optionalEnv } from '../core/config.js';
import { defaultReportGraceDays } from './model.js';

/** REPORT_GRACE_DAYS: how many days before a period ends its report may be started; checked at cold start. */
export const reportGraceDays = ((value: number) => {
  if (!Number.isInteger(value) || value < 0 || value > 366) throw new Error('REPORT_GRACE_DAYS must be a whole number of days from 0 to 366.');
  return value;
})(Number(optionalEnv('REPORT_GRACE_DAYS') ?? defaultReportGraceDays));
