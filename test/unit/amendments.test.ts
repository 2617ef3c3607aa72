import { describe, expect, it } from 'vitest';
import type { Actor } from '../../functions/core/actor.js';
import {
  amendingParties, amendmentParticipant, amendmentStillToAct, availableAmendmentActions, newAmendment, obligationChanges, progressDeltas, startProblem,
} from '../../functions/memoranda/amendments.js';
import type { Amendment, Memorandum, MemorandumContent } from '../../functions/memoranda/schema.js';
import { documentInPreparation, organisationsSeeing } from '../../functions/memoranda/workflow.js';
import { trackedObligationOf } from '../../functions/obligations/model.js';
import type { TrackedObligation } from '../../functions/obligations/schema.js';

const NGO = '01J00000000000000000000001';
const COUNCIL = '01J00000000000000000000002';
const JOINING = '01J00000000000000000000007';

const content: MemorandumContent = {
  title: { uk: 'Меморандум', en: 'Memorandum' },
  term: { start: '2026-01-15', end: null },
  parties: [
    { orgId: NGO, role: { uk: 'ГО' }, approverUserId: 'ngo-approver', signatoryUserId: 'ngo-signatory' },
    { orgId: COUNCIL, role: { uk: 'Рада' }, approverUserId: 'council-approver', signatoryUserId: 'council-signatory' },
  ],
  purposes: [],
  areas: [],
  obligations: [
    { id: 'c1', partyOrgId: COUNCIL, text: { uk: 'Соціальний супровід' } },
    { id: 'c2', partyOrgId: COUNCIL, text: { uk: 'Пресконференції' }, dueDate: '2026-06-30', recurrence: 'quarterly' },
    { id: 'c3', partyOrgId: COUNCIL, text: { uk: 'Документування' }, dueDate: '2026-09-30', recurrence: 'once' },
  ],
};

const memorandum = (changes: Partial<Memorandum> = {}): Memorandum => ({
  id: '01J00000000000000000000201', status: 'active', draftingOrgId: NGO, content, directory: { organisations: {}, people: {} }, comments: [], signedBy: [NGO, COUNCIL], signatures: [], documents: {},
  revision: 3, reviewRevision: 3, sharedAt: '2026-01-10T10:00:00.000Z', parties: [], version: 9, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-20T10:00:00.000Z', ...changes,
});

const actor = (orgId: string, userId: string, role: Actor['roles'][number] = 'coordinator'): Actor => ({ userId, orgId, roles: [role] } as Actor);

const tracked = (): TrackedObligation[] => content.obligations.map((obligation) => trackedObligationOf({ id: '01J00000000000000000000201', draftingOrgId: NGO, content }, obligation, '2026-01-20T10:00:00.000Z'));

/** The text in force with a council joining (its obligation m1), c3 ended and c2 changed to monthly. */
const amended: MemorandumContent = {
  ...content,
  parties: [...content.parties, { orgId: JOINING, role: { uk: 'Рада' }, approverUserId: 'joining-officer', signatoryUserId: 'joining-officer' }],
  obligations: [
    { id: 'c1', partyOrgId: COUNCIL, text: { uk: 'Соціальний супровід' } },
    { id: 'c2', partyOrgId: COUNCIL, text: { uk: 'Пресконференції' }, dueDate: '2026-06-30', recurrence: 'monthly' },
    { id: 'm1', partyOrgId: JOINING, text: { uk: 'Приміщення для зустрічей' } },
  ],
};

const underWay = (changes: Partial<Amendment> = {}): Amendment => ({
  ...newAmendment(memorandum(), { orgId: NGO, revision: 4, now: '2026-05-01T10:00:00.000Z' }),
  content: amended,
  parties: amendingParties(content, amended).map((orgId) => ({ orgId, approval: 'pending' })),
  ...changes,
});

describe('amendments: who starts one', () => {
  it('a coordinator of a party, on a memorandum in force, with no other amendment under way', () => {
    expect(startProblem(actor(COUNCIL, 'council-approver', 'council'), memorandum())?.code).toBe('forbidden');
    expect(startProblem(actor(JOINING, 'someone'), memorandum())?.code).toBe('forbidden');
    expect(startProblem(actor(NGO, 'ngo-approver'), memorandum({ status: 'signed' }))?.code).toBe('invalid_transition');
    expect(startProblem(actor(NGO, 'ngo-approver'), memorandum({ amendments: [underWay()] }))?.code).toBe('invalid_transition');
    expect(startProblem(actor(NGO, 'ngo-approver'), memorandum({ amendments: [underWay({ status: 'abandoned' })] }))).toBeUndefined();
  });

  it('numbers amendments in turn and starts from the text in force', () => {
    const first = newAmendment(memorandum(), { orgId: COUNCIL, revision: 4, now: '2026-05-01T10:00:00.000Z' });
    expect(first).toMatchObject({ number: 1, status: 'draft', draftingOrgId: COUNCIL, baseRevision: 3, revision: 4, content });
    expect(newAmendment(memorandum({ amendments: [first] }), { orgId: NGO, revision: 5, now: '2026-05-01T10:00:00.000Z' }).number).toBe(2);
  });
});

describe('amendments: who approves and signs', () => {
  it('every party of the amended text and every party leaving it, each by its named people', () => {
    const leaving: MemorandumContent = { ...amended, parties: amended.parties.filter((party) => party.orgId !== COUNCIL), obligations: amended.obligations.filter((obligation) => obligation.partyOrgId !== COUNCIL) };
    expect(amendingParties(content, leaving)).toEqual([NGO, JOINING, COUNCIL]);
    const amendment = underWay({ content: leaving, parties: amendingParties(content, leaving).map((orgId) => ({ orgId, approval: 'pending' })), status: 'in_review' });
    // The leaving council approves as the text in force names its approver.
    expect(amendmentParticipant(actor(COUNCIL, 'council-approver', 'council'), memorandum(), amendment)).toMatchObject({ approverFor: COUNCIL });
    expect(amendmentParticipant(actor(JOINING, 'joining-officer', 'council'), memorandum(), amendment)).toMatchObject({ approverFor: JOINING, signatoryFor: JOINING });
    expect(amendmentStillToAct(memorandum(), amendment).map((step) => [step.orgId, step.userId, step.amendment])).toEqual([[NGO, 'ngo-approver', 1], [JOINING, 'joining-officer', 1], [COUNCIL, 'council-approver', 1]]);
  });

  it('offers each person exactly the steps they may take', () => {
    const inReview = underWay({ status: 'in_review' });
    expect(availableAmendmentActions(actor(NGO, 'ngo-approver'), memorandum(), inReview)).toEqual(['return', 'approve', 'abandon']);
    expect(availableAmendmentActions(actor(JOINING, 'joining-officer', 'council'), memorandum(), inReview)).toEqual(['return', 'approve']);
    expect(availableAmendmentActions(actor(JOINING, 'joining-officer', 'council'), memorandum({ status: 'terminated' }), inReview)).toEqual([]);
    // Signing opens once the renderer has stored the amendment's text.
    const preparing = underWay({ status: 'approved' });
    expect(availableAmendmentActions(actor(NGO, 'ngo-signatory'), memorandum(), preparing)).toEqual(['abandon']);
    expect(documentInPreparation(memorandum({ amendments: [preparing] }))).toEqual({ document: 'final', amendment: 1 });
    const final = { key: 'k', sha256: 'a'.repeat(64), size: 1, renderedAt: '2026-05-03T10:00:00.000Z' };
    const signedOnce = underWay({ status: 'approved', signedBy: [COUNCIL], documents: { final } });
    expect(availableAmendmentActions(actor(NGO, 'ngo-signatory'), memorandum(), signedOnce)).toEqual(['sign']);
    expect(documentInPreparation(memorandum({ amendments: [signedOnce] }))).toBeUndefined();
    expect(documentInPreparation(memorandum({ amendments: [underWay({ status: 'signed', documents: { final } })] }))).toEqual({ document: 'certificate', amendment: 1 });
  });

  it('shows the memorandum to a joining party once the amendment is submitted, and to a party that left', () => {
    expect(organisationsSeeing(memorandum({ amendments: [underWay()] }))).not.toContain(JOINING);
    expect(organisationsSeeing(memorandum({ amendments: [underWay({ sharedAt: '2026-05-02T10:00:00.000Z', status: 'in_review' })] }))).toContain(JOINING);
    expect(organisationsSeeing(memorandum({ amendments: [underWay({ sharedAt: '2026-05-02T10:00:00.000Z', status: 'abandoned' })] }))).not.toContain(JOINING);
    expect(organisationsSeeing(memorandum({ formerParties: [JOINING] }))).toContain(JOINING);
  });
});

describe('amendments: what the last signature does to the tracked obligations', () => {
  const context = { memorandum: { id: '01J00000000000000000000201', draftingOrgId: NGO }, number: 1, today: '2026-05-10', at: '2026-05-10T09:00:00.000Z' };

  it('starts new ones, changes changed ones keeping their progress, ends removed ones; unchanged ones are not touched', () => {
    const before = tracked().map((obligation) => (obligation.obligationId === 'c2' ? { ...obligation, status: 'in_progress' as const, percentComplete: 40, reportedThrough: '2026-03-31', version: 3 } : obligation));
    const changes = obligationChanges(content, amended, before, context);
    expect(changes.started.map(({ after }) => [after.obligationId, after.ownerOrgId, after.status])).toEqual([['m1', JOINING, 'not_started']]);
    expect(changes.changed.map(({ after }) => after)).toEqual([expect.objectContaining({ obligationId: 'c2', recurrence: 'monthly', status: 'in_progress', percentComplete: 40, reportedThrough: '2026-03-31', amendedBy: 1, version: 4 })]);
    expect(changes.ended.map(({ after }) => after)).toEqual([expect.objectContaining({ obligationId: 'c3', status: 'cancelled', endedBy: { amendment: 1, on: '2026-05-10' } })]);
  });

  it('a new title reaches every obligation (its records carry it), without marking them amended', () => {
    const changes = obligationChanges(content, { ...content, title: { uk: 'Нова назва' } }, tracked(), context);
    expect(changes.changed.map(({ after }) => [after.obligationId, after.memorandumTitle.uk, after.amendedBy])).toEqual([['c1', 'Нова назва', undefined], ['c2', 'Нова назва', undefined], ['c3', 'Нова назва', undefined]]);
  });

  it('a new time zone reaches every obligation (its "today" decides what is due), without marking them amended', () => {
    const changes = obligationChanges(content, { ...content, timeZone: 'Europe/Tallinn' }, tracked(), context);
    expect(changes.changed.map(({ after }) => [after.obligationId, after.timeZone, after.amendedBy])).toEqual([['c1', 'Europe/Tallinn', undefined], ['c2', 'Europe/Tallinn', undefined], ['c3', 'Europe/Tallinn', undefined]]);
    expect(obligationChanges({ ...content, timeZone: 'Europe/Tallinn' }, { ...content, timeZone: 'Europe/Tallinn' }, changes.changed.map(({ after }) => after), context).changed).toEqual([]);
  });

  it('each party\'s figures change by what was touched: the ended obligation\'s progress leaves, the joining party starts at zero', () => {
    const before = tracked().map((obligation) => (obligation.obligationId === 'c3' ? { ...obligation, status: 'done' as const, percentComplete: 100 } : obligation));
    const deltas = progressDeltas(obligationChanges(content, amended, before, context));
    expect(Object.fromEntries(deltas)).toEqual({ [COUNCIL]: { total: -1, done: -1, percentSum: -100 }, [JOINING]: { total: 1, done: 0, percentSum: 0 } });
  });

  it('an obligation ended earlier and agreed again is tracked afresh', () => {
    const ended = tracked().map((obligation) => (obligation.obligationId === 'c3' ? { ...obligation, status: 'cancelled' as const, endedBy: { amendment: 1, on: '2026-05-10' }, version: 2 } : obligation));
    const changes = obligationChanges(content, content, ended, { ...context, number: 2 });
    expect(changes.started.map(({ before, after }) => [after.obligationId, after.status, before?.version, after.version])).toEqual([['c3', 'not_started', 2, 3]]);
  });
});
