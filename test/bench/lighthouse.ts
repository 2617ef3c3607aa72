import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { buildWeb, serveBuiltWeb } from '../../infra/local/built-web.js';
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
  totalBlockingTimeMs: number;
  speedIndexMs: number;
  /** Layout shift ×1000 (as an integer). */
  cumulativeLayoutShiftMilli: number;
}

const performanceRuns = 5;
type Report = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

export const measureLighthouse = async (stack: Awaited<ReturnType<typeof startLocalStack>>, webPort: number): Promise<LighthouseScore[]> => {
  const outDir = await mkdtemp(join(tmpdir(), 'pakt-lighthouse-'));
  await buildWeb(outDir);
  const web = await serveBuiltWeb(outDir, { port: webPort, apiUrl: stack.apiUrl, issuer: stack.issuer, edgeSecret: stack.edgeSecret });
  const chrome = await chromeLauncher.launch({ chromePath: (await chromiumExecutable()).path, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const page = await browser.newPage();
    const scores: LighthouseScore[] = [];
    /**
     * Performance and accessibility in separate loads: the accessibility audit's own
     * scripts (axe) run inside the traced page load and would count as the page's
     * blocking time.
     */
    const run = async (name: string, url: string, category: 'performance' | 'accessibility'): Promise<Report> => {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [category], disableStorageReset: true, locale: 'en-US' }, undefined, page);
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
      // The whole report, to see what the score is made of (LIGHTHOUSE_REPORTS=folder npm run bench).
      const reports = process.env.LIGHTHOUSE_REPORTS;
      if (reports) await writeFile(join(reports, `${name.replaceAll(' ', '-')}-${category}.json`), JSON.stringify(lhr));
      return lhr;
    };
    /**
     * The median of five performance runs (as Lighthouse's own guidance on variability
     * advises), after a load that warms the local API: here its handlers share the two
     * cores with the browser, which a phone against AWS never sees.
     */
    const audit = async (name: string, url: string) => {
      await page.goto(url, { waitUntil: 'networkidle0' });
      const runs: Report[] = [];
      for (let index = 0; index < performanceRuns; index += 1) runs.push(await run(name, url, 'performance'));
      const scoreOf = (report: Report) => report.categories.performance?.score ?? 0;
      const lhr = [...runs].sort((a, b) => scoreOf(a) - scoreOf(b))[Math.floor(runs.length / 2)] ?? runs[0];
      if (!lhr) throw new Error(`No performance run for ${url}`);
      const accessibility = await run(name, url, 'accessibility');
      const numeric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
      scores.push({
        page: name, performance: Math.round((lhr.categories.performance?.score ?? 0) * 100), accessibility: Math.round((accessibility.categories.accessibility?.score ?? 0) * 100),
        firstContentfulPaintMs: numeric('first-contentful-paint'), largestContentfulPaintMs: numeric('largest-contentful-paint'),
        totalBlockingTimeMs: numeric('total-blocking-time'), speedIndexMs: numeric('speed-index'), cumulativeLayoutShiftMilli: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN) * 1000),
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

