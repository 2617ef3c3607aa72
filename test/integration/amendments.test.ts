import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { memorandumPartition, partyProgress } from '../../functions/memoranda/entities.js';
import { trackedObligationRecords } from '../../functions/obligations/repository.js';
import { recount } from '../../functions/reports/acceptance.js';
import { remindersDue } from '../../functions/reminders/selection.js';
import { demoOrganisations } from '../../infra/local/seed.js';
import { amendmentStep, extendedTerm, ifMatch, memorandumWithAmendment, signAmendment, startAmendment, type AmendedMemorandum, type Caller } from '../support/amendments.js';
import { call, demoUser, table } from '../support/api.js';
import { caseContent, createActiveMemorandum, withDocument } from '../support/memoranda.js';
import { pdfText } from '../support/pdf.js';
import { invitedAndSignedIn } from '../support/users.js';

/**
 * Amendments on the local stack: a supplementary agreement that brings in a third
 * council and ends one obligation goes through revisions, every party's approval
 * (the joining council's too) and signatures; its last signature changes the
 * tracked obligations in one transaction while everything reported stays.
 */
const coordinator = demoUser('coordinator');
const council = demoUser('council');
const admin = demoUser('admin');

interface Problem { code: string; detail: string; errors?: { path: string }[] }
interface Commitment { obligationId: string; memorandumId: string; status: string; percentComplete: number; dueDate?: string; recurrence?: string; endedBy?: { amendment: number }; amendedBy?: number }

/** A council of its own with an officer who approves and signs for it (created through the API, as an administrator does). */
const thirdCouncil = async () => {
  const created = await call<{ id: string }>('POST', '/api/organisations', { as: admin, body: { name: { uk: `Мелітопольська міська рада ${crypto.randomUUID().slice(0, 4)}`, en: 'Melitopol City Council' }, type: 'council' } });
  expect(created.status).toBe(201);
  const officer = await invitedAndSignedIn(admin, created.body.id, 'council', 'Іван Федоров');
  return { orgId: created.body.id, officer: officer.id, token: officer.tokens.accessToken };
};

const acceptedCouncilReport = async (memorandumId: string) => {
  const created = await call<{ id: string; version: number }>('POST', `/api/memoranda/${memorandumId}/reports`, { as: council, body: { period: { start: '2026-01-15', end: '2026-03-31' } } });
  const saved = await call<{ version: number }>('PUT', `/api/memoranda/${memorandumId}/reports/${created.body.id}`, { as: council, headers: ifMatch(created.body.version), body: { entries: [{ obligationId: 'c1', status: 'in_progress', percentComplete: 40, narrative: 'Соціальний супровід родин розпочато.' }, { obligationId: 'c3', status: 'in_progress', percentComplete: 30 }] } });
  const submitted = await call<{ version: number }>('POST', `/api/memoranda/${memorandumId}/reports/${created.body.id}/submit`, { as: council, headers: ifMatch(saved.body.version) });
  const accepted = await call<{ status: string }>('POST', `/api/memoranda/${memorandumId}/reports/${created.body.id}/accept`, { as: coordinator, headers: ifMatch(submitted.body.version) });
  expect(accepted.body.status).toBe('accepted');
  return created.body.id;
};

const trackedOf = async (memorandumId: string) => {
  const { client, table: tableName } = table();
  const items = (await client.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :obl)', ExpressionAttributeValues: { ':pk': memorandumPartition(memorandumId), ':obl': 'OBL#' } }))).Items ?? [];
  return items.map(trackedObligationRecords.read);
};

const storedFigures = async (memorandumId: string, orgId: string) => {
  const { client, table: tableName } = table();
  const stored = (await client.send(new GetCommand({ TableName: tableName, Key: partyProgress.key(memorandumId, orgId) }))).Item;
  return { total: stored?.total, done: stored?.done, percentSum: stored?.percentSum };
};

describe('amendments', () => {
  it('adds a third council and ends an obligation: approved and signed by all three, obligations follow in one step, reports stay, no reminder after', async () => {
    // The obligation to end is due once, by the end of September 2026: overdue from then on, unless ended.
    const content = caseContent();
    content.obligations = content.obligations.map((obligation) => (obligation.id === 'c3' ? { ...obligation, dueDate: '2026-09-30', recurrence: 'once' as const } : obligation));
    const active = await createActiveMemorandum(content);
    const reportId = await acceptedCouncilReport(active.id);
    const remindedBefore = remindersDue(await trackedOf(active.id), new Map([[active.id, demoOrganisations.relativesNgo]]), '2027-09-01');
    expect(remindedBefore.map((item) => item.obligationId)).toContain('c3');
    const melitopol = await thirdCouncil();

    const started = await startAmendment(active.id);
    expect(started.status).toBe('active');
    expect(started.amendments?.[0]).toMatchObject({ number: 1, status: 'draft' });
    // Until it is submitted, the amendment is the NGO's own work: the joining council does not see the memorandum.
    expect((await call('GET', `/api/memoranda/${active.id}`, { token: melitopol.token })).status).toBe(404);

    const amended = extendedTerm(started.content);
    amended.parties.push({ orgId: melitopol.orgId, role: { uk: 'Міська рада', en: 'City Council' }, approverUserId: melitopol.officer, signatoryUserId: melitopol.officer });
    amended.obligations = amended.obligations.filter((obligation) => obligation.id !== 'c3');
    // The council names who answers for its social support: a new term of c1, its progress kept.
    amended.obligations = amended.obligations.map((obligation) => (obligation.id === 'c1' ? { ...obligation, responsible: { name: 'Оксана Мельник', contact: '+380 61 000 0002' } } : obligation));
    amended.obligations.push({ id: 'm1', partyOrgId: melitopol.orgId, text: { uk: 'Надає приміщення для зустрічей з родинами незаконно позбавлених волі.', en: 'Provides premises for meetings with families of illegally detained people.' }, dueDate: '2027-06-30', recurrence: 'once' });
    const saved = await call<AmendedMemorandum>('PUT', `/api/memoranda/${active.id}/amendments/1`, { as: coordinator, headers: ifMatch(started.version), body: { content: amended } });
    expect(saved.status).toBe(200);
    // The agreement in force is unchanged while the amendment is under way.
    expect(saved.body.content.parties).toHaveLength(2);
    expect(saved.body.amendments?.[0]?.parties.map((party) => party.orgId)).toEqual([demoOrganisations.relativesNgo, demoOrganisations.molochanskCouncil, melitopol.orgId]);

    // The amended text compared with the text in force: one party joins, one obligation is added, one ends, one changes, the term changes.
    const revisions = await call<{ items: { revision: number }[] }>('GET', `/api/memoranda/${active.id}/revisions`, { as: coordinator });
    const inForce = revisions.body.items[0]?.revision ?? 0;
    const latest = revisions.body.items.at(-1)?.revision ?? 0;
    const diff = await call<{ sections: { section: string; changes: { kind: string; id: string }[] }[] }>('GET', `/api/memoranda/${active.id}/diff?from=${inForce}&to=${latest}`, { as: council });
    expect(Object.fromEntries(diff.body.sections.map((section) => [section.section, section.changes.map((change) => `${change.kind}:${change.id}`).sort()]))).toEqual({
      term: ['changed:term'], parties: [`added:${melitopol.orgId}`], obligations: ['added:m1', 'changed:c1', 'changed:c2', 'removed:c3'],
    });

    let memorandum = await amendmentStep(saved.body, 1, 'submit', coordinator);
    expect(memorandum.amendments?.[0]?.status).toBe('in_review');
    const seenByJoining = await call<{ memorandum: AmendedMemorandum }>('GET', `/api/memoranda/${active.id}`, { token: melitopol.token });
    expect(seenByJoining.status).toBe(200);
    const listed = await call<{ items: { id: string; waitingFor?: { step: string; orgId: string; amendment?: number }[] }[] }>('GET', '/api/memoranda?limit=100', { token: melitopol.token });
    expect(listed.body.items.find((item) => item.id === active.id)?.waitingFor).toEqual(expect.arrayContaining([expect.objectContaining({ step: 'approve', orgId: melitopol.orgId, amendment: 1 })]));
    // Nothing can be signed before every party approved.
    expect((await signAmendment(memorandum, 1, council, 'Ігор Петренко')).status).toBe(409);

    memorandum = await amendmentStep(memorandum, 1, 'approve', council);
    memorandum = await amendmentStep(memorandum, 1, 'approve', { token: melitopol.token });
    memorandum = await amendmentStep(memorandum, 1, 'approve', coordinator);
    const approved = memorandum.amendments?.[0];
    expect(approved?.status).toBe('approved');
    // The renderer makes the amendment's text; it can be signed once stored.
    memorandum = await withDocument<AmendedMemorandum>(active.id, 'final', 1);

    const link = await call<{ url: string; sha256: string; filename: string }>('GET', `/api/memoranda/${active.id}/amendments/1/documents/final`, { as: council });
    expect(link.status).toBe(200);
    expect(link.body.filename).toBe(`pakt-${active.id}-amendment-1-final.pdf`);
    const text = pdfText(new Uint8Array(await (await fetch(link.body.url)).arrayBuffer()));
    expect(text).toContain('ДОДАТКОВА УГОДА № 1');
    expect(text).toContain('Приєднується / Joins');
    expect(text).toContain('Мелітопольська міська рада');
    expect(text).toContain('Припиняється / Ends');
    expect(text).toContain('2027-12-31');
    expect(text).toContain('Надає приміщення для зустрічей');

    const signers: [Caller, string][] = [[council, 'Ігор Петренко'], [{ token: melitopol.token }, 'Іван Федоров'], [coordinator, 'Олена Коваль']];
    for (const [who, name] of signers) {
      const signed = await signAmendment(memorandum, 1, who, name);
      expect(signed.status).toBe(200);
      memorandum = signed.body;
    }

    // In force: the amended text is the agreement, the amendment is kept with its documents.
    expect(memorandum.status).toBe('active');
    expect(memorandum.content.parties.map((party) => party.orgId)).toContain(melitopol.orgId);
    expect(memorandum.content.term.end).toBe('2027-12-31');
    expect(memorandum.amendments?.[0]).toMatchObject({ status: 'signed', signedBy: [demoOrganisations.molochanskCouncil, melitopol.orgId, demoOrganisations.relativesNgo] });
    memorandum = await withDocument<AmendedMemorandum>(active.id, 'certificate', 1);
    expect(memorandum.amendments?.[0]?.documents.certificate?.sha256).toMatch(/^[a-f0-9]{64}$/);
    const certificate = await call<{ url: string }>('GET', `/api/memoranda/${active.id}/amendments/1/documents/certificate`, { as: coordinator });
    expect(pdfText(new Uint8Array(await (await fetch(certificate.body.url)).arrayBuffer()))).toContain('Іван Федоров');

    // The tracked obligations followed, in the same step.
    const tracked = await trackedOf(active.id);
    const byId = new Map(tracked.map((obligation) => [obligation.obligationId, obligation]));
    expect(byId.get('c3')).toMatchObject({ status: 'cancelled', endedBy: { amendment: 1 }, percentComplete: 30 });
    expect(byId.get('c1')).toMatchObject({ status: 'in_progress', percentComplete: 40, reportedThrough: '2026-03-31', responsible: { name: 'Оксана Мельник', contact: '+380 61 000 0002' }, amendedBy: 1 });
    expect(byId.get('c2')).toMatchObject({ recurrence: 'quarterly', dueDate: '2027-03-31', amendedBy: 1 });
    expect(byId.get('m1')).toMatchObject({ ownerOrgId: melitopol.orgId, status: 'not_started' });
    // Each party's figures equal a recount of the obligations still in force.
    for (const orgId of [demoOrganisations.molochanskCouncil, melitopol.orgId, demoOrganisations.relativesNgo]) {
      expect(await storedFigures(active.id, orgId)).toEqual(recount(tracked.filter((obligation) => obligation.ownerOrgId === orgId && !obligation.endedBy)));
    }

    // The joining council finds its obligation among its commitments; the report on the ended obligation stays readable.
    const commitments = await call<{ items: Commitment[] }>('GET', `/api/commitments?memorandumId=${active.id}`, { token: melitopol.token });
    expect(commitments.body.items.map((item) => item.obligationId)).toEqual(['m1']);
    const report = await call<{ entries: { obligationId: string; percentComplete: number }[] }>('GET', `/api/memoranda/${active.id}/reports/${reportId}`, { as: council });
    expect(report.body.entries.find((entry) => entry.obligationId === 'c3')?.percentComplete).toBe(30);
    // A new report no longer lists the ended obligation.
    const next = await call<{ entries: { obligationId: string }[] }>('POST', `/api/memoranda/${active.id}/reports`, { as: council, body: { period: { start: '2026-04-01', end: '2026-06-30' } } });
    expect(next.body.entries.map((entry) => entry.obligationId)).not.toContain('c3');

    // No reminder about the ended obligation, even long past its dates.
    const remindedAfter = remindersDue(tracked, new Map([[active.id, demoOrganisations.relativesNgo]]), '2027-09-01');
    expect(remindedAfter.map((item) => item.obligationId)).not.toContain('c3');

    // The audit trail holds, one chain from the original through the amendment.
    const verdict = await call<{ valid: boolean; events: number }>('GET', `/api/memoranda/${active.id}/audit/verify`, { as: council });
    expect(verdict.body.valid).toBe(true);
    const view = await call<{ events: { action: string }[] }>('GET', `/api/memoranda/${active.id}`, { as: coordinator });
    expect(view.body.events.map((event) => event.action).filter((action) => action.startsWith('amendment_'))).toEqual([
      'amendment_started', 'amendment_edited', 'amendment_submitted', 'amendment_approved', 'amendment_approved', 'amendment_approved_by_all', 'amendment_signed', 'amendment_signed', 'amendment_signed_by_all', 'amendment_in_force',
    ]);
  });

  it('one amendment at a time, by a party\'s coordinator, changing something; the agreement in force stays until the last signature', async () => {
    const active = await createActiveMemorandum();
    const byCouncil = await call<Problem>('POST', `/api/memoranda/${active.id}/amendments`, { as: council, body: {} });
    expect(byCouncil.status).toBe(403);
    const byOutsider = await call<Problem>('POST', `/api/memoranda/${active.id}/amendments`, { as: 'resource.center@pakt.local', body: {} });
    expect(byOutsider.status).toBe(404);

    const started = await startAmendment(active.id);
    const second = await call<Problem>('POST', `/api/memoranda/${active.id}/amendments`, { as: coordinator, body: {} });
    expect([second.status, second.body.code]).toEqual([409, 'invalid_transition']);
    const unchanged = await call<Problem>('POST', `/api/memoranda/${active.id}/amendments/1/submit`, { as: coordinator, headers: ifMatch(started.version) });
    expect([unchanged.status, unchanged.body.errors?.map((error) => error.path)]).toEqual([400, ['content']]);
    const missing = await call<Problem>('POST', `/api/memoranda/${active.id}/amendments/2/submit`, { as: coordinator, headers: ifMatch(started.version) });
    expect(missing.status).toBe(404);
    const stale = await call<Problem>('PUT', `/api/memoranda/${active.id}/amendments/1`, { as: coordinator, headers: ifMatch(started.version - 1), body: { content: extendedTerm(started.content) } });
    expect([stale.status, stale.body.code]).toEqual([412, 'stale_version']);
  });

  it('a returned amendment goes back to draft; an abandoned one leaves the memorandum as it was, and a new one can start', async () => {
    const inReview = await memorandumWithAmendment('in_review');
    const returned = await amendmentStep(inReview, 1, 'return', council, { comment: 'Залиште попередній строк звітування.' });
    expect(returned.amendments?.[0]).toMatchObject({ status: 'draft' });
    const abandoned = await amendmentStep(returned, 1, 'abandon', demoUser('coordinator'), { reason: 'Домовилися залишити як є.' });
    expect(abandoned.amendments?.[0]).toMatchObject({ status: 'abandoned' });
    expect(abandoned.content.term.end).toBeNull();
    const again = await startAmendment(abandoned.id);
    expect(again.amendments?.map((amendment) => [amendment.number, amendment.status])).toEqual([[1, 'abandoned'], [2, 'draft']]);
  });

  it('nobody abandons an amendment a party has signed', async () => {
    const approved = await memorandumWithAmendment('approved');
    const signed = await signAmendment(approved, 1, council, 'Ігор Петренко');
    expect(signed.status).toBe(200);
    const abandon = await call<Problem>('POST', `/api/memoranda/${approved.id}/amendments/1/abandon`, { as: coordinator, headers: ifMatch(signed.body.version), body: { reason: 'Передумали.' } });
    expect([abandon.status, abandon.body.code]).toEqual([409, 'invalid_transition']);
  });
});
