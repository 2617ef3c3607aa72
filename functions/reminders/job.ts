import { dateIn } from '../core/calendar.js';
import { logger } from '../core/logger.js';
import type { TableContext } from '../data/client.js';
import { memorandumRepository } from '../memoranda/repository.js';
import type { Mailer } from '../notifications/mailer.js';
import { obligationRepository } from '../obligations/repository.js';
import { organisationRepository } from '../organisations/repository.js';
import { userRepository } from '../users/repository.js';
import type { User } from '../users/schema.js';
import { claimRepository } from './repository.js';
import { claimOf, reminderEmails, reminderMessage, remindersDue, type Person } from './selection.js';

/**
 * The reminder run of the daily job. Reads every organisation's obligations
 * (one GSI1 Query each; no Scan), keeps those of memoranda in force, and emails
 * each person whose email is not yet claimed today: a claim is a conditional Put,
 * so a second run the same day (or a concurrent one) sends nothing twice. A failed
 * email releases its claim so that a rerun retries.
 */
const claimDays = 3;

export interface ReminderRun {
  emails: number;
  items: number;
  alreadySent: number;
  failed: number;
}

/** The drafting organisation of each memorandum in force, by id. */
const memorandaInForce = async (ctx: TableContext, memorandumIds: string[]): Promise<Map<string, string>> => {
  const heads = await memorandumRepository(ctx).statusesOf(memorandumIds);
  return new Map(heads.filter((head) => head.status === 'active').map((head) => [head.id, head.draftingOrgId]));
};

const peopleOf = async (ctx: TableContext, orgIds: string[]): Promise<Map<string, User[]>> => {
  const people = new Map<string, User[]>();
  for (const orgId of orgIds) people.set(orgId, await userRepository(ctx).activeOf(orgId));
  return people;
};

const asPerson = (user: User): Person => ({ userId: user.id, email: user.email });

/** `today` is the run's day (Kyiv's); with `now`, each obligation is due by the date in its memorandum's time zone. */
export const sendReminders = async (ctx: TableContext, mailer: Mailer, today: string, link: string, now?: Date): Promise<ReminderRun> => {
  const obligations = [];
  for (const orgId of await organisationRepository(ctx).allIds()) obligations.push(...(await obligationRepository(ctx).allForOwner(orgId)));
  const inForce = await memorandaInForce(ctx, [...new Set(obligations.map((obligation) => obligation.memorandumId))]);
  const due = remindersDue(obligations, inForce, now ? (obligation) => dateIn(now, obligation.timeZone) : today);
  const people = await peopleOf(ctx, [...new Set(due.flatMap((item) => [item.ownerOrgId, item.draftingOrgId]))]);
  const emails = reminderEmails(
    due,
    (orgId) => (people.get(orgId) ?? []).filter((user) => user.role === 'council' || user.role === 'coordinator').map(asPerson),
    (orgId) => (people.get(orgId) ?? []).filter((user) => user.role === 'coordinator').map(asPerson),
  );
  const run: ReminderRun = { emails: 0, items: 0, alreadySent: 0, failed: 0 };
  const claims = claimRepository(ctx);
  const expiresAt = Math.floor(Date.parse(`${today}T00:00:00Z`) / 1000) + claimDays * 86_400;
  for (const email of emails) {
    if (!(await claims.claim(claimOf(email, today), { items: email.items.length, expiresAt }))) {
      run.alreadySent += email.items.length;
      continue;
    }
    const message = reminderMessage(email, link);
    try {
      await mailer.send([{ to: email.recipient.email, ...message }]);
      run.emails += 1;
      run.items += email.items.length;
    } catch (error) {
      run.failed += 1;
      logger.error('A reminder could not be sent; its claim is released for a rerun', { userId: email.recipient.userId, error: error instanceof Error ? error.name : 'unknown' });
      await claims.release(claimOf(email, today));
    }
  }
  return run;
};
