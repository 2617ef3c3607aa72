import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { lambdaEsbuildOptions } from '../../infra/bundling.js';
import { moduleNames } from '../../functions/routes.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

export interface BundleFigure {
  name: string;
  bytes: number;
  coldImportMs: number;
  /** The same function's AWS SDK clients alone, bundled and imported alike: what the function adds is measured against this. */
  sdkBaseline?: { clients: string[]; bytes: number; coldImportMs: number };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Cold import of a bundle in a fresh Node process, median of several runs. */
const coldImport = async (file: string, runs: number): Promise<number> => {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const env = { ...process.env, TABLE_NAME: 'bench', LOCAL_ACCOUNTS_FILE: join(tmpdir(), 'pakt-bench-accounts.json'), AWS_REGION: 'eu-central-1', LOG_LEVEL: 'SILENT', NODE_NO_WARNINGS: '1' };
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env });
    times.push(Number(stdout));
  }
  return median(times);
};

const withoutTracer: Plugin = {
  name: 'without-tracer',
  setup(bundle) {
    bundle.onResolve({ filter: /core\/tracer\.js$/ }, () => ({ path: 'tracer', namespace: 'without-tracer' }));
    bundle.onLoad({ filter: /.*/, namespace: 'without-tracer' }, () => ({ contents: 'export const traced = (client) => client;', loader: 'js' }));
  },
};

/** Each AWS SDK client package the functions use, and how they use it (client, commands, presigners). */
const sdkUses: Record<string, string> = {
  '@aws-sdk/client-dynamodb': `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
export const dynamodb = [DynamoDBDocumentClient.from(new DynamoDBClient({})), BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand];`,
  '@aws-sdk/client-s3': `import { S3Client, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
export const s3 = [new S3Client({}), DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, createPresignedPost, getSignedUrl];`,
  '@aws-sdk/client-sesv2': `import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2'; export const ses = [new SESv2Client({}), SendEmailCommand];`,
  '@aws-sdk/client-sqs': `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs'; export const sqs = [new SQSClient({}), SendMessageCommand];`,
  '@aws-sdk/client-kms': `import { KMSClient, SignCommand, VerifyCommand, GetPublicKeyCommand } from '@aws-sdk/client-kms'; export const kms = [new KMSClient({}), SignCommand, VerifyCommand, GetPublicKeyCommand];`,
  '@aws-sdk/client-cognito-identity-provider': `import { CognitoIdentityProviderClient, AdminCreateUserCommand, AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider'; export const cognito = [new CognitoIdentityProviderClient({}), AdminCreateUserCommand, AdminGetUserCommand];`,
};

const bundleOf = async (options: BuildOptions) => {
  const result = await build({ ...lambdaEsbuildOptions, write: false, outfile: join(tmpdir(), 'bundle.mjs'), metafile: true, ...options });
  const output = result.outputFiles?.[0];
  if (!output) throw new Error('No bundle');
  const packages = new Set(Object.keys(result.metafile?.inputs ?? {}).map((file) => /node_modules\/(@aws-sdk\/client-[^/]+)\//.exec(file)?.[1]).filter((name): name is string => name !== undefined));
  return { contents: output.contents, clients: [...packages].filter((name) => name in sdkUses).sort() };
};

/** Each module's Lambda bundle (the settings CDK deploys with) beside the bundle of its own SDK clients alone. */
export const measureBundles = async (runs = 7): Promise<BundleFigure[]> => {
  const outdir = await mkdtemp(join(tmpdir(), 'pakt-bundles-'));
  try {
    // As the CDK function construct does for PDF-rendering modules: fonts next to the bundle.
    await cp(resolve(root, 'node_modules/pdfmake/fonts/Roboto'), join(outdir, 'fonts'), { recursive: true });
    const measured = async (name: string, contents: Uint8Array) => {
      const file = join(outdir, `${name.replace(/\W+/g, '-')}.mjs`);
      await writeFile(file, contents);
      return { bytes: contents.byteLength, coldImportMs: await coldImport(file, runs) };
    };
    const sdkOnly = async (clients: string[]) => {
      if (clients.length === 0) return undefined;
      const { contents } = await bundleOf({ stdin: { contents: clients.map((client) => sdkUses[client]).join('\n'), resolveDir: root, loader: 'ts' } });
      return { clients: clients.map((client) => client.replace('@aws-sdk/client-', '')), ...(await measured(`sdk-${clients.join('-')}`, contents)) };
    };
    const entries: { name: string; entry: string; plugins?: Plugin[] }[] = [
      ...moduleNames.map((module) => ({ name: module, entry: resolve(root, `functions/${module}/handler.ts`) })),
      // Not an API function: the one that renders the export files (queue-fed, its cold start is off the request path).
      { name: 'renderer (not an API function)', entry: resolve(root, 'functions/renderer/handler.ts') },
      // What X-Ray tracing costs, side by side: the same module with the tracer replaced by nothing.
      { name: 'organisations without the tracer', entry: resolve(root, 'functions/organisations/handler.ts'), plugins: [withoutTracer] },
    ];
    const baselines = new Map<string, BundleFigure['sdkBaseline']>();
    const figures: BundleFigure[] = [];
    for (const { name, entry, plugins } of entries) {
      const { contents, clients } = await bundleOf({ entryPoints: [entry], ...(plugins ? { plugins } : {}) });
      const key = clients.join(',');
      if (!baselines.has(key)) baselines.set(key, await sdkOnly(clients));
      const baseline = baselines.get(key);
      figures.push({ name, ...(await measured(name, contents)), ...(baseline ? { sdkBaseline: baseline } : {}) });
    }
    return figures;
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
};

/**
 * Where a small function's cold import goes: the organisations function built up
 * layer by layer, each bundle the one before plus one part, imported alike.
 */
export const measureImportLayers = async (runs = 7): Promise<{ layer: string; bytes: number; coldImportMs: number }[]> => {
  const outdir = await mkdtemp(join(tmpdir(), 'pakt-layers-'));
  const dynamodb = sdkUses['@aws-sdk/client-dynamodb'] ?? '';
  const layers: [string, string][] = [
    ['an empty module', 'export {};'],
    ['+ the DynamoDB document client', dynamodb],
    ['+ Powertools logger and metrics, middy', `${dynamodb}\nexport { logger } from './functions/core/logger.ts'; export { countEvent } from './functions/core/metrics.ts'; export { default as middy } from '@middy/core';`],
    ['+ Powertools tracer (X-Ray SDK)', `${dynamodb}\nexport { logger } from './functions/core/logger.ts'; export { countEvent } from './functions/core/metrics.ts'; export { default as middy } from '@middy/core'; export { traced } from './functions/core/tracer.ts';`],
    ['+ the request pipeline (zod, errors, auth)', `${dynamodb}\nexport { traced } from './functions/core/tracer.ts'; export { moduleHandler } from './functions/core/handler.ts';`],
    ['= organisations (its routes, schemas, code)', `export { handler } from './functions/organisations/handler.ts';`],
  ];
  try {
    const figures = [];
    for (const [index, [layer, contents]] of layers.entries()) {
      const { contents: bundle } = await bundleOf({ stdin: { contents, resolveDir: root, loader: 'ts' } });
      const file = join(outdir, `layer-${index}.mjs`);
      await writeFile(file, bundle);
      figures.push({ layer, bytes: bundle.byteLength, coldImportMs: await coldImport(file, runs) });
    }
    return figures;
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
};
