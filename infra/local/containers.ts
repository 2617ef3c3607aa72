import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { environmentFor, type FunctionAccess } from '../../functions/core/access.js';
import { dailyJobAccess, moduleAccess, moduleNames, rendererAccess, type ModuleName } from '../../functions/routes.js';
import type { Principal } from './iam.js';

/**
 * Each function of the deployment runs here in a container of its own: a worker
 * thread whose environment is the one CDK gives its Lambda (functions/core/access.ts),
 * with the local stand-in beside each AWS resource it was granted, and an access
 * key of its own that the local IAM proxies (iam.ts) hold to its declaration.
 * Module state (clients, caches) lives per container, as in a Lambda container.
 */

/** Where the local resources are (the stand-ins for what CDK names). */
export interface LocalResources {
  webUrl: string;
  tableName: string;
  dynamodbEndpoint: string;
  bucket: string;
  s3Endpoint: string;
  accountsFile: string;
  outboxDir: string;
  /** The digest key's private half (it signs), and its public half (it verifies): KMS Sign / GetPublicKey on AWS. */
  digestKeyFile: string;
  digestPublicKeyFile: string;
  edgeSecret?: string;
  /** The local render queue's URL (the SDK sends to it, as to an SQS queue URL). */
  renderQueueUrl?: string;
}

/** What stands in on one machine for each AWS variable a grant adds (removed ones have no meaning here). */
const standIns = (access: FunctionAccess, local: LocalResources): Record<string, Record<string, string>> => ({
  TABLE_NAME: { DYNAMODB_ENDPOINT: local.dynamodbEndpoint },
  DOCUMENTS_BUCKET: { S3_ENDPOINT: local.s3Endpoint },
  DIGEST_KMS_KEY_ID: access.digestKey === 'sign' ? { DIGEST_SIGNING_KEY_FILE: local.digestKeyFile } : { DIGEST_PUBLIC_KEY_FILE: local.digestPublicKeyFile },
  // The local provider's account store; it writes invitation emails (Cognito's, on AWS) to the outbox.
  USER_POOL_ID: { LOCAL_ACCOUNTS_FILE: local.accountsFile, OUTBOX_DIR: local.outboxDir },
  SENDER_EMAIL: { OUTBOX_DIR: local.outboxDir },
});
const awsOnly = new Set(['DIGEST_KMS_KEY_ID', 'USER_POOL_ID', 'SENDER_EMAIL']);

/** The names of the stand-in variables (test/unit/function-access.test.ts holds a function's environment to them). */
export const standInVariables = ['DYNAMODB_ENDPOINT', 'S3_ENDPOINT', 'DIGEST_SIGNING_KEY_FILE', 'DIGEST_PUBLIC_KEY_FILE', 'LOCAL_ACCOUNTS_FILE', 'OUTBOX_DIR', 'POWERTOOLS_METRICS_DISABLED'] as const;

/** Settings of the developer's shell that a function honours here as on AWS when set there (none is a resource). */
export const passedThroughVariables: readonly string[] = ['LOG_LEVEL', 'POWERTOOLS_LOGGER_LOG_EVENT', 'REPORT_GRACE_DAYS', 'TZ', 'NODE_NO_WARNINGS'];

/** A function's own key (DynamoDB Local accepts letters and digits only). */
export const localCredentials = (name: string) => ({ accessKeyId: `PAKT${name.replace(/[^a-z0-9]/gi, '').toUpperCase()}`, secretAccessKey: `local-${name}` });

export const localEnvironmentFor = (name: string, access: FunctionAccess, local: LocalResources): Record<string, string> => {
  const aws = environmentFor(access, {
    webUrl: local.webUrl, tableName: local.tableName, bucketName: local.bucket, digestKeyId: 'local', userPoolId: 'local', senderEmail: 'local',
    ...(local.renderQueueUrl === undefined ? {} : { renderQueueUrl: local.renderQueueUrl }),
    // As in staging and prod, so that the local IAM asks for the retention grant (s3rver keeps no lock).
    documentRetentionYears: 10,
    ...(local.edgeSecret === undefined ? {} : { edgeSecret: local.edgeSecret }),
  });
  const replacements = standIns(access, local);
  const credentials = localCredentials(name);
  return {
    ...Object.fromEntries(Object.entries(aws).filter(([variable]) => !awsOnly.has(variable))),
    ...Object.assign({}, ...Object.keys(aws).map((variable) => replacements[variable] ?? {})),
    ...Object.fromEntries(passedThroughVariables.flatMap((variable) => (process.env[variable] === undefined ? [] : [[variable, process.env[variable]]]))),
    // No CloudWatch here: business metrics stay off unless the developer's shell turns them on (POWERTOOLS_METRICS_DISABLED=false).
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    AWS_REGION: process.env.AWS_REGION ?? 'eu-central-1',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  } as Record<string, string>;
};

const functionNameOf = (definition: FunctionDefinition) => `pakt-${definition.name}`;

export interface FunctionDefinition {
  name: string;
  /** Under functions/, e.g. `reports/handler.ts`. */
  entry: string;
  exportName?: string;
  access: FunctionAccess;
}

export interface Container {
  readonly name: string;
  invoke<Result>(event: unknown, timeoutMs?: number): Promise<Result>;
  stop(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** The functions CDK deploys: one per module of the route table, the daily job and the renderer. */
export const moduleFunction = (module: ModuleName): FunctionDefinition => ({ name: module, entry: `${module}/handler.ts`, access: moduleAccess[module] });
export const dailyJobFunction: FunctionDefinition = { name: 'daily-jobs', entry: 'jobs/handler.ts', access: dailyJobAccess };
export const rendererFunction: FunctionDefinition = { name: 'renderer', entry: 'renderer/handler.ts', access: rendererAccess };
export const functionDefinitions: FunctionDefinition[] = [...moduleNames.map(moduleFunction), dailyJobFunction, rendererFunction];

/** Starts a function's container; it initialises once (the handler module loads) and serves one invocation after another. */
export const startContainer = async (definition: FunctionDefinition, local: LocalResources, log: (line: string) => void = () => undefined): Promise<Container> => {
  const entry = new URL(`../../functions/${definition.entry}`, import.meta.url).href;
  const functionName = functionNameOf(definition);
  const pending = new Map<string, Pending>();
  let worker: Worker | undefined;
  let ready: Promise<void> | undefined;

  const start = () => {
    const started = new Worker(new URL('./container-worker.mjs', import.meta.url), {
      env: localEnvironmentFor(definition.name, definition.access, local),
      workerData: { entry, exportName: definition.exportName ?? 'handler', functionName },
    });
    worker = started;
    ready = new Promise<void>((resolve) => {
      started.once('message', (message: { kind: 'ready'; error?: string }) => {
        if (message.error) log(`${functionName} failed to initialise (its requests will fail): ${message.error}`);
        resolve();
      });
    });
    started.on('message', (message: { id?: string; result?: unknown; error?: string }) => {
      if (message.id === undefined) return;
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error === undefined) waiting?.resolve(message.result);
      else waiting?.reject(new Error(`${functionName}: ${message.error}`));
    });
    // A container that dies is replaced on the next invocation, as Lambda does.
    started.once('exit', (code) => {
      if (worker === started) worker = undefined;
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(new Error(`${functionName} exited (code ${code}) during the invocation.`));
      }
    });
    return ready;
  };

  await start();
  return {
    name: definition.name,
    async invoke<Result>(event: unknown, timeoutMs = 30_000) {
      if (!worker) await start();
      await ready;
      const id = randomUUID();
      return new Promise<Result>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker?.postMessage({ id, event, requestId: id, timeoutMs });
      });
    },
    async stop() {
      const stopping = worker;
      worker = undefined;
      await stopping?.terminate();
    },
  };
};

/** The principal each container signs as, for the IAM proxies. */
export const principalOf = (definition: FunctionDefinition): [string, Principal] => [localCredentials(definition.name).accessKeyId, { name: functionNameOf(definition), access: definition.access }];
