import { join, resolve } from 'node:path';

/**
 * `npm run jobs:daily`: runs the daily jobs once against the running local
 * stack (`npm start` also runs them at start-up and every 24 hours).
 */
const root = resolve(import.meta.dirname, '../..');
process.env.TABLE_NAME ??= 'pakt-local';
process.env.DYNAMODB_ENDPOINT ??= `http://127.0.0.1:${process.env.PAKT_DYNAMODB_PORT ?? '8000'}`;
process.env.OUTBOX_DIR ??= join(root, '.data/outbox');
process.env.DOCUMENTS_BUCKET ??= 'pakt-local-documents';
process.env.S3_ENDPOINT ??= `http://127.0.0.1:${process.env.PAKT_S3_PORT ?? '4569'}`;
process.env.DIGEST_SIGNING_KEY_FILE ??= join(root, '.data/digest-signing-key.pem');
process.env.WEB_URL ??= `http://127.0.0.1:${process.env.PAKT_WEB_PORT ?? '5173'}`;
process.env.AWS_REGION ??= 'eu-central-1';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.LOG_LEVEL ??= 'SILENT';

const { runDailyJobs } = await import('../../functions/jobs/handler.js');
const result = await runDailyJobs();
const { reminders } = result;
process.stdout.write(
  `Daily jobs for ${result.today}: ${result.activated.length} memoranda came into force${result.failed.length > 0 ? `, ${result.failed.length} failed` : ''}; ` +
    `${reminders.emails} reminder emails about ${reminders.items} items (${reminders.alreadySent} already sent today${reminders.failed > 0 ? `, ${reminders.failed} failed` : ''}); ` +
    `audit digests signed for ${result.digests.filter((digest) => digest.written).map((digest) => `${digest.day} (${digest.memoranda} memoranda)`).join(', ') || 'no new day'}.\n`,
);
