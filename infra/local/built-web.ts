import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { edgeHeaders } from '../../functions/core/viewer.js';
import type { RunningService } from './dynamodb.js';
import { localWebConfig } from './web.js';

const run = promisify(execFile);

const types: Record<string, string> = {
  '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.png': 'image/png', '.eot': 'application/vnd.ms-fontobject',
};

/**
 * The production build of the SPA, as `npm run build` writes it for the web stack. In a process of its own:
 * Vite derives import.meta.env.DEV from NODE_ENV (the test runner sets "test"), and its Vue compiler caches
 * what it compiled — a build inside the process that runs the dev server would share both with it.
 */
export const buildWeb = async (outDir: string): Promise<void> => {
  const vite = resolve(import.meta.dirname, '../../node_modules/vite/bin/vite.js');
  await run(process.execPath, [vite, 'build', '--config', resolve(import.meta.dirname, '../../web/vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, NODE_ENV: 'production' },
  });
};

/**
 * The built SPA served the way CloudFront serves it (infra/stacks/web-stack.ts): a path with a file
 * extension is that file, any other path the app's index.html, /api proxied with the edge secret and the
 * viewer's address; hashed assets cached for a year, everything else revalidated; text gzipped.
 * The bench's Lighthouse runs and the offline browser tests use it (the service worker exists only here).
 */
export const serveBuiltWeb = async (outDir: string, options: { port: number; apiUrl: string; issuer: string; edgeSecret: string }): Promise<RunningService> => {
  const config = JSON.stringify(localWebConfig(options.issuer));
  const proxy = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const target = new URL(incoming.url ?? '/', options.apiUrl);
    const headers = { ...incoming.headers, host: target.host, [edgeHeaders.secret]: options.edgeSecret, [edgeHeaders.viewerAddress]: '127.0.0.1' };
    const upstream = httpRequest(target, { method: incoming.method, headers }, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    });
    upstream.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  };
  const server = createServer((incoming, outgoing) => {
    const path = normalize(new URL(incoming.url ?? '/', 'http://localhost').pathname);
    if (path.startsWith('/api/')) return proxy(incoming, outgoing);
    if (path === '/config.json') {
      outgoing.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return outgoing.end(config);
    }
    const file = extname(path) ? path : '/index.html';
    void readFile(join(outDir, file)).then(
      (body) => {
        const compress = /\.(js|css|html|svg|webmanifest)$/.test(file);
        outgoing.writeHead(200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'cache-control': file.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          ...(compress ? { 'content-encoding': 'gzip' } : {}),
        });
        outgoing.end(compress ? gzipSync(body) : body);
      },
      () => outgoing.writeHead(404).end(),
    );
  });
  await new Promise<void>((ready) => server.listen(options.port, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${options.port}`, stop: () => new Promise<void>((done) => {
    server.close(() => done());
    server.closeAllConnections();
  }) };
};
