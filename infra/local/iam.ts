import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mayTouchDocument, mayTouchTable, type FunctionAccess } from '../../functions/core/access.js';
import type { RunningService } from './dynamodb.js';

/**
 * IAM on one machine. Each local function signs its requests with its own access
 * key (infra/local/containers.ts); these proxies stand in front of DynamoDB Local
 * and s3rver, and refuse what that function's access declaration does not grant,
 * with the error AWS answers (AccessDeniedException, AccessDenied), so a handler
 * reaching for what its module did not declare fails here as it would on AWS.
 * Requests signed with the administrator's key (the seed, tests, tools) pass.
 */
export interface Principal {
  /** The function it stands for, named in refusals. */
  name: string;
  access: FunctionAccess | 'administrator';
}

export type Principals = ReadonlyMap<string, Principal>;

interface ProxyOptions {
  /** Where to listen; 0 → any free port. */
  port: number;
  target: string;
  principals: Principals;
  log?: (line: string) => void;
}

/** The access key of a SigV4 request: from its Authorization header or, presigned, its query. */
export const accessKeyOf = (authorization: string | undefined, query: URLSearchParams): string | undefined =>
  /Credential=([^/,\s]+)\//.exec(authorization ?? '')?.[1] ?? query.get('X-Amz-Credential')?.split('/')[0];

export const readAll = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const relay = (req: IncomingMessage, res: ServerResponse, target: string, body?: Buffer) => {
  const upstream = forward(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  if (body === undefined) req.pipe(upstream);
  else upstream.end(body);
};

export const listen = async (handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, port: number): Promise<RunningService> => {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
};

/** One DynamoDB request a function made, with the capacity it consumed (DynamoDB Local reports it unweighted for transactions). */
export interface DynamoDbRequestSeen {
  principal: string;
  operation: string;
  capacityUnits: number;
  /** The request as sent (DynamoDB JSON): the benchmark replays reads to measure the data access alone. */
  input: Record<string, unknown>;
}
export type DynamoDbObserver = (seen: DynamoDbRequestSeen) => void;

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const consumedUnits = (body: string): number => {
  try {
    const { ConsumedCapacity } = JSON.parse(body) as { ConsumedCapacity?: Capacity | Capacity[] };
    return [ConsumedCapacity ?? []].flat().reduce((sum, capacity) => sum + (capacity.CapacityUnits ?? (capacity.ReadCapacityUnits ?? 0) + (capacity.WriteCapacityUnits ?? 0)), 0);
  } catch {
    return 0;
  }
};

type DynamoDbRequest = Record<string, unknown> & { TableName?: string; RequestItems?: Record<string, unknown>; TransactItems?: Record<string, { TableName?: string }>[] };

const transactActions: Record<string, string> = { ConditionCheck: 'ConditionCheckItem', Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', Get: 'GetItem' };

/** The (action, table) pairs a DynamoDB request needs, as IAM evaluates them (a transaction needs each item's own action). */
export const dynamoDbActionsOf = (operation: string, input: DynamoDbRequest): { action: string; table: string }[] => {
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems') {
    return (input.TransactItems ?? []).flatMap((item) =>
      Object.entries(item).map(([kind, part]) => ({ action: `dynamodb:${transactActions[kind] ?? kind}`, table: part.TableName ?? '' })),
    );
  }
  if (input.RequestItems) return Object.keys(input.RequestItems).map((table) => ({ action: `dynamodb:${operation}`, table }));
  return [{ action: `dynamodb:${operation}`, table: input.TableName ?? '' }];
};

/**
 * In front of DynamoDB Local: the function's table actions on the one table,
 * nothing else. An observer (the benchmark's meter) sees each request a function
 * made and its consumed capacity, which is then asked for on its behalf.
 */
export const startDynamoDbIam = ({ port, target, principals, tableName, log, observer }: ProxyOptions & { tableName: string; observer?: () => DynamoDbObserver | undefined }): Promise<RunningService> =>
  listen(async (req, res) => {
    const body = await readAll(req);
    const principal = principals.get(accessKeyOf(req.headers.authorization, new URLSearchParams()) ?? '');
    if (principal?.access === 'administrator') return relay(req, res, target, body);
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    let input: DynamoDbRequest = {};
    try {
      input = JSON.parse(body.toString('utf8') || '{}') as DynamoDbRequest;
    } catch {
      // DynamoDB Local answers malformed bodies itself.
    }
    const refused = dynamoDbActionsOf(operation, input).find(({ action, table }) => !principal || table !== tableName || !mayTouchTable(principal.access as FunctionAccess, action));
    if (refused) {
      const message = `User: arn:aws:sts::000000000000:assumed-role/${principal?.name ?? 'unknown'} is not authorized to perform: ${refused.action} on resource: arn:aws:dynamodb:local:000000000000:table/${refused.table} because no identity-based policy allows the ${refused.action} action`;
      log?.(`IAM refused ${principal?.name ?? 'an unknown key'}: ${refused.action} on ${refused.table}`);
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': 'AccessDeniedException' });
      res.end(JSON.stringify({ __type: 'com.amazon.coral.service#AccessDeniedException', message }));
      return;
    }
    // Requests pass as they are unless someone observes: asking for the capacity takes a slower path.
    const observe = observer?.();
    if (!observe || !principal) return relay(req, res, target, body);
    // DynamoDB Local verifies no signature, so the request may be amended to report its capacity.
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([name, value]) => (['host', 'content-length', 'connection'].includes(name) || value === undefined ? [] : [[name, String(value)]])));
    const upstream = await fetch(new URL(req.url ?? '/', target), { method: 'POST', headers, body: JSON.stringify({ ...input, ReturnConsumedCapacity: 'TOTAL' }) });
    const answer = await upstream.text();
    observe({ principal: principal.name, operation, capacityUnits: upstream.ok ? consumedUnits(answer) : 0, input });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/x-amz-json-1.0', ...(upstream.headers.get('x-amzn-errortype') ? { 'x-amzn-errortype': upstream.headers.get('x-amzn-errortype') ?? '' } : {}) });
    res.end(answer);
  }, port);

const s3Denial = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>local</RequestId></Error>';

/** A form upload's fields come before its file (S3 requires it); only those are read. */
const formField = (body: Buffer, name: string): string | undefined => {
  const text = body.subarray(0, 64 * 1024).toString('latin1');
  return new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)\\r\\n`, 'i').exec(text)?.[1];
};

const s3ActionOf = (method: string): string | undefined =>
  ({ GET: 's3:GetObject', HEAD: 's3:GetObject', PUT: 's3:PutObject', POST: 's3:PutObject', DELETE: 's3:DeleteObject' })[method];

/**
 * In front of s3rver (path-style): object actions under the function's key
 * prefixes in the one bucket. Presigned links and upload forms act as the
 * function that signed them, as on AWS. CORS preflights carry no identity and pass.
 */
export const startS3Iam = ({ port, target, principals, bucket, log }: ProxyOptions & { bucket: string }): Promise<RunningService> =>
  listen(async (req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'OPTIONS') return relay(req, res, target);
    const url = new URL(req.url ?? '/', 'http://s3.local');
    const [requestedBucket = '', ...rest] = url.pathname.slice(1).split('/');
    const isForm = method === 'POST' && url.search === '' && rest.join('') === '';
    const body = isForm ? await readAll(req) : undefined;
    const accessKey = body ? formField(body, 'X-Amz-Credential')?.split('/')[0] : accessKeyOf(req.headers.authorization, url.searchParams);
    const principal = principals.get(accessKey ?? '');
    if (principal?.access !== 'administrator') {
      const key = body ? (formField(body, 'key') ?? '') : decodeURIComponent(rest.join('/'));
      // Anything but one object (listing, multi-delete, bucket settings) is outside every declaration.
      const action = key === '' || url.searchParams.has('delete') ? undefined : s3ActionOf(method);
      // Writing under Object Lock retention needs its own permission, as on S3.
      const actions = action && req.headers['x-amz-object-lock-mode'] ? [action, 's3:PutObjectRetention'] : action ? [action] : [];
      if (!principal || requestedBucket !== bucket || actions.length === 0 || !actions.every((needed) => mayTouchDocument(principal.access as FunctionAccess, needed, key))) {
        log?.(`IAM refused ${principal?.name ?? 'an unknown key'}: ${action ?? method} on ${requestedBucket}/${key}`);
        res.writeHead(403, { 'content-type': 'application/xml', ...(req.headers.origin ? { 'access-control-allow-origin': req.headers.origin } : {}) });
        res.end(method === 'HEAD' ? undefined : s3Denial);
        return;
      }
    }
    relay(req, res, target, body);
  }, port);
