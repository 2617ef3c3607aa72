import * as z from 'zod/mini';
import { defineEntity } from '../data/entity.js';

const idempotencyKey = (scopedKeyHash: string) => ({ PK: `IDEM#${scopedKeyHash}`, SK: 'IDEM' });

/** The replay of a creating POST, under the hash of its caller and Idempotency-Key; expires by TTL. */
export const idempotencyRecord = defineEntity({
  tag: 'idempotency',
  version: 1,
  schema: z.object({
    requestHash: z.string(),
    response: z.object({ status: z.number(), body: z.unknown(), headers: z.record(z.string(), z.string()) }),
    expiresAt: z.number(),
  }),
  key: idempotencyKey,
});
