import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outboxMailer, type Email } from '../../functions/notifications/mailer.js';
import { sendReminders } from '../../functions/reminders/job.js';
import { demoUser, table } from '../support/api.js';
import { caseContent, createActiveMemorandum } from '../support/memoranda.js';

/**
 * The reminder run against DynamoDB Local, mailing into an outbox folder (the
 * local mail transport). Other test files share the table, so assertions look
 * only at the lines about this test's own memorandum, found by its unique title.
 */
const council = demoUser('council');
const coordinator = demoUser('coordinator');

const outbox = async () => {
  const directory = await mkdtemp(join(tmpdir(), 'pakt-reminders-'));
  const read = async (): Promise<Email[]> => Promise.all((await readdir(directory)).map(async (file) => JSON.parse(await readFile(join(directory, file), 'utf8')) as Email));
  return { mailer: outboxMailer(directory), read };
};

/** The lines (one per item) sent to `to` that are about the memorandum titled `title`. */
const linesAbout = (emails: Email[], to: string, title: string) => emails.filter((email) => email.to === to).flatMap((email) => email.text.split('\n').filter((line) => line.includes(title)));

const memorandumWithDueDates = async () => {
  const title = `Нагадування ${crypto.randomUUID().slice(0, 8)}`;
  const content = caseContent();
  content.title = { uk: title, en: title };
  const dated = content.obligations.map((obligation) => {
    if (obligation.id === 'c1') return { ...obligation, dueDate: '2026-12-12', recurrence: 'once' as const };
    if (obligation.id === 'c2') return { ...obligation, dueDate: '2026-11-30', recurrence: 'once' as const };
    if (obligation.id === 'c3') return { ...obligation, dueDate: '2026-01-31', recurrence: 'quarterly' as const };
    return obligation;
  });
  await createActiveMemorandum({ ...content, obligations: dated });
  return title;
};

describe('reminders', () => {
  it('the council hears of what is due within a week and overdue, the coordinator gets a digest of what is overdue; a second run the same day sends nothing', async () => {
    const title = await memorandumWithDueDates();
    const { mailer, read } = await outbox();
    const ctx = table();

    const first = await sendReminders(ctx, mailer, '2026-12-07', 'http://pakt.test/commitments');
    expect(first.items).toBeGreaterThanOrEqual(5);
    const afterFirst = await read();
    const councilLines = linesAbout(afterFirst, council.email, title);
    expect(councilLines).toHaveLength(3);
    expect(councilLines.filter((line) => line.includes('до 2026-12-12 / due 2026-12-12'))).toHaveLength(1);
    expect(councilLines.filter((line) => line.includes('OVERDUE since 2026-11-30'))).toHaveLength(1);
    expect(councilLines.filter((line) => line.includes('OVERDUE since 2026-10-31'))).toHaveLength(1);
    expect(linesAbout(afterFirst, coordinator.email, title)).toHaveLength(2);

    const second = await sendReminders(ctx, mailer, '2026-12-07', 'http://pakt.test/commitments');
    expect(second.alreadySent).toBeGreaterThanOrEqual(first.items);
    const afterSecond = await read();
    expect(linesAbout(afterSecond, council.email, title)).toHaveLength(3);
    expect(linesAbout(afterSecond, coordinator.email, title)).toHaveLength(2);
  });

  it('two runs at the same moment on a new day still send each reminder once', async () => {
    const title = await memorandumWithDueDates();
    const { mailer, read } = await outbox();
    await Promise.all([sendReminders(table(), mailer, '2026-12-08', 'x'), sendReminders(table(), mailer, '2026-12-08', 'x')]);
    const emails = await read();
    expect(linesAbout(emails, council.email, title)).toHaveLength(3);
    expect(linesAbout(emails, coordinator.email, title)).toHaveLength(2);
  });

  it('a failed email releases its claims, so the next run sends it', async () => {
    const title = await memorandumWithDueDates();
    const { mailer, read } = await outbox();
    const failing = { send: () => Promise.reject(new Error('SES is down')) };
    const failed = await sendReminders(table(), failing, '2026-12-09', 'x');
    expect(failed.failed).toBeGreaterThan(0);
    await sendReminders(table(), mailer, '2026-12-09', 'x');
    expect(linesAbout(await read(), council.email, title)).toHaveLength(3);
  });
});
