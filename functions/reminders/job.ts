import { dateIn } from '../core/calendar.js';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { logger } from '../core/logger.js';
import type { TableContext } from '../data/client.js';
import { keys } from '../data/keys.js';
import { queryAllPages } from '../data/query.js';
import { getItems } from '../data/batch.js';
import type { Mailer } from '../notifications/mailer.js';
import { fromObligationItem } from '../obligations/repository.js';
import type { User } from '../users/schema.js';
import { claimOf, reminderEmails, reminderMessage, remindersDue, type Person, type ReminderEmail } from './selection.js';

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

const organisationIds = async (ctx: TableContext): Promise<string[]> =>
  (await queryAllPages(ctx, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.organisationsByName.GSI1PK } })).map((item) => String(item.id));

/** The drafting organisation of each memorandum in force, by id. */
const memorandaInForce = async (ctx: TableContext, memorandumIds: string[]): Promise<Map<string, string>> => {
  const heads = await getItems(ctx, memorandumIds.map(keys.memorandumHead), { expression: 'id, #status, draftingOrgId', names: { '#status': 'status' } });
  return new Map(heads.filter((head) => head.status === 'active').map((head) => [String(head.id), String(head.draftingOrgId)]));
};

const peopleOf = async (ctx: TableContext, orgIds: string[]): Promise<Map<string, User[]>> => {
  const people = new Map<string, User[]>();
  for (const orgId of orgIds) {
    const items = await queryAllPages(ctx, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.usersOfOrganisation(orgId).GSI1PK } });
    people.set(orgId, (items as unknown as User[]).filter((user) => user.status === 'active'));
  }
  return people;
};

const asPerson = (user: User): Person => ({ userId: user.id, email: user.email });

/** Claims one email for today; false when a run (this one's twin, or an earlier one today) already did. */
const claimEmail = async (ctx: TableContext, email: ReminderEmail, today: string, expiresAt: number): Promise<boolean> => {
  const claim = claimOf(email, today);
  try {
    await ctx.client.send(new PutCommand({ TableName: ctx.table, Item: { ...keys.reminderClaim(claim.day, claim.userId, claim.item), entity: 'reminderClaim', items: email.items.length, expiresAt }, ConditionExpression: 'attribute_not_exists(PK)' }));
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
};

/** `today` is the run's day (Kyiv's); with `now`, each obligation is due by the date in its memorandum's time zone. */
export const sendReminders = async (ctx: TableContext, mailer: Mailer, today: string, link: string, now?: Date): Promise<ReminderRun> => {
  const obligations = [];
  for (const orgId of await organisationIds(ctx)) {
    const items = await queryAllPages(ctx, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.obligationsOfOrganisation(orgId).GSI1PK } });
    obligations.push(...items.map(fromObligationItem));
  }
  const inForce = await memorandaInForce(ctx, [...new Set(obligations.map((obligation) => obligation.memorandumId))]);
  const due = remindersDue(obligations, inForce, now ? (obligation) => dateIn(now, obligation.timeZone) : today);
  const people = await peopleOf(ctx, [...new Set(due.flatMap((item) => [item.ownerOrgId, item.draftingOrgId]))]);
  const emails = reminderEmails(
    due,
    (orgId) => (people.get(orgId) ?? []).filter((user) => user.role === 'council' || user.role === 'coordinator').map(asPerson),
    (orgId) => (people.get(orgId) ?? []).filter((user) => user.role === 'coordinator').map(asPerson),
  );
  const run: ReminderRun = { emails: 0, items: 0, alreadySent: 0, failed: 0 };
  const expiresAt = Math.floor(Date.parse(`${today}T00:00:00Z`) / 1000) + claimDays * 86_400;
  for (const email of emails) {
    if (!(await claimEmail(ctx, email, today, expiresAt))) {
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
      const claim = claimOf(email, today);
      await ctx.client.send(new DeleteCommand({ TableName: ctx.table, Key: keys.reminderClaim(claim.day, claim.userId, claim.item) }));
    }
  }
  return run;
};
