import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { optionalEnv } from '../core/config.js';
import { logger } from '../core/logger.js';
import { countEvent } from '../core/metrics.js';
import { tableContext } from '../data/client.js';
import { memorandumRepository } from '../memoranda/repository.js';
import { configuredMailer } from '../notifications/mailer.js';
import { sendReminders } from '../reminders/job.js';
import { activateDueMemoranda, incompletenessOf } from './daily.js';
import { writeDueDigests } from './digest.js';
import { documentStore } from '../files/document-store.js';
import { configuredDigestSigner } from '../memoranda/digest-signer.js';
import { dateIn } from '../core/calendar.js';

/**
 * The Lambda EventBridge Scheduler invokes once a day: memoranda whose term has
 * started come into force first, so that their obligations are reminded of too;
 * then the signed digest of the audit chains that moved on the days since the last.
 */
export const runDailyJobs = async (now: Date = new Date()) => {
  // The day in Kyiv, where the memoranda's dates are, whatever hour the job runs.
  const today = dateIn(now);
  const activation = await activateDueMemoranda(memorandumRepository(tableContext()), today, now);
  const reminders = await sendReminders(tableContext(), configuredMailer(), today, `${optionalEnv('WEB_URL') ?? ''}/commitments`, now);
  const signer = configuredDigestSigner();
  if (!signer) throw new Error('Set DIGEST_KMS_KEY_ID (KMS) or DIGEST_SIGNING_KEY_FILE (local key) to sign the daily audit digest.');
  // Digests seal UTC days (the days the audit marks are kept under), whatever the memoranda's time zone.
  const digests = await writeDueDigests(tableContext(), documentStore(), signer, now.toISOString().slice(0, 10), now.toISOString());
  logger.info('Daily jobs done', { today, activated: activation.activated.length, failed: activation.failed.length, reminders, digests: digests.map(({ day, memoranda }) => ({ day, memoranda })) });
  return { today, ...activation, reminders, digests };
};

export type DailyJobsResult = Awaited<ReturnType<typeof runDailyJobs>>;

/**
 * Every item is attempted before the run fails, and a rerun is safe: memoranda
 * in force stay so, and no reminder goes out twice in a day.
 */
export const handler = middy(async () => {
  const result = await runDailyJobs();
  countEvent('remindersSent', result.reminders.emails);
  const incomplete = incompletenessOf(result);
  if (incomplete) throw incomplete;
  return result;
}).use(injectLambdaContext(logger));
