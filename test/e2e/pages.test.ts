import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoMemorandumId, demoOrganisations, demoProgrammeId, demoUsers, type DemoUser } from '../../infra/local/seed.js';
import { seriousViolations } from '../support/axe.js';
import { createCaseMemorandum } from '../support/memoranda.js';
import { desktop, openBrowser, phone, screenshot, signInAs, webUrl } from '../support/browser.js';

/**
 * Every main page of every role at phone width (390 px) and desktop width (1280 px),
 * in Ukrainian: no serious or critical axe-core finding; on the phone nothing
 * scrolls sideways and the navigation opens from its menu button. Screenshots land
 * in screenshots/{phone,desktop}-*.png to look at.
 */
const pagesOf: Record<DemoUser['role'], [string, string][]> = {
  coordinator: [
    ['home', '/'], ['memoranda', '/memoranda'], ['memorandum', `/memoranda/${demoMemorandumId}`], ['memorandum-editor', `/memoranda/${demoMemorandumId}/edit`],
    ['commitments', '/commitments'], ['programmes', '/programmes'], ['programme', `/programmes/${demoProgrammeId}`], ['programme-editor', `/programmes/${demoProgrammeId}/edit`],
    ['reviews', '/reviews'], ['organisations', '/organisations'], ['organisation', `/organisations/${demoOrganisations.relativesNgo}`], ['sign-in-security', '/account/second-factor'],
  ],
  // The seeded draft is the coordinator's alone until the journeys submit it: the council reads one in review of its own.
  council: [['home', '/'], ['memoranda', '/memoranda'], ['memorandum', '/memoranda/{in-review}'], ['commitments', '/commitments'], ['organisation', `/organisations/${demoOrganisations.molochanskCouncil}`], ['sign-in-security', '/account/second-factor']],
  funder: [['home', '/'], ['programmes', '/programmes'], ['programme', `/programmes/${demoProgrammeId}`], ['memoranda', '/memoranda']],
  admin: [['home', '/'], ['organisations', '/organisations'], ['organisation', `/organisations/${demoOrganisations.molochanskCouncil}`]],
};

/**
 * How far the page reaches beyond the phone's width, and what sticks out. (A phone
 * widens its layout viewport to fit what overflows and zooms out, so the page's width
 * is compared with the screen's, not with the window's.)
 */
const sidewaysOverflow = (page: Page) =>
  page.evaluate((width) => {
    const overflow = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - width;
    const outside = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && element.getBoundingClientRect().width > 0)
      .filter((element) => !element.closest('.scroll-x, .p-datatable-table-container, .p-tablist-content, .p-tabs-nav'))
      .slice(0, 6)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)})`);
    return { overflow, outside };
  }, phone.width);

/** A memorandum in review between the NGO and the council, made once through the API when a page needs it (independent of the journeys' order). */
let inReview: Promise<string> | undefined;
const resolved = async (path: string) => (path.includes('{in-review}') ? path.replace('{in-review}', await (inReview ??= createCaseMemorandum({ submit: true }).then((created) => created.id))) : path);

describe.each(['coordinator', 'council', 'funder', 'admin'] as const)('the %s at desktop width', (role) => {
  let page: Page;
  let close: () => Promise<void>;
  const user = demoUsers.find((candidate) => candidate.role === role);

  beforeAll(async () => {
    ({ page, close } = await openBrowser(desktop));
    await signInAs(page, user?.email ?? '');
  });
  afterAll(async () => close());

  it.each(pagesOf[role])('%s (%s) has no serious accessibility finding', async (name, path) => {
    await page.goto(`${webUrl()}${await resolved(path)}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, `desktop-${role}-${name}`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe.each(['coordinator', 'council', 'funder', 'admin'] as const)('the %s at phone width', (role) => {
  let page: Page;
  let close: () => Promise<void>;
  const user = demoUsers.find((candidate) => candidate.role === role);

  beforeAll(async () => {
    ({ page, close } = await openBrowser(phone));
    await signInAs(page, user?.email ?? '');
  });
  afterAll(async () => close());

  it.each(pagesOf[role])('%s (%s) fits the screen, with no serious accessibility finding', async (name, path) => {
    await page.goto(`${webUrl()}${await resolved(path)}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, `phone-${role}-${name}`, { fullPage: false });
    const fit = await sidewaysOverflow(page);
    expect(fit, `sticking out: ${fit.outside.join(', ')}`).toEqual({ overflow: 0, outside: [] });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows where keyboard focus is, with a ring of at least 2 px', async () => {
    await page.goto(`${webUrl()}/`);
    await page.locator('main h1').first().waitFor();
    const rings: number[] = [];
    for (let step = 0; step < 6; step += 1) {
      await page.keyboard.press('Tab');
      rings.push(await page.evaluate(() => {
        const focused = document.activeElement;
        if (!focused || focused === document.body) return -1;
        const style = getComputedStyle(focused);
        const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
        const shadow = /0px 0px 0px (\d+(?:\.\d+)?)px/.exec(style.boxShadow);
        return Math.max(outline, shadow ? parseFloat(shadow[1] ?? '0') : 0);
      }));
    }
    expect(rings.filter((width) => width >= 0).every((width) => width >= 2), `focus rings: ${rings.join(', ')}`).toBe(true);
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
    await screenshot(page, `phone-${role}-menu`, { fullPage: false });
    await link.click();
    await page.waitForURL(/\/memoranda$/);
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
  });
});
