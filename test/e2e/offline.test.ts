import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { demoUser } from '../support/api.js';
import { builtWebUrl, openBrowser, phone, screenshot, signInAs } from '../support/browser.js';
import { startCouncilReport } from '../support/reports.js';

/**
 * The installed app in the field: the production build with its service worker, a council officer's
 * phone, the network switched off. What was read once opens again offline, with its age shown.
 */
const council = demoUser('council');

/** The service worker controls the page once it has installed (precached the app) and claimed it. */
const waitForServiceWorker = async (page: Page) => {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
};

describe('the installable app offline', () => {
  let context: BrowserContext;
  let page: Page;
  let close: () => Promise<void>;
  let memorandumUrl = '';

  beforeAll(async () => {
    const started = await startCouncilReport();
    memorandumUrl = `${builtWebUrl()}/memoranda/${started.memorandumId}`;
    ({ context, page, close } = await openBrowser(phone));
    await signInAs(page, council.email, { web: builtWebUrl() });
  }, 120_000);
  afterAll(async () => {
    await close();
  });

  it('is installable: a manifest with its icons, a service worker controlling the start URL', async () => {
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(manifest.url).toMatch(/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
  });

  it('opens the home and a memorandum read before, offline, after a reload, saying how old the data is', async () => {
    await page.goto(memorandumUrl);
    await page.getByTestId('memorandum-title').waitFor();
    await page.goto(builtWebUrl());
    await page.getByTestId('user-name').waitFor();
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId('user-name').waitFor();
      await page.getByTestId('offline-banner').waitFor();
      expect(await page.getByTestId('offline-banner').textContent()).toMatch(/Немає з’єднання.*Дані станом на/s);
      await page.goto(memorandumUrl);
      await page.getByTestId('memorandum-title').waitFor();
      expect(await page.getByTestId('offline-banner').textContent()).toMatch(/станом на/);
      await screenshot(page, 'offline-memorandum-phone', { fullPage: false });
    } finally {
      await context.setOffline(false);
    }
  });
});
