import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assertPortFree, PortInUseError } from './ports.js';
import { demoPassword, demoUsers } from './seed.js';
import { startLocalStack, type LocalStack } from './stack.js';
import type { RunningService } from './dynamodb.js';
import { startWebServer } from './web.js';
import type { DailyJobsResult } from '../../functions/jobs/handler.js';

/**
 * `npm start`: the whole product on one machine with demo data.
 * `npm start -- --reset` deletes .data/ first. Environment settings (README) point
 * it at existing services instead of starting its own.
 */
const root = resolve(import.meta.dirname, '../..');
const { values: flags } = parseArgs({ options: { reset: { type: 'boolean', default: false }, 'no-seed': { type: 'boolean', default: false } } });

const env = (name: string): string | undefined => (process.env[name] ?? '').trim() || undefined;
const port = (name: string, fallback: number): number => Number(env(name) ?? fallback);

const ports = {
  web: port('PAKT_WEB_PORT', 5173),
  api: port('PAKT_API_PORT', 4000),
  oidc: port('PAKT_OIDC_PORT', 4010),
  dynamodb: port('PAKT_DYNAMODB_PORT', 8000),
  s3: port('PAKT_S3_PORT', 4569),
};
const external = {
  dynamodbEndpoint: env('DYNAMODB_ENDPOINT'),
  s3Endpoint: env('S3_ENDPOINT'),
  issuer: env('PAKT_OIDC_ISSUER'),
  audiences: env('PAKT_OIDC_AUDIENCE')?.split(','),
};
const dataDir = join(root, '.data');
const webOrigin = `http://127.0.0.1:${ports.web}`;

const say = (line: string) => process.stdout.write(`${line}\n`);

let stack: LocalStack | undefined;
let web: RunningService | undefined;
let stopping = false;

const stopAll = async (code: number) => {
  if (stopping) return;
  stopping = true;
  say('\nStopping Pakt…');
  await web?.stop().catch(() => undefined);
  await stack?.stop().catch(() => undefined);
  process.exit(code);
};

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
process.on('SIGHUP', () => void stopAll(0));
process.on('uncaughtException', (error) => {
  process.stderr.write(`Pakt stopped on an unexpected error: ${error.message}\n`);
  void stopAll(1);
});

// The AWS SDK warns on every start that future releases need Node 22; the Lambdas run Node 22.
const defaultWarningListeners = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'NodeVersionSupportWarning' || warning.message.startsWith('NodeVersionSupportWarning')) return;
  for (const listener of defaultWarningListeners) listener(warning);
});

const main = async () => {
  const wanted: [number, string, boolean][] = [
    [ports.web, 'web', true],
    [ports.api, 'API', true],
    [ports.oidc, 'OpenID provider', !external.issuer],
    [ports.dynamodb, 'DynamoDB Local', !external.dynamodbEndpoint],
    [ports.s3, 's3rver', !external.s3Endpoint],
  ];
  for (const [number, service, needed] of wanted) if (needed) await assertPortFree(number, service);
  if (flags.reset) {
    await rm(dataDir, { recursive: true, force: true });
    say('Reset: deleted .data/');
  }

  say('Starting Pakt…');
  stack = await startLocalStack({
    dataDir,
    ports,
    webOrigins: [webOrigin, `http://localhost:${ports.web}`],
    seed: !flags['no-seed'],
    external: Object.fromEntries(Object.entries(external).filter(([, value]) => value !== undefined)),
    log: (line) => say(`  ${line}`),
  });

  web = await startWebServer({ port: ports.web, apiUrl: stack.apiUrl, issuer: stack.issuer, outboxDir: stack.outboxDir, edgeSecret: stack.edgeSecret, ...(env('PAKT_OIDC_CLIENT_ID') ? { clientId: env('PAKT_OIDC_CLIENT_ID') } : {}) });

  say('');
  say(`Pakt is running: ${webOrigin}`);
  say(`  Data:     ${dataDir} (kept between runs; \`npm start -- --reset\` starts clean)`);
  say(`  Outbox:   ${stack.outboxDir} (emails the system would send; also at ${webOrigin}/dev/outbox)`);
  say(`  API docs: ${webOrigin}/api/openapi.json`);
  say('');
  say(`Demo sign-ins (password: ${demoPassword}; the authenticator code is shown on the next page):`);
  for (const user of demoUsers) say(`  ${user.role.padEnd(12)} ${user.email.padEnd(28)} ${user.name}`);
  say('');
  say('Press Ctrl-C to stop.');

  // The daily jobs, as EventBridge Scheduler runs them on AWS: now, then every 24 hours.
  const dailyJob = stack.dailyJob;
  const runJobs = () => dailyJob.invoke<DailyJobsResult>({}, 15 * 60_000).then(({ activated, reminders }) => (activated.length > 0 || reminders.emails > 0) && say(`Daily jobs: ${activated.length} memoranda came into force, ${reminders.emails} reminder emails sent.`)).catch((error: unknown) => say(`Daily jobs failed: ${error instanceof Error ? error.message : String(error)}`));
  await runJobs();
  setInterval(() => void runJobs(), 24 * 60 * 60 * 1000).unref();
};

main().catch(async (error: unknown) => {
  process.stderr.write(`\n${error instanceof PortInUseError ? error.message : `Pakt could not start: ${error instanceof Error ? error.message : String(error)}`}\n`);
  await stopAll(1);
});
