import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { optionalEnv } from '../core/config.js';
import { logger } from '../core/logger.js';
import { tableContext } from '../data/client.js';
import { memorandumRepository } from '../memoranda/repository.js';
import { configuredMailer } from '../notifications/mailer.js';
import { sendReminders } from '../reminders/job.js';
import { activateDueMemoranda } from './daily.js';

/**
 * The Lambda EventBridge Scheduler invokes once a day: memoranda whose term has
 * started come into force first, so that their obligations are reminded of too.
 */
export const runDailyJobs = async (now: Date = new Date()) => {
  const today = now.toISOString().slice(0, 10);
  const activation = await activateDueMemoranda(memorandumRepository(tableContext()), today);
  const reminders = await sendReminders(tableContext(), configuredMailer(), today, `${optionalEnv('WEB_URL') ?? ''}/commitments`);
  logger.info('Daily jobs done', { today, activated: activation.activated.length, failed: activation.failed.length, reminders });
  return { today, ...activation, reminders };
};

export const handler = middy(() => runDailyJobs()).use(injectLambdaContext(logger));
