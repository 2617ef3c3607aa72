import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localAccountStore } from '../../functions/users/local-accounts.js';
import { currentCode } from '../../infra/local/totp.js';
import { demoUser, stack } from '../support/api.js';
import { seriousViolations } from '../support/axe.js';
import { openBrowser, phone, screenshot, webUrl } from '../support/browser.js';
import { invitationOf, invite, ownPassword } from '../support/users.js';

/**
 * A coordinator's first sign-in on a phone, in Ukrainian: the invitation's temporary
 * password, a password of their own, then the authenticator app enrolled from the
 * QR code (its key read off the page, as the app would scan it) and confirmed with a code.
 */
describe('a new coordinator\'s second factor', () => {
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ page, close } = await openBrowser(phone));
  });
  afterAll(async () => close());

  it('is enrolled at the first sign-in from the QR code page, which fits the phone and passes axe', async () => {
    const colleague = await invite(demoUser('coordinator'), demoUser('coordinator').orgId, 'coordinator', 'Ірина Бондар');
    const { temporaryPassword } = await invitationOf(colleague.id);

    await page.goto(webUrl());
    await page.waitForURL(/\/interaction\//);
    await page.getByLabel(/^Електронна пошта/).fill(colleague.email);
    await page.getByLabel(/^Пароль/).fill(temporaryPassword);
    await page.getByRole('button', { name: /Увійти/ }).click();
    await page.getByLabel(/^Новий пароль/).fill(ownPassword);
    await page.getByLabel(/^Повторіть пароль/).fill(ownPassword);
    await page.getByRole('button', { name: /Зберегти і увійти/ }).click();

    const qr = page.getByRole('img', { name: /QR-код/ });
    await qr.waitFor();
    await screenshot(page, 'phone-second-factor-enrolment');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    expect(await seriousViolations(page)).toEqual([]);
    const key = (await page.locator('[data-secret]').getAttribute('data-secret')) ?? '';
    expect(key).toMatch(/^[A-Z2-7]{32}$/);

    await page.getByLabel(/Код із застосунку/).fill('000000');
    await page.getByRole('button', { name: /Підтвердити і увійти/ }).click();
    await page.getByRole('alert').filter({ hasText: 'Невірний або прострочений код' }).waitFor();

    await page.getByLabel(/Код із застосунку/).fill(currentCode(key));
    await page.getByRole('button', { name: /Підтвердити і увійти/ }).click();
    await page.waitForURL(`${webUrl()}/`);
    await expect(page.getByTestId('user-name').first().textContent()).resolves.toBe('Ірина Бондар');
    expect((await localAccountStore(stack().accountsFile).findByEmail(colleague.email))?.totpSecret).toBe(key);
  });
});
