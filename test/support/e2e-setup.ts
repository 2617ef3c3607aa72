import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../infra/local/ports.js';
import { startLocalStack } from '../../infra/local/stack.js';
import { startWebServer } from '../../infra/local/web.js';

/** The whole product for browser journeys: the local stack, demo data and the SPA in Vite. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install it with \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  }
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
    web = await startWebServer({ port: webPort, apiUrl: stack.apiUrl, issuer: stack.issuer, outboxDir: stack.outboxDir });
  } catch (error) {
    await stack.stop();
    throw error;
  }
  project.provide('webUrl', webUrl);
  return async () => {
    await web?.stop();
    await stack.stop();
  };
}
