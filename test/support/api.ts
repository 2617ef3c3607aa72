import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { createS3Client } from '../../functions/files/document-store.js';
import { createDocumentClient } from '../../functions/data/client.js';
import { edgeHeaders } from '../../functions/core/viewer.js';
import { demoUsers, type DemoUser } from '../../infra/local/seed.js';

/** Small helpers for talking to the local API as a given demo user. */
export const stack = () => inject('stack');

export const demoUser = (role: DemoUser['role']): DemoUser => {
  const user = demoUsers.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`No demo ${role}`);
  return user;
};

/** What the web distribution's origin adds to every request: the API answers nothing else (functions/core/viewer.ts). */
export const throughEdge = () => ({ [edgeHeaders.secret]: stack().edgeSecret });

export const tokenOf = (user: DemoUser | string): string => {
  const email = typeof user === 'string' ? user : user.email;
  const tokens = stack().tokens[email];
  if (!tokens) throw new Error(`No token for ${email}`);
  return tokens.accessToken;
};

export interface CallOptions {
  as?: DemoUser | string | null;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface CallResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export const call = async <T = Record<string, unknown>>(method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> => {
  const token = options.token ?? (options.as ? tokenOf(options.as) : undefined);
  const response = await fetch(`${stack().apiUrl}${path}`, {
    method,
    headers: {
      ...throughEdge(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.body !== undefined || options.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    ...(options.rawBody !== undefined ? { body: options.rawBody } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: body as T };
};

let client: ReturnType<typeof createDocumentClient> | undefined;

/** Direct access to the DynamoDB Local table, for assertions only. */
export const table = () => {
  process.env.AWS_REGION ??= 'eu-central-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  client ??= createDocumentClient(stack().dynamodbEndpoint);
  return { client, table: stack().tableName };
};

export const uniqueKey = (): string => `test-${crypto.randomUUID()}`;

/** Whether the documents bucket holds an object under `key`. */
export const objectExists = async (key: string) => {
  try {
    await createS3Client(stack().s3Endpoint).send(new HeadObjectCommand({ Bucket: stack().bucket, Key: key }));
    return true;
  } catch {
    return false;
  }
};

/** Files come back as text with their own type: fetched raw (keeping the BOM, which `text()` would drop), not as JSON. */
export const download = async (path: string, as: ReturnType<typeof demoUser> | null) => {
  const response = await fetch(`${stack().apiUrl}${path}`, { headers: { ...throughEdge(), ...(as ? { authorization: `Bearer ${tokenOf(as)}` } : {}) } });
  return { status: response.status, type: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '', text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()) };
};
