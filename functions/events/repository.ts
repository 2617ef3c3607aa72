import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../data/client.js';
import { eventsPartition, memorandumEvent } from './entities.js';
import { queryAllPages } from '../data/query.js';
import { transactWrite, versionedPut, type TxItem } from '../data/transact.js';
import type { MemorandumEvent } from './schema.js';

/** The parties' events of a memorandum, in the memorandum's events partition. */
export interface MemorandumEventRepository {
  get(memorandumId: string, eventId: string): Promise<MemorandumEvent | undefined>;
  /** Every event of the memorandum, by date and time (dates within `from`–`to` when given). */
  list(memorandumId: string, range?: { from?: string; to?: string }): Promise<MemorandumEvent[]>;
  /** The events of several memoranda at once (a programme's calendar shows its linked memoranda's). */
  listForMemoranda(memorandumIds: string[], range?: { from?: string; to?: string }): Promise<MemorandumEvent[]>;
  put(event: MemorandumEvent, expectedVersion: number, alongside?: TxItem[]): Promise<void>;
}

const toItem = memorandumEvent.item;
const fromItem = memorandumEvent.read;

const byDateAndTime = (a: Pick<MemorandumEvent, 'date' | 'startTime' | 'id'>, b: Pick<MemorandumEvent, 'date' | 'startTime' | 'id'>) =>
  a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? '') || a.id.localeCompare(b.id);

const within = (range: { from?: string; to?: string }) => (event: MemorandumEvent) => (!range.from || event.date >= range.from) && (!range.to || event.date <= range.to);

export const memorandumEventRepository = (ctx: TableContext): MemorandumEventRepository => {
  const list = async (memorandumId: string, range: { from?: string; to?: string } = {}) => {
    const items = await queryAllPages(ctx, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': eventsPartition(memorandumId) } });
    return items.map(fromItem).filter(within(range)).sort(byDateAndTime);
  };
  return {
    async get(memorandumId, eventId) {
      const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: memorandumEvent.key(memorandumId, eventId) }));
      return Item ? fromItem(Item) : undefined;
    },
    list,
    async listForMemoranda(memorandumIds, range = {}) {
      return (await Promise.all([...new Set(memorandumIds)].map((memorandumId) => list(memorandumId, range)))).flat().sort(byDateAndTime);
    },
    async put(event, expectedVersion, alongside = []) {
      await transactWrite(ctx, [versionedPut(ctx.table, toItem(event), expectedVersion, 'event'), ...alongside]);
    },
  };
};
