import { describe, expect, it } from 'vitest';
import type { Actor } from '../../functions/core/actor.js';
import { editProblem, eventProblems, eventsServing, organisersOf, recordProblem } from '../../functions/events/model.js';
import type { MemorandumEvent, MemorandumEventInput } from '../../functions/events/schema.js';
import type { Memorandum } from '../../functions/memoranda/schema.js';
import { trackedObligationOf } from '../../functions/obligations/model.js';

const NGO = '01J00000000000000000000001';
const COUNCIL = '01J00000000000000000000002';
const OTHER = '01J00000000000000000000004';

const content: Memorandum['content'] = {
  title: { uk: 'Меморандум' },
  term: { start: '2026-01-15', end: '2027-12-31' },
  parties: [{ orgId: NGO, role: { uk: 'ГО' } }, { orgId: COUNCIL, role: { uk: 'Рада' } }],
  purposes: [],
  areas: [],
  obligations: [
    { id: 'c2', partyOrgId: COUNCIL, text: { uk: 'Пресконференції' } },
    { id: 'n3', partyOrgId: NGO, text: { uk: 'Інформаційні заходи' } },
  ],
};
const tracked = content.obligations.map((obligation) => trackedObligationOf({ id: '01J00000000000000000000201', draftingOrgId: NGO, content }, obligation, '2026-01-20T10:00:00.000Z'));
const input = (changes: Partial<MemorandumEventInput> = {}): MemorandumEventInput => ({
  type: 'press_conference', title: { uk: 'Пресконференція' }, date: '2026-11-20', place: { online: false, city: 'Запоріжжя' }, status: 'planned', ...changes,
});
const actor = (orgId: string, role: Actor['roles'][number]): Actor => ({ userId: 'u', orgId, roles: [role] });

describe('events of a memorandum\'s parties', () => {
  it('are recorded by a party\'s coordinators and council officers while the memorandum is in force, and changed by the organiser alone', () => {
    expect(recordProblem(actor(COUNCIL, 'council'), { status: 'active', content })).toBeUndefined();
    expect(recordProblem(actor(COUNCIL, 'funder'), { status: 'active', content })?.code).toBe('forbidden');
    expect(recordProblem(actor(OTHER, 'coordinator'), { status: 'active', content })?.code).toBe('forbidden');
    expect(recordProblem(actor(NGO, 'coordinator'), { status: 'closed', content })?.code).toBe('invalid_transition');
    expect(editProblem(actor(NGO, 'coordinator'), { status: 'active', content }, { organiserOrgId: COUNCIL })?.code).toBe('forbidden');
  });

  it('name other parties as co-organisers, once each, and serve obligations in force of an organiser, within the term', () => {
    expect(eventProblems(input({ coOrganiserOrgIds: [NGO], obligationIds: ['c2', 'n3'] }), { content, organiserOrgId: COUNCIL, obligations: tracked })).toEqual([]);
    expect(eventProblems(input({ coOrganiserOrgIds: [OTHER, COUNCIL, NGO, NGO], obligationIds: ['n3', 'c9', 'c2', 'c2'], date: '2028-01-01' }), { content, organiserOrgId: COUNCIL, obligations: tracked }).map((problem) => problem.path)).toEqual([
      'body.coOrganiserOrgIds.0', 'body.coOrganiserOrgIds.1', 'body.coOrganiserOrgIds.3', 'body.obligationIds.1', 'body.obligationIds.3', 'body.date',
    ]);
    // n3 is the NGO's, and the NGO co-organises in the case above; without it, n3 is not the council's to serve.
    expect(eventProblems(input({ obligationIds: ['n3'] }), { content, organiserOrgId: COUNCIL, obligations: tracked }).map((problem) => problem.path)).toEqual(['body.obligationIds.0']);
    const ended = tracked.map((obligation) => (obligation.obligationId === 'c2' ? { ...obligation, endedBy: { amendment: 1, on: '2026-06-01' } } : obligation));
    expect(eventProblems(input({ obligationIds: ['c2'] }), { content, organiserOrgId: COUNCIL, obligations: ended }).map((problem) => problem.path)).toEqual(['body.obligationIds.0']);
  });

  it('count in a report when held in its period and serving its obligation', () => {
    const event = (id: string, changes: Partial<MemorandumEvent>): MemorandumEvent => ({ ...input(), id, memorandumId: 'm', organiserOrgId: COUNCIL, version: 1, createdAt: '', updatedAt: '', obligationIds: ['c2'], status: 'held', ...changes });
    const events = [event('a', {}), event('b', { status: 'planned' }), event('c', { date: '2026-12-05' }), event('d', { obligationIds: ['c1'] })];
    expect(eventsServing(events, 'c2', { start: '2026-11-01', end: '2026-11-30' }).map((item) => item.id)).toEqual(['a']);
    expect(organisersOf({ organiserOrgId: COUNCIL, coOrganiserOrgIds: [NGO] })).toEqual([COUNCIL, NGO]);
  });
});
