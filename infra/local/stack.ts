import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '../../functions/data/client.js';
import { ensureLocalDigestKey } from '../../functions/memoranda/digest-signer.js';
import { moduleNames } from '../../functions/routes.js';
import { startApiServer } from './api-server.js';
import { dailyJobFunction, functionDefinitions, localCredentials, moduleFunction, principalOf, rendererFunction, startContainer, type Container, type LocalResources } from './containers.js';
import { startRenderQueue } from './render-queue.js';
import { ensureTable, startDynamoDbLocal, type RunningService } from './dynamodb.js';
import { startDynamoDbIam, startS3Iam, type DynamoDbObserver, type Principals } from './iam.js';
import { apiResource, startOidcProvider, webClientId } from './oidc.js';
import { freePort } from './ports.js';
import { startS3 } from './s3.js';
import { demoPassword, demoUsers, seedDemoData } from './seed.js';

/**
 * Everything Pakt needs on one machine, started in order and stopped in reverse:
 * DynamoDB Local and s3rver behind the local IAM, the OpenID provider, a container
 * per function (each with its Lambda's environment and grants) and the API. Used by `npm start`,
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
  /** The render jobs that failed every attempt: a dead-letter queue the administrator's key receives from, as on AWS. */
  renderDeadLetterUrl: string;
  /** The render queue, as the functions granted it send to it. */
  renderQueueUrl: string;
  /** The daily job's function, as EventBridge Scheduler invokes it on AWS. */
  dailyJob: Pick<Container, 'invoke'>;
  /** Sees every DynamoDB request the functions make (the benchmark meters them). */
  observeDynamoDb(observer: DynamoDbObserver | undefined): void;
  stop(): Promise<void>;
}


export const startLocalStack = async (options: LocalStackOptions): Promise<LocalStack> => {
  const log = options.log ?? (() => undefined);
  const started: Pick<RunningService, 'stop'>[] = [];
  const temporaryDir = options.dataDir ? undefined : await mkdtemp(join(tmpdir(), 'pakt-'));
  const dataDir = options.dataDir ?? temporaryDir ?? '';
  const stop = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    if (temporaryDir) await rm(temporaryDir, { recursive: true, force: true });
  };
  // This process (the seed, tests, tools) acts as the administrator; DynamoDB Local and s3rver need some credentials.
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
    const administrator = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };
    const principals: Principals = new Map([[administrator.accessKeyId, { name: 'administrator', access: 'administrator' } as const], ...functionDefinitions.map(principalOf)]);

    // DynamoDB and S3 are reached only through the local IAM (iam.ts), on the ports clients are given.
    let dynamodbTarget = options.external?.dynamodbEndpoint;
    if (!dynamodbTarget) {
      const dynamodb = await startDynamoDbLocal({ port: await freePort(), ...(options.dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {}) });
      started.push(dynamodb);
      dynamodbTarget = dynamodb.url;
    }
    let observer: DynamoDbObserver | undefined;
    const dynamodbIam = await startDynamoDbIam({ port: options.external?.dynamodbEndpoint ? 0 : options.ports.dynamodb, target: dynamodbTarget, principals, tableName, log, observer: () => observer });
    started.push(dynamodbIam);
    const dynamodbEndpoint = dynamodbIam.url;
    log(`DynamoDB   ${dynamodbEndpoint} (table ${tableName}: ${await ensureTable(dynamodbEndpoint, tableName)})`);

    let s3Target = options.external?.s3Endpoint;
    if (!s3Target) {
      const keys = [administrator, ...functionDefinitions.map((definition) => localCredentials(definition.name))];
      const s3 = await startS3({ port: await freePort(), directory: join(dataDir, 's3'), bucket, allowedOrigins: options.webOrigins, keys });
      started.push(s3);
      s3Target = s3.url;
    }
    const s3Iam = await startS3Iam({ port: options.external?.s3Endpoint ? 0 : options.ports.s3, target: s3Target, principals, bucket, log });
    started.push(s3Iam);
    const s3Endpoint = s3Iam.url;
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

    if (options.seed) {
      const { created } = await seedDemoData({ table: tableName, client: createDocumentClient(dynamodbEndpoint) }, accountsFile);
      log(`Demo data  ${created === 0 ? 'already present' : `${created} records added`}`);
    }

    const renderQueue = await startRenderQueue({ port: 0, principals, log });
    const edgeSecret = randomBytes(24).toString('base64url');
    const local: LocalResources = {
      webUrl: options.webOrigins[0] ?? '', tableName, dynamodbEndpoint, bucket, s3Endpoint, accountsFile, outboxDir,
      digestKeyFile, digestPublicKeyFile: ensureLocalDigestKey(digestKeyFile), renderQueueUrl: renderQueue.url,
    };
    const [renderer, ...containers] = await Promise.all([
      startContainer(rendererFunction, local, log),
      startContainer(dailyJobFunction, local, log),
      ...moduleNames.map((module) => startContainer(moduleFunction(module), { ...local, edgeSecret }, log)),
    ]);
    if (!renderer) throw new Error('The renderer did not start.');
    // Renders take seconds, not the API's 30: the renderer's own timeout (infra/stacks/api-stack.ts).
    renderQueue.deliverTo((event) => renderer.invoke(event, 120_000));
    // The queue stops first (it delivers no more), then the containers.
    started.push(renderer, ...containers, renderQueue);
    const [dailyJob] = containers;
    if (!dailyJob) throw new Error('The daily job did not start.');
    const functions = new Map(moduleNames.map((module, index) => [module, containers[index + 1] as Container] as const));
    log(`Functions  ${containers.length} containers, each with its Lambda's environment and grants`);

    const api = await startApiServer({
      port: options.ports.api,
      authorizer: { issuer, audiences: options.external?.audiences ?? [webClientId, apiResource] },
      functions,
    });
    started.push(api);
    log(`API        ${api.url}/api`);

    return {
      dynamodbEndpoint, s3Endpoint, issuer, apiUrl: api.url, tableName, bucket, accountsFile, outboxDir, signingKeyFile, edgeSecret, digestKeyFile, dailyJob,
      renderDeadLetterUrl: renderQueue.deadLetterUrl, renderQueueUrl: renderQueue.url,
      observeDynamoDb: (next) => void (observer = next),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
