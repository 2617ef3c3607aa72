import type { TestProject } from 'vitest/node';
import { freePort } from '../../infra/local/ports.js';
import { startLocalStack } from '../../infra/local/stack.js';
import { startWebServer } from '../../infra/local/web.js';
import { chromiumExecutable } from './chromium.js';
import { provideStack } from './stack-setup.js';

/** The whole product for browser journeys: the local stack, demo data, the SPA in Vite and the Chromium to drive. */

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
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
  const stack = await startLocalStack({
    ports: { dynamodb: await freePort(), s3: await freePort(), oidc: await freePort(), api: await freePort() },
    webOrigins: [webUrl],
    seed: true,
  });
  let web: Awaited<ReturnType<typeof startWebServer>> | undefined;
  try {
    // Journeys set up what they start from through the API, as the integration tests do.
    await provideStack(project, stack, webUrl);
    web = await startWebServer({ port: webPort, apiUrl: stack.apiUrl, issuer: stack.issuer, outboxDir: stack.outboxDir, edgeSecret: stack.edgeSecret });
  } catch (error) {
    await stack.stop();
    throw error;
  }
  project.provide('webUrl', webUrl);
  project.provide('chromiumPath', chromium.path);
  return async () => {
    await web?.stop();
    await stack.stop();
  };
}
