import { BatchGetItemCommand, GetItemCommand, QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDbRequestSeen } from '../../infra/local/iam.js';
import type { LocalStack } from '../../infra/local/stack.js';

/**
 * Counts the DynamoDB requests the functions make and their consumed capacity,
 * as the local IAM sees them on their way to DynamoDB Local (infra/local/iam.ts).
 * DynamoDB Local reports transactional capacity without the 2× that DynamoDB
 * charges, so transactions are doubled here.
 */
export interface Metered {
  requests: number;
  readUnits: number;
  writeUnits: number;
  operations: string[];
  /** The read requests made, as sent: replayed by `replayReads`. */
  reads: { operation: string; input: Record<string, unknown> }[];
}

const readOperations = new Set(['GetItem', 'Query', 'BatchGetItem', 'Scan', 'TransactGetItems']);

/**
 * Asking for the capacity takes the proxy's slower path (it re-sends each request),
 * so the meter is on only while metering (`on`), never while calls are timed.
 */
export const meterFunctions = (stack: Pick<LocalStack, 'observeDynamoDb'>) => {
  const empty = (): Metered => ({ requests: 0, readUnits: 0, writeUnits: 0, operations: [], reads: [] });
  let current = empty();
  const observer = ({ operation, capacityUnits, input }: DynamoDbRequestSeen) => {
    const units = capacityUnits * (operation.startsWith('Transact') ? 2 : 1);
    current.requests += 1;
    current.operations.push(operation);
    if (readOperations.has(operation)) {
      current.readUnits += units;
      current.reads.push({ operation, input });
    } else current.writeUnits += units;
  };
  return {
    on: () => stack.observeDynamoDb(observer),
    off: () => stack.observeDynamoDb(undefined),
    reset: () => {
      current = empty();
    },
    read: (): Metered => ({ ...current, operations: [...current.operations], reads: [...current.reads] }),
  };
};

const replayable = {
  GetItem: (input: Record<string, unknown>) => new GetItemCommand(input as never),
  Query: (input: Record<string, unknown>) => new QueryCommand(input as never),
  BatchGetItem: (input: Record<string, unknown>) => new BatchGetItemCommand(input as never),
} as const;

/**
 * A route's read requests sent again, straight to DynamoDB (as the administrator,
 * past the local IAM's checks), one after another: the floor its data access sets.
 * Routes that write are not replayed (undefined).
 */
export const replayReads = (client: DynamoDBClient, metered: Metered): (() => Promise<void>) | undefined => {
  if (metered.writeUnits > 0 || metered.reads.length === 0) return undefined;
  const commands = metered.reads.map(({ operation, input }) => {
    const make = replayable[operation as keyof typeof replayable];
    if (!make) throw new Error(`Cannot replay ${operation}`);
    const { ReturnConsumedCapacity: _capacity, ...request } = input;
    return () => make(request);
  });
  return async () => {
    for (const command of commands) await client.send(command() as never);
  };
};
