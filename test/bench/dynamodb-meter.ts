import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Counts DynamoDB requests and their consumed capacity, from an SDK middleware
 * on the client the handlers use. DynamoDB Local reports transactional capacity
 * without the 2× that DynamoDB charges, so transactions are doubled here.
 */
export interface Metered {
  requests: number;
  readUnits: number;
  writeUnits: number;
  operations: string[];
}

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const readOperations = new Set(['GetCommand', 'QueryCommand', 'BatchGetCommand', 'GetItemCommand', 'QueryItemCommand', 'BatchGetItemCommand', 'ScanCommand']);

export const attachMeter = (client: DynamoDBDocumentClient) => {
  let current: Metered = { requests: 0, readUnits: 0, writeUnits: 0, operations: [] };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const command = String(context.commandName ?? 'unknown');
      const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
      const capacities = [output.ConsumedCapacity ?? []].flat();
      const units = capacities.reduce((sum, capacity) => sum + (capacity.CapacityUnits ?? (capacity.ReadCapacityUnits ?? 0) + (capacity.WriteCapacityUnits ?? 0)), 0);
      const factor = command.startsWith('Transact') ? 2 : 1;
      current.requests += 1;
      current.operations.push(command.replace(/Command$/, ''));
      if (readOperations.has(command)) current.readUnits += units * factor;
      else current.writeUnits += units * factor;
      return result;
    },
    { step: 'initialize', name: 'paktMeter' },
  );
  return {
    reset: () => {
      current = { requests: 0, readUnits: 0, writeUnits: 0, operations: [] };
    },
    read: (): Metered => ({ ...current, operations: [...current.operations] }),
  };
};
