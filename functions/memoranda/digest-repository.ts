import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../data/client.js';
import { queryAllPages } from '../data/query.js';
import { transactWrite, type TxItem } from '../data/transact.js';
import { allDigests, auditDigest, auditDigestMark, digestMarksOf, memorandumDigest } from './entities.js';
import type { DigestHead } from './digest.js';
import type * as z from 'zod/mini';

export type DigestRecord = z.infer<typeof auditDigest.schema>;

const itemsPerTransaction = 99;

/** The records of the signed daily digests of audit chains (the files themselves are in the document store). */
export const digestRepository = (ctx: TableContext) => ({
  /** The latest day digested, if any. */
  async latest(): Promise<DigestRecord | undefined> {
    const { Items = [] } = await ctx.client.send(new QueryCommand({ TableName: ctx.table, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': allDigests }, ScanIndexForward: false, Limit: 1 }));
    const [item] = Items;
    return item ? auditDigest.read(item) : undefined;
  },

  async ofDay(day: string): Promise<DigestRecord | undefined> {
    const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: auditDigest.key(day), ConsistentRead: true }));
    return Item ? auditDigest.read(Item) : undefined;
  },

  /** The chain head of every memorandum whose chain moved that day, as it stood at the end of it. */
  async headsOfDay(day: string): Promise<DigestHead[]> {
    const marks = await queryAllPages(ctx, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': digestMarksOf(day) }, ConsistentRead: true });
    return marks.map(auditDigestMark.read);
  },

  /** Each memorandum's line first; the day's record last, as the mark that the day is done (written once). */
  async record(digest: DigestRecord, heads: DigestHead[]): Promise<void> {
    const entries: TxItem[] = heads.map((head) => ({
      item: { Put: { TableName: ctx.table, Item: memorandumDigest.item({ day: digest.day, seq: head.seq, hash: head.hash }, memorandumDigest.key(head.memorandumId, digest.day)) } },
    }));
    for (let at = 0; at < entries.length; at += itemsPerTransaction) await transactWrite(ctx, entries.slice(at, at + itemsPerTransaction));
    await transactWrite(ctx, [{ item: { Put: { TableName: ctx.table, Item: auditDigest.item(digest), ConditionExpression: 'attribute_not_exists(PK)' } } }]);
  },
});
