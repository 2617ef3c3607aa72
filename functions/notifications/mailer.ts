import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { newId } from '../core/ids.js';
import { optionalEnv } from '../core/config.js';
import { logger } from '../core/logger.js';
import { traced } from '../core/tracer.js';

/**
 * Email behind one port: SES on AWS, an outbox folder of JSON files on one
 * machine (npm start prints where), nothing where neither is configured.
 */
export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(emails: Email[]): Promise<void>;
}

export const sesMailer = (client: SESv2Client, from: string): Mailer => ({
  async send(emails) {
    for (const email of emails) {
      await client.send(new SendEmailCommand({ FromEmailAddress: from, Destination: { ToAddresses: [email.to] }, Content: { Simple: { Subject: { Data: email.subject, Charset: 'UTF-8' }, Body: { Text: { Data: email.text, Charset: 'UTF-8' } } } } }));
    }
  },
});

export const outboxMailer = (directory: string): Mailer => ({
  async send(emails) {
    await mkdir(directory, { recursive: true });
    for (const email of emails) {
      const at = new Date().toISOString();
      await writeFile(join(directory, `${at.replaceAll(':', '-')}-${newId()}.json`), JSON.stringify({ at, ...email }, null, 2), { mode: 0o600 });
    }
  },
});

const disabledMailer: Mailer = {
  async send(emails) {
    if (emails.length > 0) logger.warn('Email is not configured (SENDER_EMAIL or OUTBOX_DIR); notifications were not sent', { count: emails.length });
  },
};

let shared: Mailer | undefined;

export const configuredMailer = (): Mailer => {
  if (shared) return shared;
  const outbox = optionalEnv('OUTBOX_DIR');
  const sender = optionalEnv('SENDER_EMAIL');
  shared = outbox ? outboxMailer(outbox) : sender ? sesMailer(traced(new SESv2Client({})), sender) : disabledMailer;
  return shared;
};
