import { join, resolve } from 'node:path';
import type { DailyJobsResult } from '../../functions/jobs/handler.js';
import { dailyJobFunction, startContainer } from './containers.js';

/**
 * `npm run jobs:daily`: runs the daily jobs once against the running local stack
 * (`npm start` also runs them at start-up and every 24 hours), in the daily job's
 * own container: its environment and grants, through the running stack's IAM.
 */
const root = resolve(import.meta.dirname, '../..');
const port = (name: string, fallback: number) => process.env[name] ?? String(fallback);
process.env.LOG_LEVEL ??= 'SILENT';

const dataDir = join(root, '.data');
const container = await startContainer(dailyJobFunction, {
  webUrl: `http://127.0.0.1:${port('PAKT_WEB_PORT', 5173)}`,
  tableName: 'pakt-local',
  dynamodbEndpoint: `http://127.0.0.1:${port('PAKT_DYNAMODB_PORT', 8000)}`,
  bucket: 'pakt-local-documents',
  s3Endpoint: `http://127.0.0.1:${port('PAKT_S3_PORT', 4569)}`,
  accountsFile: join(dataDir, 'accounts.json'),
  outboxDir: join(dataDir, 'outbox'),
  digestKeyFile: join(dataDir, 'digest-signing-key.pem'),
  digestPublicKeyFile: join(dataDir, 'digest-signing-key.public.pem'),
}, (line) => process.stderr.write(`${line}\n`));
try {
  const result = await container.invoke<DailyJobsResult>({}, 15 * 60_000);
  const { reminders } = result;
  process.stdout.write(
    `Daily jobs for ${result.today}: ${result.activated.length} memoranda came into force${result.failed.length > 0 ? `, ${result.failed.length} failed` : ''}; ` +
      `${reminders.emails} reminder emails about ${reminders.items} items (${reminders.alreadySent} already sent today${reminders.failed > 0 ? `, ${reminders.failed} failed` : ''}); ` +
      `audit digests signed for ${result.digests.filter((digest) => digest.written).map((digest) => `${digest.day} (${digest.memoranda} memoranda)`).join(', ') || 'no new day'}.\n`,
  );
} finally {
  await container.stop();
}
