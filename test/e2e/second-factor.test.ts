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
 * password, a password of their own; then Pakt opens nothing but the enrolment of an
 * authenticator app (QR code and key, its key read off the page as the app would scan
 * it), confirmed with a code; then the coordinator works, and the next sign-in asks
 * for the app's code on the provider's page.
 */
describe('a new coordinator\'s second factor', () => {
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ page, close } = await openBrowser(phone));
  });
  afterAll(async () => close());

  it('is enrolled in Pakt before anything else opens, on a screen that fits the phone and passes axe, and asked for at the next sign-in', async () => {
    const colleague = await invite(demoUser('coordinator'), demoUser('coordinator').orgId, 'coordinator', 'Ірина Бондар');
    const { temporaryPassword } = await invitationOf(colleague.id);

    await page.goto(`${webUrl()}/memoranda`);
    await page.waitForURL(/\/interaction\//);
    await page.getByLabel(/^Електронна пошта/).fill(colleague.email);
    await page.getByLabel(/^Пароль/).fill(temporaryPassword);
    await page.getByRole('button', { name: /Увійти/ }).click();
    await page.getByLabel(/^Новий пароль/).fill(ownPassword);
    await page.getByLabel(/^Повторіть пароль/).fill(ownPassword);
    await page.getByRole('button', { name: /Зберегти і увійти/ }).click();

    // Back in Pakt: the memoranda wait until the second factor is there.
    await page.waitForURL(/\/account\/second-factor\?returnTo=(%2F|\/)memoranda$/);
    await page.getByRole('heading', { name: 'Вхід із другим фактором' }).waitFor();
    await page.getByTestId('second-factor-start').click();
    const qr = page.getByRole('img', { name: /QR-код/ });
    await qr.waitFor();
    await screenshot(page, 'phone-second-factor-enrolment');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    expect(await seriousViolations(page)).toEqual([]);
    const key = (await page.locator('[data-secret]').getAttribute('data-secret')) ?? '';
    expect(key).toMatch(/^[A-Z2-7]{32}$/);

    // Not six digits, then a wrong code: each said at the field, in Ukrainian.
    await page.getByTestId('second-factor-code').fill('12');
    await page.getByTestId('second-factor-confirm').click();
    await page.getByText('Введіть 6 цифр із застосунку.').waitFor();
    await page.getByTestId('second-factor-code').fill('000000');
    await page.getByTestId('second-factor-confirm').click();
    await page.getByText(/Код не підійшов/).waitFor();
    expect(await page.getByTestId('second-factor-code').getAttribute('aria-invalid')).toBe('true');

    await page.getByTestId('second-factor-code').fill(currentCode(key));
    await page.getByTestId('second-factor-confirm').click();
    await page.getByTestId('second-factor-enrolled').waitFor();
    await screenshot(page, 'phone-second-factor-enrolled', { fullPage: false });
    await page.getByTestId('second-factor-continue').click();
    await page.waitForURL(`${webUrl()}/memoranda`);
    await expect(page.getByTestId('user-name').first().textContent()).resolves.toBe('Ірина Бондар');
    const account = await localAccountStore(stack().accountsFile).findByEmail(colleague.email);
    expect([account?.totpSecret, account?.totpEnabled]).toEqual([key, true]);

    // The account link shows the protection; the next sign-in asks for the code.
    await page.getByTestId('account-link').click();
    await page.getByTestId('second-factor-enrolled').waitFor();
    await page.getByTestId('sign-out').click();
    await page.getByRole('button', { name: /^Вийти/ }).click();
    await page.goto(webUrl());
    await page.waitForURL(/\/interaction\//);
    await page.getByLabel(/^Електронна пошта/).fill(colleague.email);
    await page.getByLabel(/^Пароль/).fill(ownPassword);
    await page.getByRole('button', { name: /Увійти/ }).click();
    await page.getByLabel(/^Код/).fill(currentCode(key));
    await page.getByRole('button', { name: /Підтвердити/ }).click();
    await page.waitForURL(`${webUrl()}/`);
    await page.getByTestId('user-name').first().waitFor();
  });
});
