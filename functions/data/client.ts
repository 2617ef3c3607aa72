import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { optionalEnv, requireEnv } from '../core/config.js';
import { traced } from '../core/tracer.js';

export interface TableContext {
  table: string;
  client: DynamoDBDocumentClient;
}

export const createDocumentClient = (endpoint?: string): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(traced(new DynamoDBClient(endpoint ? { endpoint } : {})), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });

let shared: TableContext | undefined;

/** The container's table context: one client, created on first use, reused after. */
export const tableContext = (): TableContext => {
  shared ??= {
    table: requireEnv('TABLE_NAME', 'the DynamoDB table that holds all records'),
    client: createDocumentClient(optionalEnv('DYNAMODB_ENDPOINT')),
  };
  return shared;
};
