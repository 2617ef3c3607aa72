import { describe, expect, it } from 'vitest';
import { demoOrganisations } from '../../infra/local/seed.js';
import { call, demoUser } from '../support/api.js';
import { caseContent, createActiveMemorandum, createCaseMemorandum, createOtherMemorandum, type Created } from '../support/memoranda.js';
import { startCouncilReport, type ReportBody } from '../support/reports.js';

/** What each role's home asks of the API: whose turn it is, what is in their hands, who is late. */

const coordinator = demoUser('coordinator');
const council = demoUser('council');

interface Summary { id: string; status: string; waitingFor?: { step: string; orgId: string; userId: string; orgName?: { uk: string } }[] }
interface Commitment { memorandumId: string; obligationId: string; ownerOrgId: string; draftingOrgId: string; overdue: boolean; status: string }

const listed = async (as: ReturnType<typeof demoUser>, status: string, id: string) => {
  const page = await call<{ items: Summary[] }>('GET', `/api/memoranda?status=${status}&limit=100`, { as });
  return page.body.items.find((item) => item.id === id);
};

describe('whose turn it is on a memorandum', () => {
  it('names each party\'s approver while in review, its signatory once approved, and no one once signed', async () => {
    const inReview = await createCaseMemorandum({ submit: true });
    const seenByCouncil = await listed(council, 'in_review', inReview.id);
    expect(seenByCouncil?.waitingFor?.map(({ step, orgId, userId }) => ({ step, orgId, userId }))).toEqual([
      { step: 'approve', orgId: demoOrganisations.relativesNgo, userId: coordinator.id },
      { step: 'approve', orgId: demoOrganisations.molochanskCouncil, userId: council.id },
    ].sort((a, b) => caseContent().parties.findIndex((party) => party.orgId === a.orgId) - caseContent().parties.findIndex((party) => party.orgId === b.orgId)));
    expect(seenByCouncil?.waitingFor?.find((step) => step.orgId === demoOrganisations.molochanskCouncil)).toMatchObject({ orgName: { uk: expect.stringContaining('Молочанськ') } });

    const path = `/api/memoranda/${inReview.id}`;
    const byCouncil = await call<Created>('POST', `${path}/approve`, { as: council, headers: { 'if-match': `"${inReview.version}"` } });
    expect((await listed(coordinator, 'in_review', inReview.id))?.waitingFor).toMatchObject([{ step: 'approve', orgId: demoOrganisations.relativesNgo, userId: coordinator.id }]);

    const approved = await call<Created>('POST', `${path}/approve`, { as: coordinator, headers: { 'if-match': `"${byCouncil.body.version}"` } });
    expect(approved.status).toBe(200);
    const toSign = await listed(council, 'approved', inReview.id);
    expect(toSign?.waitingFor?.map((step) => `${step.step}:${step.userId}`).sort()).toEqual([`sign:${coordinator.id}`, `sign:${council.id}`].sort());

    const active = await createActiveMemorandum();
    expect((await listed(council, 'active', active.id))?.waitingFor).toBeUndefined();
  });
});

describe('reports in the reporting organisation\'s hands', () => {
  it('lists a draft, drops it while submitted, lists it again when returned with the comment, and drops it once accepted', async () => {
    const { memorandumId, report, base } = await startCouncilReport({ start: '2026-04-01', end: '2026-06-30' });
    // A report is named by its period and organisation within its memorandum: other memoranda have reports of the same name.
    const sameReport = (item: { id: string; memorandumId: string }) => item.id === report.id && item.memorandumId === memorandumId;
    const open = async () => (await call<{ items: (ReportBody & { memorandumId: string; reviewComment?: string })[] }>('GET', '/api/reports?limit=100', { as: council })).body.items.find(sameReport);
    expect((await open())?.status).toBe('draft');

    const saved = await call<ReportBody>('PUT', base, {
      as: council, headers: { 'if-match': `"${report.version}"` },
      body: { entries: [{ obligationId: 'c1', status: 'in_progress', percentComplete: 40, narrative: 'Зустріч з родинами проведено.', indicatorActuals: [] }] },
    });
    const submitted = await call<ReportBody>('POST', `${base}/submit`, { as: council, headers: { 'if-match': `"${saved.body.version}"` } });
    expect(submitted.status).toBe(200);
    expect(await open()).toBeUndefined();
    const queue = await call<{ items: { id: string; memorandumId: string }[] }>('GET', '/api/reviews?limit=100', { as: coordinator });
    expect(queue.body.items.some(sameReport)).toBe(true);

    const returned = await call<ReportBody>('POST', `${base}/return`, { as: coordinator, headers: { 'if-match': `"${submitted.body.version}"` }, body: { comment: 'Додайте список учасників.' } });
    expect(returned.status).toBe(200);
    const back = await open();
    expect(back?.status).toBe('returned');
    expect(back?.reviewComment).toBe('Додайте список учасників.');

    // The coordinator's organisation holds none of the council's reports.
    const ngoOpen = await call<{ items: { id: string; memorandumId: string }[] }>('GET', '/api/reports?limit=100', { as: coordinator });
    expect(ngoOpen.body.items.some(sameReport)).toBe(false);

    const resubmitted = await call<ReportBody>('POST', `${base}/submit`, { as: council, headers: { 'if-match': `"${returned.body.version}"` } });
    const accepted = await call<ReportBody>('POST', `${base}/accept`, { as: coordinator, headers: { 'if-match': `"${resubmitted.body.version}"` } });
    expect(accepted.status).toBe(200);
    expect(await open()).toBeUndefined();
  });
});

describe('partners\' commitments for the drafting coordinators', () => {
  it('shows the drafter the open obligations first due by today, flags the overdue ones, and shows them to no one else', async () => {
    const content = caseContent();
    const withDueDates = {
      ...content,
      obligations: content.obligations.map((obligation) =>
        obligation.id === 'c1' ? { ...obligation, dueDate: '2026-05-31', recurrence: 'once' as const }
          : obligation.id === 'c2' ? { ...obligation, dueDate: '2099-05-31', recurrence: 'once' as const }
            : obligation),
    };
    const active = await createActiveMemorandum(withDueDates);
    const all = await call<{ items: Commitment[] }>('GET', '/api/partner-commitments?limit=100', { as: coordinator });
    expect(all.status).toBe(200);
    const mine = all.body.items.filter((item) => item.memorandumId === active.id);
    expect(mine.map((item) => item.obligationId)).toEqual(['c1']);
    expect(mine[0]).toMatchObject({ ownerOrgId: demoOrganisations.molochanskCouncil, draftingOrgId: demoOrganisations.relativesNgo, overdue: true });

    const overdue = await call<{ items: Commitment[] }>('GET', '/api/partner-commitments?overdue=true&limit=100', { as: coordinator });
    expect(overdue.body.items.every((item) => item.overdue)).toBe(true);
    expect(overdue.body.items.some((item) => item.memorandumId === active.id)).toBe(true);

    await createOtherMemorandum();
    const elsewhere = await call<{ items: Commitment[] }>('GET', '/api/partner-commitments?limit=100', { as: 'resource.center@pakt.local' });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.items.some((item) => item.memorandumId === active.id)).toBe(false);

    const bad = await call<{ errors: { path: string }[] }>('GET', '/api/partner-commitments?overdue=yes', { as: coordinator });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.path)).toEqual(['query.overdue']);
  });
});
