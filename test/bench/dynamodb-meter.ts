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
}

const readOperations = new Set(['GetItem', 'Query', 'BatchGetItem', 'Scan', 'TransactGetItems']);

/**
 * Asking for the capacity takes the proxy's slower path (it re-sends each request),
 * so the meter is on only while metering (`on`), never while calls are timed.
 */
export const meterFunctions = (stack: Pick<LocalStack, 'observeDynamoDb'>) => {
  let current: Metered = { requests: 0, readUnits: 0, writeUnits: 0, operations: [] };
  const observer = ({ operation, capacityUnits }: { operation: string; capacityUnits: number }) => {
    const units = capacityUnits * (operation.startsWith('Transact') ? 2 : 1);
    current.requests += 1;
    current.operations.push(operation);
    if (readOperations.has(operation)) current.readUnits += units;
    else current.writeUnits += units;
  };
  return {
    on: () => stack.observeDynamoDb(observer),
    off: () => stack.observeDynamoDb(undefined),
    reset: () => {
      current = { requests: 0, readUnits: 0, writeUnits: 0, operations: [] };
    },
    read: (): Metered => ({ ...current, operations: [...current.operations] }),
  };
};
