import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../core/logger.js';
import { tableContext } from '../data/client.js';
import { memorandumRepository } from '../memoranda/repository.js';
import { activateDueMemoranda } from './daily.js';

/** The Lambda EventBridge Scheduler invokes once a day. */
export const runDailyJobs = async (now: Date = new Date()) => {
  const today = now.toISOString().slice(0, 10);
  const activation = await activateDueMemoranda(memorandumRepository(tableContext()), today);
  logger.info('Daily jobs done', { today, activated: activation.activated.length, failed: activation.failed.length });
  return { today, ...activation };
};

export const handler = middy(() => runDailyJobs()).use(injectLambdaContext(logger));
