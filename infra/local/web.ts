import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createServer as createViteServer } from 'vite';
import { edgeHeaders } from '../../functions/core/viewer.js';
import { ownAccountScope } from '../../functions/users/sign-in-policy.js';
import type { RunningService } from './dynamodb.js';
import { apiScope, webClientId } from './oidc.js';
import { ownAccountPath } from './own-account-api.js';

const root = resolve(import.meta.dirname, '../..');

/** The newest 50 messages of the local outbox. */
const readOutbox = async (directory: string | undefined): Promise<unknown[]> => {
  if (!directory) return [];
  const files = (await readdir(directory).catch(() => [])).filter((file) => file.endsWith('.json')).sort().reverse().slice(0, 50);
  return Promise.all(files.map(async (file) => ({ file, ...(JSON.parse(await readFile(join(directory, file), 'utf8')) as object) })));
};

/** The SPA's runtime /config.json on one machine (on AWS the web stack writes it). */
export const localWebConfig = (issuer: string, options: { clientId?: string; devOutbox?: boolean } = {}) => ({
  issuer, clientId: options.clientId ?? webClientId, scope: `openid profile email ${ownAccountScope} ${apiScope}`, apiBaseUrl: '/api',
  directoryEndpoint: `${issuer}${ownAccountPath}`, ...(options.devOutbox ? { devOutbox: true } : {}),
});

/**
 * The SPA in Vite's dev server, with /api proxied to the local API and the runtime /config.json.
 * The proxy plays CloudFront's part for `/api`: it passes on the viewer's address with the edge secret.
 */
export const startWebServer = async (options: { port: number; apiUrl: string; issuer: string; clientId?: string; outboxDir?: string; edgeSecret: string }): Promise<RunningService> => {
  const webConfig = localWebConfig(options.issuer, { ...(options.clientId ? { clientId: options.clientId } : {}), devOutbox: options.outboxDir !== undefined });
  const vite = await createViteServer({
    configFile: join(root, 'web/vite.config.ts'),
    logLevel: 'warn',
    server: { port: options.port, host: '127.0.0.1', strictPort: true, proxy: {
        '/api': {
          target: options.apiUrl,
          configure: (proxy) => {
            proxy.on('proxyReq', (request, incoming) => {
              request.setHeader(edgeHeaders.secret, options.edgeSecret);
              request.setHeader(edgeHeaders.viewerAddress, (incoming.socket.remoteAddress ?? '').replace(/^::ffff:/, ''));
            });
          },
        },
      },
    },
    plugins: [
      {
        name: 'pakt-runtime-config',
        configureServer(server) {
          // Local only: the emails the system would have sent (the web stack on AWS serves static files).
          server.middlewares.use('/dev/outbox.json', (_req, res) => {
            void readOutbox(options.outboxDir).then((messages) => {
              res.setHeader('content-type', 'application/json');
              res.setHeader('cache-control', 'no-store');
              res.end(JSON.stringify(messages));
            });
          });
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
