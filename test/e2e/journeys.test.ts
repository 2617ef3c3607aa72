import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoProgrammeId, demoUsers } from '../../infra/local/seed.js';
import { openBrowser, screenshot, signInAs, webUrl } from '../support/browser.js';
import { pdfText, renderPdfPages } from '../support/pdf.js';

const coordinator = demoUsers.find((user) => user.role === 'coordinator');
/** Answers the confirmation a step asks for. */
const confirmIn = (page: Page, label: string) => page.locator('.p-confirmdialog').getByRole('button', { name: label, exact: true }).click();
const council = demoUsers.find((user) => user.role === 'council');

describe('coordinator journey', () => {
  let page: Page;
  let close: () => Promise<void>;
  const suffix = crypto.randomUUID().slice(0, 6);

  beforeAll(async () => {
    ({ page, close } = await openBrowser());
  });
  afterAll(async () => close());

  it('signs in through the OpenID provider\'s page with the demo coordinator, password and authenticator code', async () => {
    await page.goto(webUrl());
    await page.waitForURL(/\/interaction\//);
    await screenshot(page, '01-sign-in');
    // The demo coordinator's authenticator app is enrolled with the published demo key: its code is the second factor.
    await signInAs(page, coordinator?.email ?? '', { screenshotCodePage: '01b-sign-in-code' });
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe(coordinator?.name);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Вітаємо');
    await screenshot(page, '02-home-coordinator');
  });

  it('lists the seeded organisations', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Організації', exact: true }).click();
    await page.getByTestId('organisations-table').waitFor();
    await expect(page.getByRole('link', { name: 'Молочанська міська рада Запорізької області' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Кримськотатарський ресурсний центр' }).isVisible()).resolves.toBe(true);
  });

  it('shows the server\'s field errors next to the fields', async () => {
    await page.getByTestId('organisation-new').click();
    await page.locator('#org-name-uk').fill('Я');
    await page.locator('#org-name-en').fill('Test');
    await page.locator('#org-email').fill('not-an-email');
    await page.getByTestId('organisation-save').click();
    await page.getByText('Щонайменше 2 символи', { exact: true }).waitFor();
    await expect(page.getByText('Вкажіть адресу електронної пошти.').isVisible()).resolves.toBe(true);
    await screenshot(page, '03-organisation-form-errors');
  });

  it('creates an organisation and sees it listed', async () => {
    await page.locator('#org-name-uk').fill(`Громадська спілка «Світанок» ${suffix}`);
    await page.locator('#org-name-en').fill(`Svitanok Union ${suffix}`);
    await page.locator('#org-email').fill('info@svitanok.example.org');
    await page.locator('#org-phone').fill('+380 61 123 4567');
    await page.getByTestId('organisation-save').click();
    await page.getByRole('link', { name: `Громадська спілка «Світанок» ${suffix}` }).waitFor();
    await screenshot(page, '04-organisation-created');
  });

  it('edits the organisation it created', async () => {
    await page.getByRole('link', { name: `Громадська спілка «Світанок» ${suffix}` }).click();
    await page.getByTestId('organisation-edit').click();
    await page.locator('#org-address').fill('Запоріжжя, вул. Соборна, 1');
    await page.getByTestId('organisation-save').click();
    await page.getByText('Запоріжжя, вул. Соборна, 1').waitFor();
    await expect(page.getByTestId('organisation-name').textContent()).resolves.toContain('Світанок');
  });

  it('switches the interface to English and back', async () => {
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('navigation').getByRole('link', { name: 'Organisations', exact: true }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByTestId('organisation-name').textContent()).resolves.toContain(`Svitanok Union ${suffix}`);
    await screenshot(page, '05-organisation-english');
    await page.getByTestId('language-switch').getByText('UK').click();
    await page.getByRole('navigation').getByRole('link', { name: 'Організації', exact: true }).waitFor();
  });
});

describe('council journey', () => {
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, close } = await openBrowser());
  });
  afterAll(async () => close());

  it('sees only their own organisation and no management actions', async () => {
    await signInAs(page, council?.email ?? '');
    await expect(page.getByRole('link', { name: 'Організації', exact: true }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Моя організація' }).click();
    await page.getByTestId('organisation-name').waitFor();
    await expect(page.getByTestId('organisation-name').textContent()).resolves.toBe('Молочанська міська рада Запорізької області');
    await expect(page.getByTestId('organisation-edit').count()).resolves.toBe(0);
    await expect(page.getByTestId('user-invite').count()).resolves.toBe(0);
    await screenshot(page, '06-council-own-organisation');
  });

  it('gets "not found" for another organisation\'s page', async () => {
    await page.goto(`${webUrl()}/organisations/01J00000000000000000000005`);
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('не знайдено');
  });
});

describe('memorandum journey', () => {
  let coordinatorPage: Page;
  let councilPage: Page;
  const closers: (() => Promise<void>)[] = [];
  const memorandumUrl = () => `${webUrl()}/memoranda/01J00000000000000000000201`;

  beforeAll(async () => {
    const first = await openBrowser();
    const second = await openBrowser();
    coordinatorPage = first.page;
    councilPage = second.page;
    closers.push(first.close, second.close);
    await signInAs(coordinatorPage, coordinator?.email ?? '');
    await signInAs(councilPage, council?.email ?? '');
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('the coordinator edits the seeded draft of the real memorandum and submits it', async () => {
    await coordinatorPage.getByRole('navigation').getByRole('link', { name: 'Меморандуми' }).click();
    await coordinatorPage.getByTestId('memoranda-table').waitFor();
    await coordinatorPage.goto(memorandumUrl());
    await coordinatorPage.getByTestId('memorandum-edit').click();
    await coordinatorPage.locator('#title-uk').waitFor();
    await coordinatorPage.locator('#purposes-0-uk').fill('Сприяти звільненню громадян України, незаконно позбавлених особистої свободи');
    await screenshot(coordinatorPage, '07-memorandum-editor');
    await coordinatorPage.getByTestId('memorandum-save').click();
    await coordinatorPage.getByTestId('memorandum-title').waitFor();
    await coordinatorPage.getByTestId('memorandum-submit').click();
    await confirmIn(coordinatorPage, 'Надіслати на погодження');
    await coordinatorPage.getByTestId('memorandum-status').filter({ hasText: 'На погодженні' }).waitFor();
  });

  it('the council officer returns it with a comment about one obligation', async () => {
    await councilPage.goto(memorandumUrl());
    await councilPage.getByTestId('memorandum-return').click();
    await councilPage.locator('#return-comment').fill('Просимо уточнити строки проведення пресконференцій.');
    await councilPage.getByTestId('memorandum-return-send').click();
    await councilPage.getByTestId('memorandum-status').filter({ hasText: 'Чернетка' }).waitFor();
  });

  it('the coordinator sees the comment, edits, compares revisions and resubmits', async () => {
    await coordinatorPage.goto(memorandumUrl());
    await coordinatorPage.getByText('Просимо уточнити строки проведення пресконференцій.').waitFor();
    await coordinatorPage.getByTestId('memorandum-edit').click();
    await coordinatorPage.locator('#areas-0-uk').waitFor();
    await coordinatorPage.locator('#areas-0-uk').fill('Спільні дії задля звільнення незаконно позбавлених волі цивільних громадян України');
    await coordinatorPage.getByTestId('memorandum-save').click();
    await coordinatorPage.getByTestId('memorandum-compare').click();
    await coordinatorPage.getByTestId('revision-diff').getByText('Спільні дії задля звільнення').waitFor();
    await screenshot(coordinatorPage, '08-memorandum-diff');
    await coordinatorPage.getByTestId('memorandum-submit').click();
    await confirmIn(coordinatorPage, 'Надіслати на погодження');
    await coordinatorPage.getByTestId('memorandum-status').filter({ hasText: 'На погодженні' }).waitFor();
  });

  it('both parties approve, and the audit trail verifies', async () => {
    await councilPage.goto(memorandumUrl());
    await councilPage.getByTestId('memorandum-approve').click();
    await councilPage.getByText('Погоджено.').first().waitFor();
    await coordinatorPage.goto(memorandumUrl());
    await coordinatorPage.getByTestId('memorandum-approve').click();
    await coordinatorPage.getByTestId('memorandum-status').getByText('Погоджено').waitFor();
    // The renderer makes the final text off the request path: the page says so, then offers it (and signing) once stored.
    await coordinatorPage.locator('[data-testid="document-preparing"], [data-testid="memorandum-documents"]').first().waitFor();
    if (await coordinatorPage.getByTestId('document-preparing').isVisible()) await screenshot(coordinatorPage, '09a-final-text-preparing', { fullPage: false });
    await coordinatorPage.getByTestId('download-final').waitFor();
    await expect(coordinatorPage.getByTestId('document-preparing').count()).resolves.toBe(0);
    await coordinatorPage.getByTestId('memorandum-verify').click();
    await expect(coordinatorPage.getByTestId('memorandum-verification').textContent()).resolves.toContain('Журнал цілісний');
    await screenshot(coordinatorPage, '09-memorandum-approved');
  });

  it('both signatories sign the hash they were shown, and the certificate downloads', async () => {
    await councilPage.goto(memorandumUrl());
    await councilPage.getByTestId('memorandum-sign').click();
    await councilPage.getByTestId('sign-hash').waitFor();
    await expect(councilPage.locator('#sign-name').inputValue()).resolves.toBe(council?.name);
    await councilPage.locator('#sign-confirm').check();
    await screenshot(councilPage, '10-signing-dialog');
    await councilPage.getByTestId('sign-submit').click();
    await councilPage.getByText('Підписано.').first().waitFor();

    await coordinatorPage.goto(memorandumUrl());
    await coordinatorPage.getByTestId('memorandum-sign').click();
    await coordinatorPage.locator('#sign-confirm').check();
    await coordinatorPage.getByTestId('sign-submit').click();
    await coordinatorPage.getByTestId('memorandum-status').filter({ hasText: 'Діє' }).waitFor();
    await coordinatorPage.getByTestId('download-certificate').waitFor();
    await screenshot(coordinatorPage, '11-memorandum-signed');
    const download = coordinatorPage.waitForEvent('download');
    await coordinatorPage.getByTestId('download-certificate').click();
    expect((await download).suggestedFilename()).toBe('pakt-01J00000000000000000000201-certificate.pdf');
  });

  it('the council attaches its qualified e-signature file, shown as attached and not verified', async () => {
    await councilPage.goto(memorandumUrl());
    await councilPage.getByTestId('attach-file').setInputFiles({ name: 'memorandum-signed.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% signed with a qualified e-signature\n%%EOF\n') });
    await councilPage.getByTestId('attachments').getByText('memorandum-signed.pdf').waitFor();
    await expect(councilPage.getByTestId('attachments').textContent()).resolves.toContain('прикріплено, не перевірено');
    await screenshot(councilPage, '12-attached-signed-file');
  });

  it('the council sees its five commitments from the signed memorandum', async () => {
    await councilPage.getByRole('navigation').getByRole('link', { name: 'Мої зобов’язання' }).click();
    await councilPage.getByTestId('commitments-table').waitFor();
    // Other tests may have signed memoranda with the council too: count this memorandum's rows.
    const rows = councilPage.getByTestId('commitments-table').locator('tbody tr').filter({ has: councilPage.locator('a[href="/memoranda/01J00000000000000000000201"]') });
    await rows.getByText('Організовує пресконференції, брифінги для медіа').waitFor();
    await expect(rows.count()).resolves.toBe(5);
    await screenshot(councilPage, '14-my-commitments');
  });

  it('the council fills a quarterly report with an indicator actual and an evidence file, watching the upload progress, and submits it', async () => {
    await councilPage.goto(memorandumUrl());
    await councilPage.getByTestId('period-other').check();
    await councilPage.locator('#report-start').fill('2026-01-15');
    await councilPage.locator('#report-start').press('Escape');
    await councilPage.locator('#report-end').fill('2026-03-31');
    await councilPage.locator('#report-end').press('Escape');
    await councilPage.getByTestId('report-start-button').click();
    await councilPage.getByTestId('report-status').waitFor();
    await councilPage.locator('#entry-1-percent').fill('60');
    await councilPage.locator('#entry-1-narrative').fill('Проведено дві пресконференції про незаконно позбавлених волі.');
    await councilPage.locator('#entry-1-indicator-0').fill('2');

    // A slow uplink, so that the progress bar is there to be seen (the local S3 answers at once).
    const network = await councilPage.context().newCDPSession(councilPage);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 });
    const scan = Buffer.concat([Buffer.from('%PDF-1.7\n% протокол пресконференції\n'), Buffer.alloc(1536 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
    await councilPage.getByTestId('evidence-input-c2').setInputFiles({ name: 'пресконференція-12-02.pdf', mimeType: 'application/pdf', buffer: scan });
    await councilPage.getByTestId('evidence-progress').waitFor();
    await screenshot(councilPage, '15-report-evidence-uploading');
    await councilPage.getByTestId('entry-c2').getByRole('button', { name: 'пресконференція-12-02.pdf', exact: true }).waitFor({ timeout: 30_000 });
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    // A file that is not evidence is refused before any upload, with the reason.
    await councilPage.getByTestId('evidence-input-c2').setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await councilPage.getByText('Цей тип файлу не приймається як підтвердження').waitFor();
    await screenshot(councilPage, '16-report-form');
    await councilPage.getByTestId('report-submit').click();
    await confirmIn(councilPage, 'Подати на розгляд');
    await councilPage.getByTestId('report-status').filter({ hasText: 'Подано' }).waitFor();
  });

  it('the coordinator returns it with a comment on the entry; the council sees it, corrects and resubmits', async () => {
    await coordinatorPage.goto(`${webUrl()}/reviews`);
    // The queue says who reported on which memorandum, what it covers and since when.
    const firstQuarter = coordinatorPage.locator('a[data-testid="review-open"][href*="01J00000000000000000000201/reports/2026-01-15"]');
    const row = coordinatorPage.getByTestId('review-queue').locator('tr').filter({ has: firstQuarter });
    await row.getByText('Молочанська міська рада Запорізької області').waitFor();
    await expect(row.textContent()).resolves.toMatch(/Меморандум про співпрацю.*2026.*\d+ з 5/);
    await screenshot(coordinatorPage, '16b-review-queue');
    await firstQuarter.click();
    await coordinatorPage.getByTestId('entry-c2').getByRole('button', { name: 'пресконференція-12-02.pdf', exact: true }).waitFor();
    await coordinatorPage.locator('#entry-1-comment').fill('Вкажіть дати обох пресконференцій.');
    await coordinatorPage.getByTestId('report-return').click();
    await coordinatorPage.getByTestId('report-status').filter({ hasText: 'Повернуто' }).waitFor();

    await councilPage.reload();
    await councilPage.getByText('Вкажіть дати обох пресконференцій.').first().waitFor();
    await councilPage.locator('#entry-1-percent').fill('70');
    await councilPage.locator('#entry-1-narrative').fill('Пресконференції 12.02 та 20.03: про незаконно позбавлених волі.');
    await screenshot(councilPage, '17-report-returned');
    await councilPage.getByTestId('report-submit').click();
    await confirmIn(councilPage, 'Подати на розгляд');
    await councilPage.getByTestId('report-status').filter({ hasText: 'Подано' }).waitFor();
  });

  it('the coordinator accepts the resubmission, the history shows every step, and the commitments show the new progress', async () => {
    await coordinatorPage.reload();
    await coordinatorPage.getByTestId('report-accept').click();
    await confirmIn(coordinatorPage, 'Прийняти');
    await coordinatorPage.getByTestId('report-status').filter({ hasText: 'Прийнято' }).waitFor();
    await expect(coordinatorPage.getByTestId('report-history').locator('.p-timeline-event').count()).resolves.toBe(4);
    await screenshot(coordinatorPage, '18-report-accepted-history');

    await councilPage.goto(`${webUrl()}/commitments`);
    await councilPage.getByTestId('commitments-table').locator('[aria-label="70%"]').waitFor();
    await screenshot(councilPage, '19-commitments-progress');
    // "Report" on a commitment opens its memorandum with the period the next report is due for.
    const reportLink = councilPage.getByTestId('commitments-table').locator('a[data-testid^="report-"]').first();
    const href = new URL((await reportLink.getAttribute('href')) ?? '', webUrl());
    const due = [href.href, href.searchParams.get('reportFrom') ?? '', href.searchParams.get('reportTo') ?? ''];
    expect(await reportLink.textContent()).toMatch(/Звітувати за \d{1,2} \S+/);
    await reportLink.click();
    await councilPage.waitForURL(/reportFrom=/);
    // The period it is due for is offered and chosen: no dates to type.
    const chosen = await councilPage.locator('input[name="report-period"]:checked:not([value="other"])').getAttribute('value');
    const [chosenStart = '', chosenEnd = ''] = (chosen ?? '').split('/');
    expect(chosenEnd).toBe(due?.[2]);
    expect(chosenStart >= (due?.[1] ?? '')).toBe(true);
    await screenshot(councilPage, '19b-report-prefilled', { fullPage: false });
  });

  it('the next quarter is reviewed beside the accepted one, and the memorandum shows its reports over time', async () => {
    await councilPage.goto(memorandumUrl());
    // The quarter after the accepted one is offered as due: chosen, not typed.
    await councilPage.getByTestId('period-2026-04-01/2026-06-30').check();
    await councilPage.getByTestId('report-start-button').click();
    await councilPage.getByTestId('report-status').waitFor();
    await councilPage.locator('#entry-1-percent').fill('90');
    await councilPage.locator('#entry-1-indicator-0').fill('5');
    await councilPage.getByTestId('report-submit').click();
    await confirmIn(councilPage, 'Подати на розгляд');
    await councilPage.getByTestId('report-status').filter({ hasText: 'Подано' }).waitFor();

    await coordinatorPage.goto(`${webUrl()}/reviews`);
    await coordinatorPage.getByTestId('review-queue').locator('a[data-testid="review-open"][href*="01J00000000000000000000201/reports/2026-04-01"]').click();
    await coordinatorPage.getByTestId('previous-report').filter({ hasText: '2026-01-15 — 2026-03-31' }).waitFor();
    await coordinatorPage.getByTestId('entry-c2').locator('aside').getByText('70 %').waitFor();
    await screenshot(coordinatorPage, '20-report-beside-previous');

    await coordinatorPage.goto(memorandumUrl());
    await coordinatorPage.getByTestId('report-timeline').waitFor();
    await expect(coordinatorPage.getByTestId('report-timeline').locator('.p-timeline-event').count()).resolves.toBe(2);
    await coordinatorPage.getByTestId('obligation-progress').scrollIntoViewIfNeeded();
    await screenshot(coordinatorPage, '21-memorandum-reports-timeline');
  });
});

describe('drafting from scratch', () => {
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, close } = await openBrowser());
    await signInAs(page, coordinator?.email ?? '');
  });
  afterAll(async () => close());

  it('the coordinator drafts a new memorandum with a partner, a purpose and an obligation', async () => {
    await page.goto(`${webUrl()}/memoranda`);
    await page.getByTestId('memorandum-new').click();
    await page.locator('#title-uk').waitFor();
    await page.locator('#title-uk').fill('Меморандум про правову солідарність');
    await page.locator('#title-en').fill('Memorandum on legal solidarity');
    await page.locator('#party-0-role-uk').fill('Громадська організація');
    await page.locator('#party-1-org').click();
    await page.getByRole('option', { name: 'Кримськотатарський ресурсний центр' }).click();
    await page.locator('#party-1-role-uk').fill('Ресурсний центр');
    await page.getByRole('button', { name: 'Додати мету' }).click();
    await page.locator('#purposes-0-uk').fill('Сприяти міжнародному руху солідарності');
    await page.getByRole('button', { name: 'Додати зобов’язання' }).last().click();
    await page.locator('textarea[id^="obligation-"][id$="-uk"]').first().fill('Проводить семінари та тренінги для мережі активістів');
    await screenshot(page, '13-memorandum-new');
    await page.getByTestId('memorandum-save').click();
    await page.getByTestId('memorandum-title').filter({ hasText: 'Меморандум про правову солідарність' }).waitFor();
    await expect(page.getByText('Проводить семінари та тренінги для мережі активістів').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('memorandum-status').textContent()).resolves.toBe('Чернетка');
  });

  it('shows the emails the system sent, locally', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Пошта (dev)' }).click();
    await page.getByText('меморандум чекає на ваше погодження').first().waitFor();
  });
});

describe('programme journey', () => {
  let coordinatorPage: Page;
  let funderPage: Page;
  const closers: (() => Promise<void>)[] = [];
  const funder = demoUsers.find((user) => user.role === 'funder');
  const title = `Правова солідарність ${crypto.randomUUID().slice(0, 4)}`;

  beforeAll(async () => {
    const first = await openBrowser();
    const second = await openBrowser();
    coordinatorPage = first.page;
    funderPage = second.page;
    closers.push(first.close, second.close);
    await signInAs(coordinatorPage, coordinator?.email ?? '');
    await signInAs(funderPage, funder?.email ?? '');
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('the coordinator creates a programme with a funder and an indicator', async () => {
    await coordinatorPage.goto(`${webUrl()}/programmes`);
    await coordinatorPage.getByTestId('programme-new').click();
    await coordinatorPage.locator('#programme-title-uk').fill(title);
    await coordinatorPage.locator('#programme-title-en').fill('Legal solidarity with the Crimean Tatar people');
    await coordinatorPage.locator('#programme-start').fill('2026-01-01');
    await coordinatorPage.locator('#programme-start').press('Escape');
    await coordinatorPage.locator('#programme-end').fill('2027-06-30');
    await coordinatorPage.locator('#programme-end').press('Escape');
    await coordinatorPage.getByTestId('programme-funders').click();
    await coordinatorPage.getByRole('option', { name: 'Фонд правової солідарності (демо)' }).click();
    await coordinatorPage.keyboard.press('Escape');
    await coordinatorPage.locator('#programme-amount').fill('180000');
    await coordinatorPage.getByTestId('add-outcome').click();
    await coordinatorPage.locator('#outcome-0-uk').fill('Започатковано міжнародний рух правової солідарності');
    await coordinatorPage.getByTestId('outcome-0-add-indicator').click();
    await coordinatorPage.locator('#outcome-0-indicator-0-uk').fill('Навчені активісти');
    await coordinatorPage.locator('#outcome-0-indicator-0-unit').fill('осіб');
    await coordinatorPage.locator('#outcome-0-indicator-0-target').fill('200');
    await screenshot(coordinatorPage, '22-programme-editor');
    await coordinatorPage.getByTestId('programme-save').click();
    await coordinatorPage.getByRole('heading', { name: title }).waitFor();
  });

  it('plans a seminar in the calendar and records assistance; the dashboard counts them', async () => {
    await coordinatorPage.getByTestId('tab-calendar').click();
    // The tabs follow the arrow keys, as the ARIA tabs pattern has them.
    await coordinatorPage.getByTestId('tab-calendar').press('ArrowRight');
    await coordinatorPage.locator('[data-testid="tab-assistance"][aria-selected="true"]:focus').waitFor();
    await coordinatorPage.getByTestId('tab-assistance').press('ArrowLeft');
    await coordinatorPage.locator('[data-testid="tab-calendar"][aria-selected="true"]:focus').waitFor();
    await coordinatorPage.getByTestId('activity-add').click();
    await coordinatorPage.locator('#activity-title-uk').fill('Семінар для мережі активістів');
    await coordinatorPage.locator('#activity-date').fill('2026-11-20');
    await coordinatorPage.locator('#activity-date').press('Escape');
    await coordinatorPage.locator('#activity-start').fill('10:00');
    await coordinatorPage.locator('#activity-country').fill('EE');
    await coordinatorPage.locator('#activity-city').fill('Таллінн');
    await coordinatorPage.getByTestId('activity-save').click();
    await coordinatorPage.getByTestId('calendar-grid').getByText('Семінар для мережі активістів').waitFor();
    await screenshot(coordinatorPage, '23-programme-calendar');

    await coordinatorPage.getByTestId('tab-assistance').click();
    await coordinatorPage.locator('#tally-month').fill('2026-10');
    await coordinatorPage.locator('#tally-people').fill('12');
    await coordinatorPage.locator('#tally-families').fill('7');
    await coordinatorPage.getByTestId('tally-save').click();
    await coordinatorPage.getByTestId('tally-table').getByText('2026-10').waitFor();

    await coordinatorPage.getByTestId('tab-network').click();
    await coordinatorPage.locator('#member-name').fill('Айше Сеітова');
    await coordinatorPage.locator('#member-country').fill('DE');
    await coordinatorPage.locator('#member-city').fill('München');
    await coordinatorPage.getByTestId('member-save').click();
    await coordinatorPage.getByTestId('member-table').getByText('Айше Сеітова').waitFor();
    await coordinatorPage.getByRole('button', { name: 'Змінити: Айше Сеітова' }).click();
    await coordinatorPage.locator('#member-city').fill('Berlin');
    await coordinatorPage.getByTestId('member-save').click();
    await coordinatorPage.getByTestId('member-table').getByText('Berlin').waitFor();
    await screenshot(coordinatorPage, '23b-programme-network');
  });

  it('records the seminar as held, marks who of the network came (counted in the attendance) and attaches its programme', async () => {
    await coordinatorPage.getByTestId('tab-calendar').click();
    await coordinatorPage.getByTestId('calendar-grid').getByText('Семінар для мережі активістів').click();
    await coordinatorPage.locator('#activity-status').click();
    await coordinatorPage.getByRole('option', { name: 'Проведено' }).click();
    await coordinatorPage.locator('#activity-attended').fill('8');
    await coordinatorPage.getByTestId('activity-save').click();
    await coordinatorPage.getByTestId('activity-form').waitFor({ state: 'detached' });

    await coordinatorPage.getByTestId('calendar-grid').getByText('Семінар для мережі активістів').click();
    await coordinatorPage.getByTestId('tab-participants').click();
    const row = coordinatorPage.getByTestId('activity-participants').getByRole('row', { name: /Айше Сеітова Berlin/ });
    await row.getByText('Був(-ла)').click();
    await coordinatorPage.getByTestId('participants-save').click();
    await coordinatorPage.getByText('Учасників збережено.').waitFor();
    await expect(coordinatorPage.getByTestId('participants-summary').textContent()).resolves.toBe('Усього учасників: 9 (1 з мережі + 8 інших)');
    await expect(coordinatorPage.getByTestId('tab-participants').textContent()).resolves.toContain('1');
    await screenshot(coordinatorPage, '23d-activity-participants');

    await coordinatorPage.getByTestId('tab-materials').click();
    await coordinatorPage.getByTestId('material-input').setInputFiles({ name: 'програма-семінару.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n') });
    await coordinatorPage.getByTestId('activity-materials').getByRole('button', { name: 'програма-семінару.pdf', exact: true }).waitFor();
    await coordinatorPage.getByText('Додано: програма-семінару.pdf.').waitFor();
    await screenshot(coordinatorPage, '23e-activity-materials');
    await coordinatorPage.getByTestId('tab-participants').click();
    await coordinatorPage.getByRole('tab', { name: 'Відомості' }).click();
    await expect(coordinatorPage.locator('#activity-attended').inputValue()).resolves.toBe('8');
    await coordinatorPage.keyboard.press('Escape');
  });

  it('the coordinator lets an indicator of the demo programme take actuals from the linked memorandum\'s council reports', async () => {
    await coordinatorPage.goto(`${webUrl()}/programmes/${demoProgrammeId}/edit`);
    // The resource centre leads the demo programme: who implements or funds it is not the NGO's to change.
    await expect(coordinatorPage.getByTestId('programme-lead-only').textContent()).resolves.toContain('Кримськотатарський ресурсний центр');
    await expect(coordinatorPage.locator('#programme-implementers').isDisabled()).resolves.toBe(true);
    await coordinatorPage.locator('#outcome-0-indicator-0-source').click();
    await coordinatorPage.getByRole('option', { name: /Пресконференції та публічні заходи/ }).click();
    await screenshot(coordinatorPage, '23c-indicator-source');
    await coordinatorPage.getByTestId('programme-save').click();
    await coordinatorPage.getByTestId('programme-dashboard').waitFor();
    await expect(coordinatorPage.getByTestId('programme-lead').textContent()).resolves.toContain('Кримськотатарський ресурсний центр');
    await coordinatorPage.getByTestId('programme-leave').waitFor();
  });

  it('the funder sees the dashboard of the programme they fund, with charts and small counts hidden', async () => {
    await funderPage.goto(`${webUrl()}/programmes`);
    await funderPage.getByTestId('programmes-table').getByText('Започаткування руху правової солідарності').click();
    await funderPage.getByTestId('programme-dashboard').waitFor();
    // Every chart is drawn once scrolled to: activities by month, assistance over time, and one per indicator with actuals (three in the demo).
    const charts = funderPage.locator('[data-testid="programme-dashboard"] canvas');
    for (let index = 0; index < (await charts.count()); index += 1) await charts.nth(index).scrollIntoViewIfNeeded();
    await funderPage.waitForFunction(() => document.querySelectorAll('[data-testid="programme-dashboard"] canvas[style*="display: block"]').length === 5);
    await funderPage.evaluate(() => window.scrollTo(0, 0));
    await expect(funderPage.getByTestId('activities-held').textContent()).resolves.toBe('4');
    await funderPage.getByTestId('suppression-note').waitFor();
    await expect(funderPage.getByTestId('suppression-note').textContent()).resolves.toContain('меншу за 5');
    await expect(funderPage.getByTestId('tab-calendar').count()).resolves.toBe(0);
    // The network as counts by country; no name anywhere on the page.
    await funderPage.getByTestId('network-summary').getByText('TR').waitFor();
    await expect(funderPage.locator('body').textContent()).resolves.not.toContain('Айше');
    await screenshot(funderPage, '24-funder-dashboard');
  });

  it('the funder downloads the assistance CSV: Cyrillic behind a BOM, small counts hidden', async () => {
    // Asked for, the file is made off the request path; its row offers the download when ready.
    await funderPage.getByTestId('export-assistance.csv').click();
    await funderPage.locator('[data-testid="export-job-assistance.csv"][data-status="done"]').waitFor({ timeout: 30_000 });
    const [file] = await Promise.all([funderPage.waitForEvent('download'), funderPage.getByTestId('export-download-assistance.csv').click()]);
    expect(file.suggestedFilename()).toMatch(/^programme-[0-9A-Z]{26}-assistance\.csv$/);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Квартал / Quarter');
    expect(text).toContain('2026-Q1,psychological,<5,<5');
  });

  it('the funder downloads the progress report PDF for the first half-year', async () => {
    await funderPage.locator('#report-from').fill('2026-01-01');
    await funderPage.locator('#report-to').fill('2026-06-30');
    await funderPage.getByTestId('export-report.pdf').click();
    // The page shows the report being prepared, with its progress, and stays usable meanwhile.
    const row = funderPage.getByTestId('export-job-report.pdf');
    await row.getByRole('progressbar').waitFor();
    await expect(row.textContent()).resolves.toContain('2026-01-01 — 2026-06-30');
    await screenshot(funderPage, '25-funder-report-preparing', { fullPage: false });
    await expect(funderPage.getByTestId('activities-held').textContent()).resolves.toBe('4');
    await funderPage.locator('[data-testid="export-job-report.pdf"][data-status="done"]').waitFor({ timeout: 60_000 });
    const [file] = await Promise.all([funderPage.waitForEvent('download'), funderPage.getByTestId('export-download-report.pdf').click()]);
    expect(file.suggestedFilename()).toMatch(/report-2026-01-01-2026-06-30\.pdf$/);
    const saved = join(mkdtempSync(join(tmpdir(), 'pakt-e2e-')), 'report.pdf');
    await file.saveAs(saved);
    const bytes = new Uint8Array(readFileSync(saved));
    const text = pdfText(bytes);
    expect(text).toContain('ЗВІТ ПРО ХІД ВИКОНАННЯ ПРОГРАМИ');
    expect(text).toContain('Фонд правової солідарності (демо)');
    await renderPdfPages(bytes, '25-funder-report-pdf', { dpi: 70 });
  });
});
