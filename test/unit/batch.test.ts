import type { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { TableContext } from '../../functions/data/client.js';
import { getItems } from '../../functions/data/batch.js';

/** A client that answers BatchGets from a map, leaving the first `throttled` keys of the first request unprocessed (the fault DynamoDB injects under load). */
const fakeTable = (stored: Map<string, Record<string, unknown>>, throttled = 0) => {
  const requests: number[] = [];
  const client = {
    send: async (command: BatchGetCommand) => {
      const asked = command.input.RequestItems?.pakt?.Keys ?? [];
      requests.push(asked.length);
      const left = requests.length === 1 ? asked.slice(0, throttled) : [];
      const served = asked.slice(left.length).flatMap((key) => stored.get(`${key.PK}|${key.SK}`) ?? []);
      return { Responses: { pakt: served }, UnprocessedKeys: left.length > 0 ? { pakt: { Keys: left } } : {} };
    },
  };
  return { ctx: { client, table: 'pakt' } as unknown as TableContext, requests };
};
const key = (index: number) => ({ PK: `ORG#${index}`, SK: 'ORG' });
const stored = new Map(Array.from({ length: 250 }, (_, index) => [`ORG#${index}|ORG`, { ...key(index), id: index }]));

describe('reading items by key', () => {
  it('asks 100 keys at a time, each key once, and leaves missing items out', async () => {
    const { ctx, requests } = fakeTable(stored);
    const items = await getItems(ctx, [...Array.from({ length: 250 }, (_, index) => key(index)), key(0), key(999)]);
    expect(requests).toEqual([100, 100, 51]);
    expect(items.map((item) => item.id).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 250 }, (_, index) => index));
  });

  it('asks again for keys DynamoDB left unprocessed', async () => {
    const { ctx, requests } = fakeTable(stored, 3);
    const items = await getItems(ctx, [key(1), key(2), key(3), key(4)]);
    expect(requests).toEqual([4, 3]);
    expect(items).toHaveLength(4);
  });

  it('sends nothing for no keys', async () => {
    const { ctx, requests } = fakeTable(stored);
    expect(await getItems(ctx, [])).toEqual([]);
    expect(requests).toEqual([]);
  });
});
