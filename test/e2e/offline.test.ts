import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Report } from '../../functions/reports/schema.js';
import type { MemorandumEvent } from '../../functions/events/schema.js';
import { call, demoUser } from '../support/api.js';
import { seriousViolations } from '../support/axe.js';
import { builtWebUrl, openBrowser, phone, screenshot, signInAs, signInOnProviderPage } from '../support/browser.js';
import { pressConference } from '../support/events.js';
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

/** Waits until the device keeps the API's answer at `path` (it is written just after the screen shows it). */
const keptOnDevice = async (page: Page, path: string) => {
  await page.waitForFunction(async (wanted) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('pakt-device');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!database.objectStoreNames.contains('responses')) return false;
      const found = await new Promise((resolve) => {
        const request = database.transaction('responses').objectStore('responses').get(wanted);
        request.onsuccess = () => resolve(request.result !== undefined);
        request.onerror = () => resolve(false);
      });
      return found === true;
    } finally {
      database.close();
    }
  }, path);
};

describe('the installable app offline', () => {
  let context: BrowserContext;
  let page: Page;
  let close: () => Promise<void>;
  let memorandumUrl = '';
  let reportUrl = '';
  let started: Awaited<ReturnType<typeof startCouncilReport>>;
  let event: MemorandumEvent;
  const eventTitle = pressConference().title.uk;

  beforeAll(async () => {
    started = await startCouncilReport();
    memorandumUrl = `${builtWebUrl()}/memoranda/${started.memorandumId}`;
    reportUrl = `${memorandumUrl}/reports/${started.report.id}`;
    event = (await call<MemorandumEvent>('POST', `/api/memoranda/${started.memorandumId}/events`, { as: council, body: pressConference() })).body;
    ({ context, page, close } = await openBrowser(phone));
    await signInAs(page, council.email, { web: builtWebUrl() });
    await waitForServiceWorker(page);
  }, 120_000);
  afterAll(async () => {
    await close();
  });

  it('is installable: a manifest with its icons, a service worker controlling the start URL', async () => {
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(manifest.url).toMatch(/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
    await cdp.detach();
  });

  it('opens the home and a memorandum offline, after a reload, saying how old the data is', async () => {
    // Signing in was the one visit: the memoranda in force the council reports on were read onto the device after it.
    await keptOnDevice(page, `/memoranda/${started.memorandumId}`);
    await page.goto(memorandumUrl);
    await page.getByTestId('memorandum-title').waitFor();
    await page.goto(builtWebUrl());
    await page.getByTestId('user-name').waitFor();
    await keptOnDevice(page, '/me');
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

  it('fills a report with an evidence file and records an event\'s attendance with a photo offline; after a reload and a reconnect the server has each exactly once', async () => {
    // One visit online: the report and the memorandum with its events are kept on the device.
    await page.goto(reportUrl);
    await page.locator('#entry-1-narrative').waitFor();
    await keptOnDevice(page, `/memoranda/${started.memorandumId}/reports/${started.report.id}`);
    await page.goto(memorandumUrl);
    await page.getByTestId('memorandum-events').getByText(eventTitle).waitFor();
    await keptOnDevice(page, `/memoranda/${started.memorandumId}/events`);
    await context.setOffline(true);

    await page.goto(reportUrl);
    await page.locator('#entry-1-narrative').fill('Провели пресконференцію в громаді; записано без зв’язку.');
    await page.getByTestId('evidence-input-c2').setInputFiles({ name: 'пресконференція.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n') });
    await page.getByTestId('unsent-file-пресконференція.pdf').waitFor();
    await page.getByTestId('report-save').click();
    await page.getByTestId('unsent-state').getByText('Очікує надсилання').waitFor();
    await screenshot(page, 'offline-report-phone', { fullPage: false });

    await page.goto(memorandumUrl);
    const events = page.getByTestId('memorandum-events');
    await events.getByRole('button', { name: eventTitle }).click();
    await page.locator('#activity-status').click();
    await page.getByRole('option', { name: 'Проведено' }).click();
    await page.locator('#activity-attended').fill('45');
    await page.getByTestId('activity-save').click();
    await page.getByTestId('activity-form').waitFor({ state: 'detached' });
    await events.getByText('учасників: 45').waitFor();
    await events.getByRole('button', { name: eventTitle }).click();
    await page.getByTestId('tab-materials').click();
    await page.getByTestId('material-input').setInputFiles({ name: 'у-дверях.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]) });
    await page.getByTestId('kept-materials').getByText('у-дверях.jpg').waitFor();
    await page.keyboard.press('Escape');
    await events.getByTestId('event-unsent').waitFor();

    // A reload without a connection: the app, the data and the outbox are all still there.
    await page.reload();
    await page.getByTestId('sync-link').click();
    await expect(page.getByTestId('sync-state').allTextContents()).resolves.toEqual(['Очікує надсилання', 'Очікує надсилання']);
    await screenshot(page, 'offline-sync-waiting-phone', { fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    await context.setOffline(false);
    await page.getByTestId('sync-state').filter({ hasText: 'Надіслано' }).nth(1).waitFor();
    await screenshot(page, 'offline-sync-sent-phone', { fullPage: false });

    const report = (await call<Report>('GET', `/api/memoranda/${started.memorandumId}/reports/${started.report.id}`, { as: council })).body;
    const entry = report.entries.find((candidate) => candidate.obligationId === 'c2');
    expect(entry?.narrative).toBe('Провели пресконференцію в громаді; записано без зв’язку.');
    expect(entry?.evidence?.map((file) => file.filename)).toEqual(['пресконференція.pdf']);
    // One save and one file: the report moved exactly twice.
    expect(report.version).toBe(started.report.version + 2);
    const { body: view } = await call<{ reports: { orgId: string }[] }>('GET', `/api/memoranda/${started.memorandumId}`, { as: council });
    expect(view.reports.filter((candidate) => candidate.orgId === council.orgId)).toHaveLength(1);
    const { body: listed } = await call<{ items: MemorandumEvent[] }>('GET', `/api/memoranda/${started.memorandumId}/events`, { as: council });
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ status: 'held', attended: { total: 45 }, version: event.version + 2 });
    expect(listed.items[0]?.materials?.map((file) => file.filename)).toEqual(['у-дверях.jpg']);
  });

  it('a change made offline that meets someone else\'s on the server is shown beside it; the officer sends theirs over it and nothing is lost', async () => {
    const path = `/api/memoranda/${started.memorandumId}/reports/${started.report.id}`;
    await page.goto(reportUrl);
    await page.locator('#entry-1-narrative').waitFor();
    await context.setOffline(true);
    await page.locator('#entry-1-narrative').fill('Версія, написана в селі без зв’язку.');
    await page.getByTestId('report-save').click();
    await page.getByTestId('unsent-change').waitFor();
    // Meanwhile a colleague saves the same entry from the office.
    const current = await call<Report>('GET', path, { as: council });
    const colleague = await call<Report>('PUT', path, {
      as: council, headers: { 'if-match': current.headers.get('etag') ?? '' },
      body: { entries: [{ obligationId: 'c2', status: 'in_progress', percentComplete: 50, narrative: 'Версія колеги з офісу.' }] },
    });
    expect(colleague.status).toBe(200);

    await context.setOffline(false);
    await page.getByTestId('unsent-state').getByText('Потребує уваги').waitFor();
    await page.getByTestId('unsent-change').getByRole('link').click();
    const conflict = page.getByTestId('sync-conflict');
    await conflict.getByText('Версія, написана в селі без зв’язку.').waitFor();
    await conflict.getByText('Версія колеги з офісу.').waitFor();
    await conflict.scrollIntoViewIfNeeded();
    await screenshot(page, 'offline-conflict-phone', { fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.getByTestId('sync-keep-mine').click();
    await page.getByTestId('sync-item-report').filter({ has: page.getByTestId('sync-state').filter({ hasText: 'Надіслано' }) }).nth(1).waitFor();

    const stored = (await call<Report>('GET', path, { as: council })).body;
    expect(stored.entries.find((candidate) => candidate.obligationId === 'c2')).toMatchObject({ narrative: 'Версія, написана в селі без зв’язку.', percentComplete: 0 });
    expect(stored.version).toBe(colleague.body.version + 1);
  });

  it('a session that ended while offline is signed in afresh before anything is sent; the outbox waits for it', async () => {
    await page.goto(reportUrl);
    await page.locator('#entry-1-narrative').waitFor();
    await context.setOffline(true);
    await page.locator('#entry-1-narrative').fill('Дописано після того, як сеанс закінчився.');
    await page.getByTestId('report-save').click();
    await page.getByTestId('unsent-change').waitFor();
    // The access token ran out while offline, and nothing can renew it silently.
    await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:')) ?? '';
      const user = JSON.parse(sessionStorage.getItem(key) ?? '{}') as { expires_at?: number; refresh_token?: string };
      sessionStorage.setItem(key, JSON.stringify({ ...user, expires_at: Math.floor(Date.now() / 1000) - 60, refresh_token: undefined }));
    });
    await context.setOffline(false);
    await page.getByTestId('sync-link').click();
    await page.waitForURL(/\/interaction\/|\/sync$/);
    if (page.url().includes('/interaction/')) await signInOnProviderPage(page, council.email);
    await page.waitForURL(`${builtWebUrl()}/sync`);
    await page.getByTestId('sync-state').filter({ hasText: 'Надіслано' }).nth(3).waitFor();
    const stored = (await call<Report>('GET', `/api/memoranda/${started.memorandumId}/reports/${started.report.id}`, { as: council })).body;
    expect(stored.entries.find((candidate) => candidate.obligationId === 'c2')?.narrative).toBe('Дописано після того, як сеанс закінчився.');
  });

  it('takes a new version on the next move between screens, with the outbox still there', async () => {
    const path = `/api/memoranda/${started.memorandumId}/reports/${started.report.id}`;
    await page.goto(reportUrl);
    await page.locator('#entry-1-narrative').waitFor();
    await context.setOffline(true);
    await page.locator('#entry-1-narrative').fill('Чернетка, що переживе оновлення застосунку.');
    await page.getByTestId('report-save').click();
    await page.getByTestId('unsent-change').waitFor();
    // A colleague's save meanwhile: the change will wait for the officer's choice, across the update.
    const current = await call<Report>('GET', path, { as: council });
    await call<Report>('PUT', path, { as: council, headers: { 'if-match': current.headers.get('etag') ?? '' }, body: { entries: [{ obligationId: 'c2', status: 'in_progress', percentComplete: 60, narrative: 'Ще одна версія з офісу.' }] } });
    await context.setOffline(false);
    await page.getByTestId('unsent-state').getByText('Потребує уваги').waitFor();

    // A deployment: a new service worker script on the server, found by the browser's update check.
    await appendFile(join(inject('builtWebDir'), 'sw.js'), `\n// deployed ${Date.now()}\n`);
    await page.evaluate(async () => {
      (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
      await new Promise<void>((resolve) => {
        const check = () => (registration?.waiting ? resolve() : setTimeout(check, 100));
        check();
      });
    });
    // The person stays on the old version while on this screen; the next screen loads with the new one.
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBe(true);
    await page.getByTestId('menu-toggle').click();
    await page.getByRole('link', { name: 'Меморандуми' }).click();
    await page.waitForFunction(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate === undefined);
    expect(await page.evaluate(async () => ((await navigator.serviceWorker.getRegistration())?.waiting ? 'waiting' : 'active'))).toBe('active');

    await page.getByTestId('sync-link').click();
    await page.getByTestId('sync-conflict').getByText('Чернетка, що переживе оновлення застосунку.').waitFor();
    await page.getByTestId('sync-keep-mine').click();
    await page.getByTestId('sync-state').filter({ hasText: 'Надіслано' }).nth(4).waitFor();
    const stored = (await call<Report>('GET', path, { as: council })).body;
    expect(stored.entries.find((candidate) => candidate.obligationId === 'c2')?.narrative).toBe('Чернетка, що переживе оновлення застосунку.');
  });

  it('signing out leaves nothing of the person on the device', async () => {
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).toContain('pakt-device');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => !url.href.startsWith(`${builtWebUrl()}/sync`));
    await page.goto(`${builtWebUrl()}/manifest.webmanifest`);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).not.toContain('pakt-device');
  });
});
