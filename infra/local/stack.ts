import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '../../functions/data/client.js';
import { startApiServer } from './api-server.js';
import { ensureTable, startDynamoDbLocal, type RunningService } from './dynamodb.js';
import { apiResource, startOidcProvider, webClientId } from './oidc.js';
import { startS3 } from './s3.js';
import { demoPassword, demoUsers, seedDemoData } from './seed.js';

/**
 * Everything Pakt needs on one machine, started in order and stopped in reverse:
 * DynamoDB Local, s3rver, the OpenID provider and the API. Used by `npm start`,
 * by the test harness and by the benchmarks. Any service given as an external
 * endpoint is used instead of being started.
 */
export interface LocalStackOptions {
  /** Where data lives between runs; undefined → in memory and a temporary folder. */
  dataDir?: string;
  ports: { dynamodb: number; s3: number; oidc: number; api: number };
  webOrigins: string[];
  tableName?: string;
  bucket?: string;
  seed?: boolean;
  external?: { dynamodbEndpoint?: string; s3Endpoint?: string; issuer?: string; audiences?: string[] };
  log?: (line: string) => void;
}

export interface LocalStack {
  dynamodbEndpoint: string;
  s3Endpoint: string;
  issuer: string;
  apiUrl: string;
  tableName: string;
  bucket: string;
  accountsFile: string;
  outboxDir: string;
  /** The local provider's private signing key (tests mint edge-case tokens with it). */
  signingKeyFile: string;
  /** What the web server's /api proxy sends as the edge secret, as CloudFront's origin does on AWS (functions/core/viewer.ts). */
  edgeSecret: string;
  /** The local key that signs the daily audit digests (KMS on AWS). */
  digestKeyFile: string;
  stop(): Promise<void>;
}

/**
 * Handlers read their environment per process, as a Lambda container does: one
 * stack per process. Kept on globalThis because test runners may load this
 * module more than once in a process.
 */
const runningKey = Symbol.for('pakt.localStack.running');
const registry = globalThis as { [runningKey]?: boolean };

export const startLocalStack = async (options: LocalStackOptions): Promise<LocalStack> => {
  if (registry[runningKey]) throw new Error('A local stack is already running in this process; its handlers would share clients with a second one. Start it in another process.');
  registry[runningKey] = true;
  const log = options.log ?? (() => undefined);
  const started: RunningService[] = [];
  const temporaryDir = options.dataDir ? undefined : await mkdtemp(join(tmpdir(), 'pakt-'));
  const dataDir = options.dataDir ?? temporaryDir ?? '';
  const stop = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    if (temporaryDir) await rm(temporaryDir, { recursive: true, force: true });
    registry[runningKey] = false;
  };
  // DynamoDB Local and s3rver accept any credentials; the SDK only needs some.
  process.env.AWS_REGION ??= 'eu-central-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  try {
    const tableName = options.tableName ?? 'pakt-local';
    const bucket = options.bucket ?? 'pakt-local-documents';
    const accountsFile = join(dataDir, 'accounts.json');
    const outboxDir = join(dataDir, 'outbox');
    const signingKeyFile = join(dataDir, 'oidc-signing-key.json');
    const digestKeyFile = join(dataDir, 'digest-signing-key.pem');

    let dynamodbEndpoint = options.external?.dynamodbEndpoint;
    if (!dynamodbEndpoint) {
      const dynamodb = await startDynamoDbLocal({ port: options.ports.dynamodb, ...(options.dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {}) });
      started.push(dynamodb);
      dynamodbEndpoint = dynamodb.url;
    }
    log(`DynamoDB   ${dynamodbEndpoint} (table ${tableName}: ${await ensureTable(dynamodbEndpoint, tableName)})`);

    let s3Endpoint = options.external?.s3Endpoint;
    if (!s3Endpoint) {
      const s3 = await startS3({ port: options.ports.s3, directory: join(dataDir, 's3'), bucket, allowedOrigins: options.webOrigins });
      started.push(s3);
      s3Endpoint = s3.url;
    }
    log(`S3         ${s3Endpoint} (bucket ${bucket})`);

    let issuer = options.external?.issuer;
    if (!issuer) {
      issuer = `http://127.0.0.1:${options.ports.oidc}`;
      const oidc = await startOidcProvider({
        port: options.ports.oidc,
        issuer,
        accountsFile,
        webOrigins: options.webOrigins,
        keyFile: signingKeyFile,
        ...(options.seed ? { demo: { password: demoPassword, emails: demoUsers.map((user) => user.email) } } : {}),
      });
      started.push(oidc);
    }
    log(`OpenID     ${issuer}`);

    const edgeSecret = randomBytes(24).toString('base64url');
    // The handlers read these once, as a Lambda reads its environment at cold start.
    Object.assign(process.env, {
      EDGE_SECRET: edgeSecret,
      DIGEST_SIGNING_KEY_FILE: digestKeyFile,
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamodbEndpoint,
      DOCUMENTS_BUCKET: bucket,
      S3_ENDPOINT: s3Endpoint,
      LOCAL_ACCOUNTS_FILE: accountsFile,
      OUTBOX_DIR: outboxDir,
      POWERTOOLS_SERVICE_NAME: 'pakt',
      WEB_URL: options.webOrigins[0] ?? '',
    });

    if (options.seed) {
      const { created } = await seedDemoData({ table: tableName, client: createDocumentClient(dynamodbEndpoint) }, accountsFile);
      log(`Demo data  ${created === 0 ? 'already present' : `${created} records added`}`);
    }

    const api = await startApiServer({
      port: options.ports.api,
      authorizer: { issuer, audiences: options.external?.audiences ?? [webClientId, apiResource] },
    });
    started.push(api);
    log(`API        ${api.url}/api`);

    return { dynamodbEndpoint, s3Endpoint, issuer, apiUrl: api.url, tableName, bucket, accountsFile, outboxDir, signingKeyFile, edgeSecret, digestKeyFile, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
