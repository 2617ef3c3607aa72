import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { demoProgrammeId, demoUsers, type DemoUser } from '../../infra/local/seed.js';
import { call, demoUser } from '../support/api.js';
import { seriousViolations } from '../support/axe.js';
import { desktop, openBrowser, phone, screenshot, signInAs, webUrl } from '../support/browser.js';
import { caseContent, createActiveMemorandum, createCaseMemorandum } from '../support/memoranda.js';
import { startCouncilReport, type ReportBody } from '../support/reports.js';

/**
 * Each role's home answers "what awaits me", at phone and desktop width, in
 * Ukrainian: the tasks come from what the API holds, and one click on a task
 * opens the screen that finishes it.
 */
const council = demoUser('council');
const textOf = async (locator: Locator) => {
  await locator.first().waitFor();
  return (await locator.first().textContent()) ?? '';
};
const coordinator = demoUser('coordinator');
const returnComment = 'Додайте, будь ласка, список учасників зустрічі.';

const submitReport = async (period: { start: string; end: string }) => {
  const { report, base } = await startCouncilReport(period);
  const saved = await call<ReportBody>('PUT', base, {
    as: council, headers: { 'if-match': `"${report.version}"` },
    body: { entries: [{ obligationId: 'c3', status: 'in_progress', percentComplete: 30, narrative: 'Проведено зустріч із родинами.', indicatorActuals: [] }] },
  });
  const submitted = await call<ReportBody>('POST', `${base}/submit`, { as: council, headers: { 'if-match': `"${saved.body.version}"` } });
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status}`);
  return { report: submitted.body, base };
};

beforeAll(async () => {
  // Waiting for the council's (and the coordinator's) approval.
  await createCaseMemorandum({ submit: true });
  // In force, with an obligation of the council's past its date: a report is due and the partner is behind.
  const content = caseContent();
  await createActiveMemorandum({ ...content, obligations: content.obligations.map((obligation) => (obligation.id === 'c1' ? { ...obligation, dueDate: '2026-05-31', recurrence: 'once' as const } : obligation)) });
  // Returned to the council with a comment, and another waiting for the coordinator's review.
  const toReturn = await submitReport({ start: '2026-04-01', end: '2026-06-30' });
  const returned = await call('POST', `${toReturn.base}/return`, { as: coordinator, headers: { 'if-match': `"${toReturn.report.version}"` }, body: { comment: returnComment } });
  if (returned.status !== 200) throw new Error(`return failed: ${returned.status}`);
  await submitReport({ start: '2026-07-01', end: '2026-09-30' });
}, 120_000);

const expectedSections: Record<DemoUser['role'], string[]> = {
  council: ['home-your-turn', 'home-returned', 'home-reports-due'],
  coordinator: ['home-your-turn', 'home-reviews', 'home-waiting-on-others', 'home-overdue-partners'],
  funder: ['home-programmes'],
  admin: [],
};

describe.each([['phone', phone], ['desktop', desktop]] as const)('homes at %s width', (width, viewport) => {
  describe.each(['council', 'coordinator', 'funder', 'admin'] as const)('the %s', (role) => {
    let page: Page;
    let close: () => Promise<void>;
    const user = demoUsers.find((candidate) => candidate.role === role);

    beforeAll(async () => {
      ({ page, close } = await openBrowser(viewport));
      await signInAs(page, user?.email ?? '');
    });
    afterAll(async () => close());

    it('lists what awaits them, in Ukrainian', async () => {
      await page.goto(`${webUrl()}/`);
      await page.locator('main h1').first().waitFor();
      for (const section of expectedSections[role]) await page.getByTestId(section).waitFor();
      if (role === 'admin') await page.getByTestId('home-all-clear').waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `home-${role}-${width}`);
      expect(await seriousViolations(page)).toEqual([]);
    });

    if (role === 'council') {
      it('shows the reviewer\'s comment on the returned report and opens it', async () => {
        const returned = page.getByTestId('home-returned');
        expect(await textOf(returned)).toContain(returnComment);
        await returned.getByRole('link').first().click();
        await page.waitForURL(/\/reports\//);
        await page.locator('main').getByText(returnComment).first().waitFor();
      });

      it('starts the overdue report from its task with its period chosen (on the phone), then continues that draft (on the desktop)', async () => {
        await page.goto(`${webUrl()}/`);
        const due = page.getByTestId('home-reports-due');
        const overdueTask = due.getByRole('link').filter({ hasText: 'Прострочено' }).first();
        expect(await textOf(overdueTask)).toContain('Звіт за період');
        if (width === 'desktop') {
          expect(await textOf(overdueTask)).toContain('Продовжити чернетку');
          await overdueTask.click();
          await page.waitForURL(/\/reports\//);
          return;
        }
        await overdueTask.click();
        await page.waitForURL(/reportFrom=/);
        const asked = new URL(page.url()).searchParams;
        // Chosen once the commitments it is due for are in.
        const chosen = page.locator('input[name="report-period"]:checked:not([value="other"])');
        await chosen.waitFor();
        expect((await chosen.getAttribute('value'))?.split('/')[1]).toBe(asked.get('reportTo'));
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `guided-report-${width}`, { fullPage: false });
        await page.getByTestId('report-start-button').click();
        await page.waitForURL(/\/reports\//);
        await page.getByTestId('report-status').waitFor();
      });

      it('reports its one-off obligation as done from the commitments, in a completion report of its own', async () => {
        await page.goto(`${webUrl()}/commitments`);
        const reportDone = page.getByTestId('report-done-c1').first();
        await reportDone.waitFor();
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page)).toEqual([]);
        await reportDone.scrollIntoViewIfNeeded();
        await screenshot(page, `commitments-one-off-${width}`, { fullPage: false });
        await reportDone.click();
        await page.waitForURL(/~c1$/);
        await page.getByTestId('report-status').waitFor();
        expect(await textOf(page.locator('main h1').first())).toContain('про виконання зобов’язання');
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `completion-report-${width}`, { fullPage: false });
      });
    }

    if (role === 'coordinator') {
      it('opens a report to review from its task, naming who reported', async () => {
        const reviews = page.getByTestId('home-reviews');
        expect(await textOf(reviews)).toContain('Молочанська міська рада');
        await reviews.getByRole('link').first().click();
        await page.waitForURL(/\/reports\//);
        await page.getByRole('button', { name: 'Прийняти' }).waitFor();
      });
    }

    if (role === 'funder') {
      it('opens the programme dashboard from its one-line health', async () => {
        const programmes = page.getByTestId('home-programmes');
        expect(await textOf(programmes)).toContain('проведено');
        // Other journeys may fund programmes too: open the demo one.
        await programmes.getByRole('link').filter({ hasText: 'кримськотатарським' }).first().click();
        await page.waitForURL(new RegExp(`/programmes/${demoProgrammeId}`));
      });
    }
  });
});

describe('screens a role does not work on', () => {
  it.each([
    ['council', ['/memoranda/new', `/memoranda/x/edit`, '/reviews', '/programmes', '/organisations']],
    ['funder', ['/memoranda/new', '/commitments', '/reviews', `/programmes/${demoProgrammeId}/edit`]],
  ] as const)('the %s gets "not found" at the same address, never the form, and no link to them', async (role, paths) => {
    const { page, close } = await openBrowser(phone);
    try {
      await signInAs(page, demoUser(role).email);
      for (const path of paths) {
        await page.goto(`${webUrl()}${path}`);
        await page.getByRole('heading', { name: 'Сторінку не знайдено' }).waitFor();
        expect(new URL(page.url()).pathname).toBe(path);
        expect(await page.locator('main form, main input').count()).toBe(0);
      }
      await page.getByRole('button', { name: 'Меню' }).click();
      const links = await page.locator('nav a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
      expect(links.filter((href) => paths.some((path) => href === path))).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a slow page change', () => {
  it('shows a progress bar until the next screen is there', async () => {
    const { page, close } = await openBrowser(desktop);
    try {
      await signInAs(page, council.email);
      // The next screen's code arrives late, as on a slow mobile network.
      await page.route('**/views/CommitmentsView.vue*', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.getByRole('link', { name: 'Мої зобов’язання' }).first().click();
      await page.getByTestId('route-progress').waitFor();
      await page.getByRole('heading', { level: 1, name: 'Мої зобов’язання' }).waitFor();
      await page.getByTestId('route-progress').waitFor({ state: 'detached' });
    } finally {
      await close();
    }
  });
});
