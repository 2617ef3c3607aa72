import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../data/client.js';
import { keys } from '../data/keys.js';
import { queryAllPages } from '../data/query.js';
import { transactWrite, type TxItem } from '../data/transact.js';
import type { DocumentStore } from '../files/document-store.js';
import { sha256Hex } from '../files/document-store.js';
import { digestBytes, digestKeys, type DigestPayload } from '../memoranda/digest.js';
import type { DigestSigner } from '../memoranda/digest-signer.js';
import { addDays } from '../core/calendar.js';

/**
 * The daily job's digest of audit chains (see memoranda/digest.ts): for each finished day
 * since the last digest (at most a month a run), one signed file listing the chain head of
 * every memorandum whose chain moved that day, chained to the digest before it. A day is
 * written once: running the job twice writes nothing twice.
 */
const maxCatchUpDays = 31;
const itemsPerTransaction = 99;


const latestDigest = async (ctx: TableContext): Promise<{ day: string; sha256: string } | undefined> => {
  const { Items = [] } = await ctx.client.send(new QueryCommand({ TableName: ctx.table, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.auditDigests }, ScanIndexForward: false, Limit: 1 }));
  const [item] = Items;
  return item ? { day: String(item.day), sha256: String(item.sha256) } : undefined;
};

/** The finished days not yet digested, oldest first: from the day after the latest digest (or yesterday) to yesterday. */
export const daysToDigest = (latest: string | undefined, today: string): string[] => {
  const yesterday = addDays(today, -1);
  const days: string[] = [];
  for (let day = latest ? addDays(latest, 1) : yesterday; day <= yesterday && days.length < maxCatchUpDays; day = addDays(day, 1)) days.push(day);
  return days;
};

export const writeDigest = async (ctx: TableContext, store: DocumentStore, signer: DigestSigner, day: string, createdAt: string): Promise<{ day: string; memoranda: number; written: boolean }> => {
  const { Item: done } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: keys.auditDigest(day), ConsistentRead: true }));
  if (done) return { day, memoranda: Number(done.count ?? 0), written: false };
  const marks = await queryAllPages(ctx, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.auditDigestMarks(day) }, ConsistentRead: true });
  const previous = await latestDigest(ctx);
  const payload: DigestPayload = {
    kind: 'pakt-audit-digest', version: 1, day, createdAt,
    previous: previous && previous.day < day ? previous : null,
    heads: marks.map((mark) => ({ memorandumId: String(mark.memorandumId), seq: Number(mark.seq), hash: String(mark.hash) })),
  };
  const bytes = digestBytes(payload);
  const signature = await signer.sign(bytes);
  const files = digestKeys(day);
  await store.put(files.payload, bytes, 'application/json');
  await store.put(files.signature, signature, 'application/octet-stream');
  // Each memorandum's line first; the day's record last, as the mark that the day is done.
  const entries: TxItem[] = payload.heads.map((head) => ({ item: { Put: { TableName: ctx.table, Item: { ...keys.memorandumDigest(head.memorandumId, day), entity: 'memorandumDigest', day, seq: head.seq, hash: head.hash } } } }));
  for (let at = 0; at < entries.length; at += itemsPerTransaction) await transactWrite(ctx, entries.slice(at, at + itemsPerTransaction));
  await transactWrite(ctx, [{
    item: { Put: { TableName: ctx.table, Item: { ...keys.auditDigest(day), entity: 'auditDigest', day, sha256: sha256Hex(bytes), key: files.payload, keyId: signer.keyId, count: payload.heads.length, createdAt }, ConditionExpression: 'attribute_not_exists(PK)' } },
  }]);
  return { day, memoranda: payload.heads.length, written: true };
};

/** Every finished day not yet digested, in order (so each names the one before it). */
export const writeDueDigests = async (ctx: TableContext, store: DocumentStore, signer: DigestSigner, today: string, createdAt: string) => {
  const results = [];
  for (const day of daysToDigest((await latestDigest(ctx))?.day, today)) results.push(await writeDigest(ctx, store, signer, day, createdAt));
  return results;
};
