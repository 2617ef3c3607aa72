import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoUser } from '../support/api.js';
import { seriousViolations } from '../support/axe.js';
import { desktop, openBrowser, phone, screenshot, signInAs, webUrl } from '../support/browser.js';
import { createActiveMemorandum } from '../support/memoranda.js';

/**
 * A supplementary agreement in the browser, in Ukrainian: the NGO's coordinator (on a
 * phone) proposes extending the term and ending one of the council's obligations, the
 * council officer (at a desk) and the coordinator approve and sign it, and the page
 * then shows the amended agreement with its history.
 */
const coordinator = demoUser('coordinator');
const council = demoUser('council');

describe('an amendment to a memorandum in force', () => {
  let coordinatorPage: Page;
  let councilPage: Page;
  let memorandumUrl = '';
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const active = await createActiveMemorandum();
    memorandumUrl = `${webUrl()}/memoranda/${active.id}`;
    const onPhone = await openBrowser(phone);
    const atDesk = await openBrowser(desktop);
    coordinatorPage = onPhone.page;
    councilPage = atDesk.page;
    closers.push(onPhone.close, atDesk.close);
    await signInAs(coordinatorPage, coordinator.email);
    await signInAs(councilPage, council.email);
  }, 120_000);
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('the coordinator proposes changes on a phone: a longer term and one obligation ended', async () => {
    await coordinatorPage.goto(memorandumUrl);
    await coordinatorPage.getByTestId('amendment-start').click();
    await coordinatorPage.locator('#amendment-summary-uk').waitFor();
    await coordinatorPage.locator('#amendment-summary-uk').fill('Продовжуємо строк дії до кінця 2027 року; документування переходить до іншого партнера.');
    await coordinatorPage.locator('#term-open').click();
    await coordinatorPage.locator('#term-end').fill('2027-12-31');
    await coordinatorPage.locator('#term-end').press('Escape');
    const ended = coordinatorPage.locator('fieldset').filter({ has: coordinatorPage.locator('#obligation-c5-uk') });
    await ended.getByRole('button', { name: 'Вилучити' }).last().click();
    await screenshot(coordinatorPage, 'amendment-editor-phone', { fullPage: false });
    await coordinatorPage.getByTestId('memorandum-save').click();
    const changes = coordinatorPage.getByTestId('amendment-changes');
    await changes.getByText('2027-12-31').first().waitFor();
    await expect(changes.textContent()).resolves.toContain('Сприяє документуванню воєнних злочинів');
    await coordinatorPage.getByTestId('amendment-submit').click();
    await coordinatorPage.getByTestId('amendment-status').filter({ hasText: 'На погодженні' }).waitFor();
    // The agreement in force is unchanged meanwhile.
    await expect(coordinatorPage.getByTestId('memorandum-status').textContent()).resolves.toContain('Діє');
    await coordinatorPage.waitForLoadState('networkidle');
    await coordinatorPage.getByTestId('amendment-current').scrollIntoViewIfNeeded();
    await screenshot(coordinatorPage, 'amendment-in-review-phone', { fullPage: false });
    expect(await seriousViolations(coordinatorPage)).toEqual([]);
    const overflow = await coordinatorPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('the council returns it with a comment on the term; the coordinator sees it and sends it again', async () => {
    await councilPage.goto(memorandumUrl);
    await councilPage.getByTestId('amendment-return').click();
    await councilPage.locator('#return-anchor').click();
    await councilPage.getByRole('option', { name: 'Строк дії' }).click();
    await councilPage.locator('#return-comment').fill('Погоджуємо продовження, але просимо зазначити підставу в описі змін.');
    await councilPage.getByTestId('memorandum-return-send').click();
    await councilPage.getByTestId('amendment-status').filter({ hasText: 'Чернетка' }).waitFor();
    await coordinatorPage.goto(memorandumUrl);
    await coordinatorPage.getByTestId('amendment-current').getByText('просимо зазначити підставу').waitFor();
    await coordinatorPage.getByTestId('amendment-submit').click();
    await coordinatorPage.getByTestId('amendment-status').filter({ hasText: 'На погодженні' }).waitFor();
  });

  it('both parties approve; the council officer signs the amendment\'s text, then the coordinator', async () => {
    await councilPage.goto(memorandumUrl);
    await councilPage.getByTestId('amendment-approve').click();
    await councilPage.getByText('Угоду № 1 погоджено.').first().waitFor();
    await coordinatorPage.goto(memorandumUrl);
    await coordinatorPage.getByTestId('amendment-approve').click();
    await coordinatorPage.getByTestId('amendment-status').filter({ hasText: 'Погоджено — на підписанні' }).waitFor();

    await councilPage.goto(memorandumUrl);
    await councilPage.getByTestId('amendment-sign').click();
    await councilPage.getByRole('dialog', { name: 'Підписати додаткову угоду № 1' }).waitFor();
    await councilPage.getByTestId('sign-hash').waitFor();
    await councilPage.locator('#sign-confirm').check();
    await screenshot(councilPage, 'amendment-signing-dialog', { fullPage: false });
    await councilPage.getByTestId('sign-submit').click();
    await councilPage.getByText('Підписано.').first().waitFor();

    await coordinatorPage.goto(memorandumUrl);
    await coordinatorPage.getByTestId('amendment-sign').click();
    await coordinatorPage.locator('#sign-confirm').check();
    await coordinatorPage.getByTestId('sign-submit').click();
    await coordinatorPage.getByTestId('agreement-history').getByText('Набрала чинності').waitFor();
  });

  it('the memorandum now reads as amended, with its history and each version\'s documents', async () => {
    await councilPage.goto(memorandumUrl);
    const history = councilPage.getByTestId('agreement-history');
    await history.getByText('Набрала чинності').waitFor();
    await expect(councilPage.getByText('з 2026-01-15 до 2027-12-31').count()).resolves.toBeGreaterThan(0);
    await expect(councilPage.getByText('Сприяє документуванню воєнних злочинів').count()).resolves.toBe(0);
    const download = councilPage.waitForEvent('download');
    await councilPage.getByTestId('amendment-1-final').click();
    expect((await download).suggestedFilename()).toMatch(/-amendment-1-final\.pdf$/);
    await councilPage.waitForLoadState('networkidle');
    await screenshot(councilPage, 'amendment-in-force-desktop');
    expect(await seriousViolations(councilPage)).toEqual([]);
  });
});
