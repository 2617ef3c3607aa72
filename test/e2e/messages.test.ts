import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoOrganisations } from '../../infra/local/seed.js';
import { demoUser } from '../support/api.js';
import { openBrowser, phone, signInAs, webUrl } from '../support/browser.js';
import { startCouncilReport } from '../support/reports.js';

/**
 * Every message in the user's language: the editors are sent empty and invalid
 * input in the Ukrainian UI, and every field error, alert and toast that appears
 * must be Ukrainian — no word in Latin script (what the user typed is not shown
 * in messages; "https://" and file types are allowed).
 */
const shownMessages = async (page: Page): Promise<string[]> => {
  await page.locator('.field .error, .p-toast-message, [role="alert"]').first().waitFor();
  // Let the refusal land completely (toasts follow field errors).
  await page.waitForTimeout(300);
  return page.locator('.field .error, .p-toast-message-text, [role="alert"]').evaluateAll((elements) =>
    elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => element.textContent?.trim() ?? '').filter((text) => text !== ''));
};
const allowed = /https:\/\/|\b(?:PDF|JPG|PNG|CSV|XLSX|ODS|DOCX|ODT|PPTX|ODP|ISO|URL|EDRPOU|UA|EUR)\b|[A-Z]-\d+|\d{4}-Q\d/g;
const latin = (messages: string[]) => messages.filter((message) => /[A-Za-z]{2,}/.test(message.replace(allowed, '')));

describe('every message in Ukrainian', () => {
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, close } = await openBrowser(phone));
    await signInAs(page, demoUser('coordinator').email);
  });
  afterAll(async () => close());

  it('the organisation dialog, empty and then with a bad email, phone and website', async () => {
    await page.goto(`${webUrl()}/organisations`);
    await page.getByTestId('organisation-new').click();
    await page.getByTestId('organisation-save').click();
    const empty = await shownMessages(page);
    expect(empty.length).toBeGreaterThan(0);
    expect(latin(empty)).toEqual([]);
    await page.locator('#org-name-uk').fill('Організація');
    await page.locator('#org-email').fill('not-an-email');
    await page.locator('#org-phone').fill('call me');
    await page.locator('#org-website').fill('http://example.org');
    await page.getByTestId('organisation-save').click();
    const invalid = await shownMessages(page);
    expect(invalid.join(' ')).toMatch(/пошти|телефону|https/);
    expect(latin(invalid)).toEqual([]);
  });

  it('the memorandum editor, saved empty', async () => {
    await page.goto(`${webUrl()}/memoranda/new`);
    await page.getByTestId('memorandum-save').click();
    const messages = await shownMessages(page);
    expect(messages.length).toBeGreaterThan(0);
    expect(latin(messages)).toEqual([]);
  });

  it('the programme editor, saved empty', async () => {
    await page.goto(`${webUrl()}/programmes/new`);
    await page.getByTestId('programme-save').click();
    const messages = await shownMessages(page);
    expect(messages.length).toBeGreaterThan(0);
    expect(latin(messages)).toEqual([]);
  });

  it('the invitation of a user, sent empty', async () => {
    await page.goto(`${webUrl()}/organisations/${demoOrganisations.relativesNgo}`);
    await page.getByTestId('user-invite').click();
    await page.locator('.p-dialog').getByRole('button', { name: /Запросити|Надіслати/ }).last().click();
    const messages = await shownMessages(page);
    expect(messages.length).toBeGreaterThan(0);
    expect(latin(messages)).toEqual([]);
  });

  it('a report submitted while it says nothing', async () => {
    const { memorandumId, report } = await startCouncilReport({ start: '2026-07-01', end: '2026-09-30' });
    const council = await openBrowser(phone);
    try {
      await signInAs(council.page, demoUser('council').email);
      await council.page.goto(`${webUrl()}/memoranda/${memorandumId}/reports/${report.id}`);
      await council.page.getByTestId('report-submit').click();
      await council.page.locator('.p-confirmdialog').getByRole('button', { name: 'Подати на розгляд', exact: true }).click();
      const messages = await shownMessages(council.page);
      expect(messages.join(' ')).toContain('Звіт поки порожній');
      expect(latin(messages)).toEqual([]);
    } finally {
      await council.close();
    }
  });
});
