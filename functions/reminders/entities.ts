import * as z from 'zod/mini';
import { defineEntity } from '../data/entity.js';

const claimKey = (day: string, userId: string, item: string) => ({ PK: `REMIND#${day}#${userId}`, SK: item });

/** A reminder sent (or being sent) to one person about one kind of item on one day: the daily job's de-duplication. Expires by TTL. */
export const reminderClaim = defineEntity({
  tag: 'reminderClaim',
  version: 1,
  schema: z.object({ day: z.string(), userId: z.string(), item: z.string(), items: z.number(), expiresAt: z.number() }),
  key: claimKey,
  keyOf: (claim) => claimKey(claim.day, claim.userId, claim.item),
});
