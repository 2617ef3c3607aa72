import { join, resolve } from 'node:path';
import { createServer as createViteServer } from 'vite';
import type { RunningService } from './dynamodb.js';
import { apiScope, webClientId } from './oidc.js';

const root = resolve(import.meta.dirname, '../..');

/** The SPA in Vite's dev server, with /api proxied to the local API and the runtime /config.json. */
export const startWebServer = async (options: { port: number; apiUrl: string; issuer: string; clientId?: string }): Promise<RunningService> => {
  const webConfig = { issuer: options.issuer, clientId: options.clientId ?? webClientId, scope: `openid profile email ${apiScope}`, apiBaseUrl: '/api' };
  const vite = await createViteServer({
    configFile: join(root, 'web/vite.config.ts'),
    logLevel: 'warn',
    server: { port: options.port, host: '127.0.0.1', strictPort: true, proxy: { '/api': { target: options.apiUrl } } },
    plugins: [
      {
        name: 'pakt-runtime-config',
        configureServer(server) {
          server.middlewares.use('/config.json', (_req, res) => {
            res.setHeader('content-type', 'application/json');
            res.setHeader('cache-control', 'no-store');
            res.end(JSON.stringify(webConfig));
          });
        },
      },
    ],
  });
  await vite.listen();
  return { url: `http://127.0.0.1:${options.port}`, stop: () => vite.close() };
};
