import type { TestProject } from 'vitest/node';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb, serveBuiltWeb } from '../../infra/local/built-web.js';
import { freePort } from '../../infra/local/ports.js';
import { startLocalStack } from '../../infra/local/stack.js';
import { startWebServer } from '../../infra/local/web.js';
import { chromiumExecutable } from './chromium.js';
import { provideStack } from './stack-setup.js';

/**
 * The whole product for browser journeys: the local stack, demo data, the SPA in Vite and the Chromium to
 * drive; and the production build served as CloudFront serves it, the installable app with its service
 * worker, for the offline journeys.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    builtWebUrl: string;
    /** Where the served build lies (a test deploys a new version there). */
    builtWebDir: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject) {
  const chromium = await chromiumExecutable();
  // The bare-machine check (.ci/bare-machine) hides system browsers: it must run the packaged one.
  if (process.env.PAKT_EXPECT_CHROMIUM && process.env.PAKT_EXPECT_CHROMIUM !== chromium.source) {
    throw new Error(`Expected the ${process.env.PAKT_EXPECT_CHROMIUM} Chromium, found the ${chromium.source} one at ${chromium.path}.`);
  }
  process.stdout.write(`Browser journeys drive the ${chromium.source} Chromium at ${chromium.path}.\n`);
  process.env.LOG_LEVEL ??= 'SILENT';
  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const builtWebPort = await freePort();
  const builtWebUrl = `http://127.0.0.1:${builtWebPort}`;
  const stack = await startLocalStack({
    ports: { dynamodb: await freePort(), s3: await freePort(), oidc: await freePort(), api: await freePort() },
    webOrigins: [webUrl, builtWebUrl],
    seed: true,
  });
  const builtWeb = await mkdtemp(join(tmpdir(), 'pakt-built-web-'));
  const servers: { stop: () => Promise<void> }[] = [];
  const stop = async () => {
    for (const server of servers.reverse()) await server.stop();
    await stack.stop();
    await rm(builtWeb, { recursive: true, force: true });
  };
  try {
    // Journeys set up what they start from through the API, as the integration tests do.
    await provideStack(project, stack, webUrl);
    servers.push(await startWebServer({ port: webPort, apiUrl: stack.apiUrl, issuer: stack.issuer, outboxDir: stack.outboxDir, edgeSecret: stack.edgeSecret }));
    await buildWeb(builtWeb);
    servers.push(await serveBuiltWeb(builtWeb, { port: builtWebPort, apiUrl: stack.apiUrl, issuer: stack.issuer, edgeSecret: stack.edgeSecret }));
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('webUrl', webUrl);
  project.provide('builtWebUrl', builtWebUrl);
  project.provide('builtWebDir', builtWeb);
  project.provide('chromiumPath', chromium.path);
  return stop;
}
