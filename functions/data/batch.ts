import { BatchGetCommand, type BatchGetCommandInput, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from './client.js';
import type { ItemKey } from './entity.js';

/** BatchGetItem takes at most 100 keys a request. */
const keysPerRequest = 100;

/**
 * The items stored under `itemKeys` (duplicates read once; missing items are
 * simply absent), 100 keys a BatchGet, with the keys DynamoDB left unprocessed
 * asked for again. `projection`: only these attributes.
 */
export const getItems = async ({ client, table }: TableContext, itemKeys: ItemKey[], projection?: { expression: string; names?: Record<string, string> }): Promise<Record<string, unknown>[]> => {
  const unique = [...new Map(itemKeys.map((key) => [`${key.PK}|${key.SK}`, key])).values()];
  const items: Record<string, unknown>[] = [];
  for (let at = 0; at < unique.length; at += keysPerRequest) {
    let request: BatchGetCommandInput['RequestItems'] = {
      [table]: { Keys: unique.slice(at, at + keysPerRequest), ...(projection ? { ProjectionExpression: projection.expression, ...(projection.names ? { ExpressionAttributeNames: projection.names } : {}) } : {}) },
    };
    while (request && Object.keys(request).length > 0) {
      const result: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: request }));
      items.push(...(result.Responses?.[table] ?? []));
      request = result.UnprocessedKeys;
    }
  }
  return items;
};
