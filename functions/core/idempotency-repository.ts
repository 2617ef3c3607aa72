import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../data/client.js';
import type { TxItem } from '../data/transact.js';
import { idempotencyRecord } from './entities.js';
import type * as z from 'zod/mini';

export type IdempotencyRecord = z.infer<typeof idempotencyRecord.schema>;

/** Where a caller's Idempotency-Key keeps its replay (`scopedKeyHash` covers the caller and the key). */
export const idempotencyRepository = (ctx: TableContext, scopedKeyHash: string) => {
  const key = idempotencyRecord.key(scopedKeyHash);
  return {
    /** The Put that stores the replay, unless a live one exists (then `onConditionFailed` gets it). */
    put: (record: IdempotencyRecord, nowSeconds: number, onConditionFailed: (stored: IdempotencyRecord | undefined) => Error): TxItem => ({
      item: {
        Put: {
          TableName: ctx.table,
          Item: idempotencyRecord.item(record, key),
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': nowSeconds },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      onConditionFailed: (stored) => onConditionFailed(stored ? idempotencyRecord.read(stored) : undefined),
    }),

    async get(): Promise<IdempotencyRecord | undefined> {
      const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: key, ConsistentRead: true }));
      return Item ? idempotencyRecord.read(Item) : undefined;
    },
  };
};

