import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { edgeHeaders } from '../../functions/core/viewer.js';
import { localWebConfig } from '../../infra/local/web.js';
import { demoProgrammeId, demoUsers } from '../../infra/local/seed.js';
import type { startLocalStack } from '../../infra/local/stack.js';
import { chromiumExecutable } from '../support/chromium.js';
import { currentCode, demoTotpSecret } from '../../infra/local/totp.js';

/**
 * Lighthouse (mobile, simulated slow 4G and a 4× slower CPU, its defaults) on the
 * production build of the SPA, served the way CloudFront serves it (gzip, the SPA
 * fallback, /api on the same origin): the sign-in page, then — signed in as the
 * demo coordinator, in the same tab — the home, the memoranda list and the
 * programme dashboard. Performance and accessibility scores per page.
 */
export interface LighthouseScore {
  page: string;
  performance: number;
  accessibility: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
}

const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.eot': 'application/vnd.ms-fontobject' };

/** A static server for the build: hashed assets cached for a year and gzipped, everything else the SPA's index.html. */
const serveBuild = async (outDir: string, stack: Awaited<ReturnType<typeof startLocalStack>>, port: number) => {
  const config = JSON.stringify(localWebConfig(stack.issuer));
  const proxy = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const target = new URL(incoming.url ?? '/', stack.apiUrl);
    const upstream = httpRequest(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host, [edgeHeaders.secret]: stack.edgeSecret, [edgeHeaders.viewerAddress]: '127.0.0.1' } }, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    });
    incoming.pipe(upstream);
  };
  const server = createServer((incoming, outgoing) => {
    const path = new URL(incoming.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) return proxy(incoming, outgoing);
    if (path === '/config.json') {
      outgoing.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return outgoing.end(config);
    }
    const file = path.startsWith('/assets/') ? path : '/index.html';
    void readFile(join(outDir, file)).then(
      (body) => {
        const compress = /\.(js|css|html|svg)$/.test(file);
        outgoing.writeHead(200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'cache-control': file === '/index.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
          ...(compress ? { 'content-encoding': 'gzip' } : {}),
        });
        outgoing.end(compress ? gzipSync(body) : body);
      },
      () => {
        outgoing.writeHead(404);
        outgoing.end();
      },
    );
  });
  await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise<void>((done) => server.close(() => done())) };
};

export const measureLighthouse = async (stack: Awaited<ReturnType<typeof startLocalStack>>, webPort: number): Promise<LighthouseScore[]> => {
  const outDir = await mkdtemp(join(tmpdir(), 'pakt-lighthouse-'));
  await build({ configFile: resolve(import.meta.dirname, '../../web/vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const web = await serveBuild(outDir, stack, webPort);
  const chrome = await chromeLauncher.launch({ chromePath: (await chromiumExecutable()).path, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const page = await browser.newPage();
    const scores: LighthouseScore[] = [];
    const audit = async (name: string, url: string) => {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], disableStorageReset: true, locale: 'en-US' }, undefined, page);
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
      const numeric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
      scores.push({
        page: name, performance: Math.round((lhr.categories.performance?.score ?? 0) * 100), accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        firstContentfulPaintMs: numeric('first-contentful-paint'), largestContentfulPaintMs: numeric('largest-contentful-paint'),
      });
    };
    // The sign-in page the SPA sends a signed-out user to.
    await page.goto(web.url);
    await page.waitForSelector('[data-email]');
    await audit('sign-in', page.url());
    const coordinator = demoUsers.find((user) => user.role === 'coordinator');
    await page.click(`[data-email="${coordinator?.email ?? ''}"]`);
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    // The second factor: the demo account's authenticator code.
    await page.waitForSelector('#code');
    await page.type('#code', currentCode(demoTotpSecret));
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    await page.waitForSelector('[data-testid="user-name"]');
    await audit('home', `${web.url}/`);
    await audit('memoranda', `${web.url}/memoranda`);
    await audit('programme dashboard', `${web.url}/programmes/${demoProgrammeId}`);
    await browser.disconnect();
    return scores;
  } finally {
    await chrome.kill();
    await web.stop();
    await rm(outDir, { recursive: true, force: true });
  }
};

