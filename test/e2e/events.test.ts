import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoOrganisations } from '../../infra/local/seed.js';
import { demoUser } from '../support/api.js';
import { seriousViolations } from '../support/axe.js';
import { desktop, openBrowser, phone, screenshot, signInAs, webUrl } from '../support/browser.js';
import { createActiveMemorandum } from '../support/memoranda.js';
import { createProgramme, programmeContent } from '../support/programmes.js';

/**
 * A council officer on a phone records the press conference the council organises
 * with the NGO under its obligation, in Ukrainian; the NGO's coordinator sees it on the
 * memorandum and on the calendar of the programme that links the memorandum; the
 * officer then counts it in the council's report.
 */
const coordinator = demoUser('coordinator');
const council = demoUser('council');
const title = 'Пресконференція про звільнених з полону мешканців громади';

describe('a council records its event', () => {
  let councilPage: Page;
  let coordinatorPage: Page;
  let memorandumUrl = '';
  let programmeUrl = '';
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const active = await createActiveMemorandum();
    const programme = await createProgramme(programmeContent({ memorandumIds: [active.id] }));
    memorandumUrl = `${webUrl()}/memoranda/${active.id}`;
    programmeUrl = `${webUrl()}/programmes/${programme.id}`;
    const onPhone = await openBrowser(phone);
    const atDesk = await openBrowser(desktop);
    councilPage = onPhone.page;
    coordinatorPage = atDesk.page;
    closers.push(onPhone.close, atDesk.close);
    await signInAs(councilPage, council.email);
    await signInAs(coordinatorPage, coordinator.email);
  }, 120_000);
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('the council officer records a press conference co-organised with the NGO, under its obligation, then records it as held', async () => {
    await councilPage.goto(memorandumUrl);
    await councilPage.getByTestId('event-record').click();
    await councilPage.locator('#activity-type').click();
    await councilPage.getByRole('option', { name: 'Пресконференція' }).click();
    await councilPage.locator('#activity-title-uk').fill(title);
    await councilPage.locator('#activity-date').fill('2026-11-20');
    await councilPage.locator('#activity-date').press('Escape');
    await councilPage.locator('#activity-start').fill('11:00');
    await councilPage.locator('#activity-country').fill('UA');
    await councilPage.locator('#activity-city').fill('Запоріжжя');
    await councilPage.locator('#activity-venue').fill('Пресцентр міської ради');
    await councilPage.locator(`#co-organiser-${demoOrganisations.relativesNgo}`).check();
    await councilPage.locator('#serves-c2').check();
    await screenshot(councilPage, 'event-dialog-phone', { fullPage: false });
    await councilPage.getByTestId('activity-save').click();
    await councilPage.getByTestId('activity-form').waitFor({ state: 'detached' });
    const events = councilPage.getByTestId('memorandum-events');
    await events.getByText(title).waitFor();
    await expect(events.textContent()).resolves.toContain('Організатори: Молочанська міська рада Запорізької області, ГО «Асоціація родичів політв’язнів Кремля»');

    await events.getByRole('button', { name: title }).click();
    await councilPage.locator('#activity-status').click();
    await councilPage.getByRole('option', { name: 'Проведено' }).click();
    await councilPage.locator('#activity-attended').fill('45');
    await councilPage.getByTestId('activity-save').click();
    await councilPage.getByTestId('activity-form').waitFor({ state: 'detached' });
    await events.getByText('учасників: 45').waitFor();
    // Its press release, attached in the event's materials: every party downloads it from the list.
    await events.getByRole('button', { name: title }).click();
    await councilPage.getByTestId('tab-materials').click();
    await councilPage.getByTestId('material-input').setInputFiles({ name: 'пресреліз.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n') });
    await councilPage.getByText('Додано: пресреліз.pdf.').waitFor();
    await councilPage.keyboard.press('Escape');
    await events.getByRole('button', { name: 'пресреліз.pdf' }).waitFor();
    await councilPage.waitForLoadState('networkidle');
    await events.scrollIntoViewIfNeeded();
    await screenshot(councilPage, 'memorandum-events-phone', { fullPage: false });
    expect(await seriousViolations(councilPage)).toEqual([]);
    const overflow = await councilPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('the NGO sees it on the memorandum and on the linked programme\'s calendar', async () => {
    await coordinatorPage.goto(memorandumUrl);
    await coordinatorPage.getByTestId('memorandum-events').getByText(title).waitFor();
    const download = coordinatorPage.waitForEvent('download');
    await coordinatorPage.getByTestId('memorandum-events').getByRole('button', { name: 'пресреліз.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('пресреліз.pdf');
    // Not the NGO's to change: the organiser alone edits it.
    await expect(coordinatorPage.getByTestId('memorandum-events').getByRole('button', { name: title }).count()).resolves.toBe(0);
    await coordinatorPage.goto(programmeUrl);
    await coordinatorPage.getByTestId('tab-calendar').click();
    await coordinatorPage.getByText('Список', { exact: true }).click();
    // The calendar opens on this month (December); the conference was in November.
    await coordinatorPage.getByRole('button', { name: '←' }).click();
    await coordinatorPage.getByTestId('calendar-partner-events').getByText(title).waitFor();
    await screenshot(coordinatorPage, 'programme-calendar-partner-events');
  });

  it('the officer counts it in the council\'s report for November', async () => {
    await councilPage.goto(memorandumUrl);
    await councilPage.getByTestId('period-other').check();
    await councilPage.locator('#report-start').fill('2026-11-01');
    await councilPage.locator('#report-start').press('Escape');
    await councilPage.locator('#report-end').fill('2026-11-30');
    await councilPage.locator('#report-end').press('Escape');
    await councilPage.getByTestId('report-start-button').click();
    const offer = councilPage.getByTestId('events-offer-c2');
    await offer.getByText(title).waitFor();
    await offer.getByRole('button', { name: 'Додати до опису' }).click();
    await expect(councilPage.getByTestId('entry-c2').locator('textarea').first().inputValue()).resolves.toContain(title);
    await offer.getByRole('button', { name: /Заходів: 1/ }).click();
    await expect(councilPage.getByTestId('indicator-c2-events').locator('input').inputValue()).resolves.toBe('1');
    await screenshot(councilPage, 'report-events-offer-phone', { fullPage: false });
  });
});
