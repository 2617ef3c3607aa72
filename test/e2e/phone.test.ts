import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoMemorandumId, demoOrganisations, demoProgrammeId, demoUsers, type DemoUser } from '../../infra/local/seed.js';
import { openBrowser, phone, screenshot, signInAs, webUrl } from '../support/browser.js';

/**
 * Every main page of every role at phone width (390 px), in Ukrainian: nothing
 * scrolls sideways, the navigation opens from its menu button. Screenshots land
 * in screenshots/phone-*.png to look at.
 */
const pagesOf: Record<DemoUser['role'], [string, string][]> = {
  coordinator: [
    ['home', '/'], ['memoranda', '/memoranda'], ['memorandum', `/memoranda/${demoMemorandumId}`], ['memorandum-editor', `/memoranda/${demoMemorandumId}/edit`],
    ['commitments', '/commitments'], ['programmes', '/programmes'], ['programme', `/programmes/${demoProgrammeId}`], ['programme-editor', `/programmes/${demoProgrammeId}/edit`],
    ['reviews', '/reviews'], ['organisations', '/organisations'], ['organisation', `/organisations/${demoOrganisations.relativesNgo}`],
  ],
  council: [['home', '/'], ['memoranda', '/memoranda'], ['memorandum', `/memoranda/${demoMemorandumId}`], ['commitments', '/commitments'], ['organisation', `/organisations/${demoOrganisations.molochanskCouncil}`]],
  funder: [['home', '/'], ['programmes', '/programmes'], ['programme', `/programmes/${demoProgrammeId}`], ['memoranda', '/memoranda']],
  admin: [['home', '/'], ['organisations', '/organisations'], ['organisation', `/organisations/${demoOrganisations.molochanskCouncil}`]],
};

const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.each(['coordinator', 'council', 'funder', 'admin'] as const)('the %s at phone width', (role) => {
  let page: Page;
  let close: () => Promise<void>;
  const user = demoUsers.find((candidate) => candidate.role === role);

  beforeAll(async () => {
    ({ page, close } = await openBrowser(phone));
    await signInAs(page, user?.email ?? '');
  });
  afterAll(async () => close());

  it.each(pagesOf[role])('%s (%s) fits the screen: nothing scrolls sideways', async (name, path) => {
    await page.goto(`${webUrl()}${path}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, `phone-${role}-${name}`);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('opens the navigation from its menu button and goes where a link says', async () => {
    await page.goto(`${webUrl()}/`);
    const menu = page.getByRole('button', { name: 'Меню' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await menu.click();
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    const navigation = page.getByRole('navigation', { name: 'Головне меню' });
    const link = navigation.getByRole('link', { name: 'Меморандуми', exact: true });
    const box = await link.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await screenshot(page, `phone-${role}-menu`);
    await link.click();
    await page.waitForURL(/\/memoranda$/);
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
  });
});
