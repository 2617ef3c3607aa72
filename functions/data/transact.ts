import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { changedOrGone } from '../core/versions.js';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { AppError } from '../core/errors.js';
import type { TableContext } from './client.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * One item of an atomic write, with what a failed condition on it means in
 * domain terms (the stored item, when DynamoDB returns it, is passed along).
 */
export interface TxItem {
  item: TransactItem;
  onConditionFailed?: (stored: Record<string, unknown> | undefined) => Error;
}

/**
 * Writes all items or none, in one TransactWriteItems request, and turns a
 * cancelled transaction into the error of the first item whose condition failed.
 */
export const transactWrite = async ({ client }: TableContext, items: TxItem[]): Promise<void> => {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: items.map(({ item }) => item) }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failedAt = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
    if (failedAt >= 0) {
      const stored = reasons[failedAt]?.Item;
      const explain = items[failedAt]?.onConditionFailed;
      throw explain ? explain(stored ? unmarshall(stored) : undefined) : new AppError('conflict', 'The record changed while saving. Reload and try again.');
    }
    if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
      throw new AppError('conflict', 'Another change to the same record is in progress. Try again.');
    }
    throw error;
  }
};

/**
 * A Put of a versioned record at the version the caller read (0: it must not exist yet):
 * someone else's change in between is a stale version, a record deleted meanwhile is gone.
 */
export const versionedPut = (table: string, item: Record<string, unknown>, expectedVersion: number, what: string): TxItem => ({
  item: {
    Put: {
      TableName: table, Item: item,
      ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
      ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  },
  onConditionFailed: (stored) => (!stored && expectedVersion === 0 ? new AppError('conflict', `The ${what} was just created by someone else. Reload it.`) : changedOrGone(stored, what)),
});
