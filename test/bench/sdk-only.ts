import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

// The baseline bundle: just the DynamoDB document client every module needs.
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (): Promise<unknown> => client.send(new GetCommand({ TableName: 'x', Key: { PK: 'x', SK: 'x' } }));
