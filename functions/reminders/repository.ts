import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../data/client.js';
import { reminderClaim } from './entities.js';

export interface Claim {
  day: string;
  userId: string;
  item: string;
}

/**
 * The day's claims: a claim is a conditional Put, so a second run the same day
 * (or a concurrent one) sends nothing twice; a failed email releases its claim.
 */
export const claimRepository = (ctx: TableContext) => ({
  /** False when a run (this one's twin, or an earlier one today) already claimed it. */
  async claim(claim: Claim, details: { items: number; expiresAt: number }): Promise<boolean> {
    try {
      await ctx.client.send(new PutCommand({ TableName: ctx.table, Item: reminderClaim.item({ ...claim, ...details }), ConditionExpression: 'attribute_not_exists(PK)' }));
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  },

  async release(claim: Claim): Promise<void> {
    await ctx.client.send(new DeleteCommand({ TableName: ctx.table, Key: reminderClaim.key(claim.day, claim.userId, claim.item) }));
  },
});
