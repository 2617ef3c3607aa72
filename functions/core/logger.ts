import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured JSON logger per container. Log ids and codes, never request
 * bodies, tokens, names or emails: the people in these records are at risk.
 */
export const logger = new Logger({ serviceName: 'pakt', logLevel: process.env.LOG_LEVEL === 'DEBUG' ? 'DEBUG' : process.env.LOG_LEVEL === 'SILENT' ? 'SILENT' : 'INFO' });
