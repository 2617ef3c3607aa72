import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { demoPassword } from '../../infra/local/seed.js';
import { currentCode } from '../../infra/local/totp.js';
import { authenticatorKeyOf } from './oidc-login.js';

/** Headless Chromium (see chromium.ts) with the flags that work offline on this machine. */
/** A phone (iPhone 12–15 size) or the desktop width the journeys use. */
export const phone = { width: 390, height: 844 };
export const desktop = { width: 1280, height: 860 };

export const openBrowser = async (viewport = desktop): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> => {
  const profile = await mkdtemp(join(tmpdir(), 'pakt-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: inject('chromiumPath'),
    headless: true,
    locale: 'uk-UA',
    viewport,
    ...(viewport.width < 600 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
};

export const webUrl = () => inject('webUrl');
/** The production build with its service worker (the installable app). */
export const builtWebUrl = () => inject('builtWebUrl');

/** On the provider's sign-in page: picks the demo user and types their authenticator code. */
export const signInOnProviderPage = async (page: Page, email: string, screenshotCodePage?: string) => {
  await page.locator(`[data-email="${email}"]`).click();
  await page.getByRole('button', { name: /Увійти/ }).click();
  await page.getByLabel(/^Код/).waitFor();
  if (screenshotCodePage) await screenshot(page, screenshotCodePage);
  await page.getByLabel(/^Код/).fill(currentCode(authenticatorKeyOf(email)));
  await page.getByRole('button', { name: /Підтвердити/ }).click();
};

/**
 * Signs in through the provider's page by picking a demo user, then types the
 * code of the authenticator app (enrolled with the published demo key), as a person would.
 */
export const signInAs = async (page: Page, email: string, options: { screenshotCodePage?: string; web?: string } = {}) => {
  const web = options.web ?? webUrl();
  await page.goto(web);
  await page.waitForURL(/\/interaction\//);
  await signInOnProviderPage(page, email, options.screenshotCodePage);
  await page.waitForURL(`${web}/`);
  await page.getByTestId('user-name').waitFor();
  return demoPassword;
};

/** The whole page, or only what the screen shows (`fullPage: false`, e.g. a phone's first screen). */
export const screenshot = async (page: Page, name: string, options: { fullPage?: boolean } = {}) => {
  const folder = resolve(import.meta.dirname, '../../screenshots');
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: options.fullPage ?? true, animations: 'disabled' });
};
