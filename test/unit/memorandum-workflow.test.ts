import { describe, expect, it } from 'vitest';
import { memorandumStatuses, type MemorandumStatus } from '../../functions/memoranda/schema.js';
import { decide, memorandumActions, visibleTo, type MemorandumAction, type Participant, type WorkflowState } from '../../functions/memoranda/workflow.js';

const participants: Record<string, Participant> = {
  draftingCoordinator: { draftingCoordinator: true },
  approverOfA: { draftingCoordinator: false, approverFor: 'A' },
  signatoryOfA: { draftingCoordinator: false, signatoryFor: 'A' },
  approverOfNonParty: { draftingCoordinator: false, approverFor: 'Z' },
  signatoryOfNonParty: { draftingCoordinator: false, signatoryFor: 'Z' },
  otherUser: { draftingCoordinator: false },
  system: { draftingCoordinator: false, system: true },
};

const stateIn = (status: MemorandumStatus): WorkflowState => ({
  status,
  parties: [{ orgId: 'A', approval: 'pending' }, { orgId: 'B', approval: 'pending' }],
  signedBy: [],
});

/** The only (status, action, participant) combinations that are allowed, and where they lead. */
const allowed: [MemorandumStatus, MemorandumAction, string, MemorandumStatus, string][] = [
  ['draft', 'edit', 'draftingCoordinator', 'draft', 'edited'],
  ['draft', 'submit', 'draftingCoordinator', 'in_review', 'submitted'],
  ['in_review', 'withdraw', 'draftingCoordinator', 'draft', 'withdrawn'],
  ['in_review', 'approve', 'approverOfA', 'in_review', 'approved'],
  ['in_review', 'return', 'approverOfA', 'draft', 'returned'],
  ['approved', 'sign', 'signatoryOfA', 'approved', 'signed'],
  ['signed', 'activate', 'system', 'active', 'activated'],
  ['active', 'close', 'draftingCoordinator', 'closed', 'closed'],
  ['active', 'terminate', 'draftingCoordinator', 'terminated', 'terminated'],
];

const combinations = memorandumStatuses.flatMap((status) => memorandumActions.flatMap((action) => Object.keys(participants).map((who) => ({ status, action, who }))));

describe('memorandum workflow: every state × action × relationship', () => {
  it.each(combinations)('$status + $action by $who', ({ status, action, who }) => {
    const rule = allowed.find(([s, a, w]) => s === status && a === action && w === who);
    const decision = decide(stateIn(status), action, participants[who] ?? { draftingCoordinator: false });
    if (rule) {
      expect(decision).toMatchObject({ allowed: true, next: { status: rule[3] }, event: rule[4] });
    } else {
      expect(decision.allowed).toBe(false);
      if (!decision.allowed) expect(['forbidden', 'invalid_transition', 'already_done']).toContain(decision.code);
    }
  });
});

describe('memorandum workflow: the rules behind the table', () => {
  it('moves to approved when the last party approves', () => {
    const state: WorkflowState = { ...stateIn('in_review'), parties: [{ orgId: 'A', approval: 'pending' }, { orgId: 'B', approval: 'approved' }] };
    expect(decide(state, 'approve', participants.approverOfA ?? { draftingCoordinator: false })).toMatchObject({ allowed: true, next: { status: 'approved' }, event: 'approved_by_all' });
  });

  it('refuses a second approval by the same party', () => {
    const state: WorkflowState = { ...stateIn('in_review'), parties: [{ orgId: 'A', approval: 'approved' }, { orgId: 'B', approval: 'pending' }] };
    expect(decide(state, 'approve', participants.approverOfA ?? { draftingCoordinator: false })).toMatchObject({ allowed: false, code: 'already_done' });
  });

  it('refuses a withdrawal once a party has acted', () => {
    const state: WorkflowState = { ...stateIn('in_review'), parties: [{ orgId: 'A', approval: 'approved' }, { orgId: 'B', approval: 'pending' }] };
    expect(decide(state, 'withdraw', participants.draftingCoordinator ?? { draftingCoordinator: false })).toMatchObject({ allowed: false, code: 'invalid_transition' });
  });

  it('resets every approval when a party returns the draft', () => {
    const state: WorkflowState = { ...stateIn('in_review'), parties: [{ orgId: 'A', approval: 'pending' }, { orgId: 'B', approval: 'approved' }] };
    const decision = decide(state, 'return', participants.approverOfA ?? { draftingCoordinator: false });
    expect(decision.allowed && decision.next.parties.every((party) => party.approval === 'pending')).toBe(true);
  });

  it('moves to signed with the last signature and refuses signing twice', () => {
    const state: WorkflowState = { ...stateIn('approved'), signedBy: ['B'] };
    expect(decide(state, 'sign', participants.signatoryOfA ?? { draftingCoordinator: false })).toMatchObject({ allowed: true, next: { status: 'signed', signedBy: ['B', 'A'] }, event: 'signed_by_all' });
    expect(decide({ ...state, signedBy: ['A'] }, 'sign', participants.signatoryOfA ?? { draftingCoordinator: false })).toMatchObject({ allowed: false, code: 'already_done' });
  });

  it('submitting asks every party again', () => {
    const state: WorkflowState = { ...stateIn('draft'), parties: [{ orgId: 'A', approval: 'returned' }, { orgId: 'B', approval: 'approved' }] };
    const decision = decide(state, 'submit', participants.draftingCoordinator ?? { draftingCoordinator: false });
    expect(decision.allowed && decision.next.parties.map((party) => party.approval)).toEqual(['pending', 'pending']);
  });
});

describe('memorandum visibility', () => {
  const ngo = 'NGO';
  const council = 'COUNCIL';
  const memorandum = (status: MemorandumStatus, sharedAt?: string) => ({
    status, draftingOrgId: ngo, content: { parties: [{ orgId: ngo }, { orgId: council }] } as Parameters<typeof visibleTo>[1]['content'], ...(sharedAt ? { sharedAt } : {}),
  });

  it('keeps an unsubmitted draft to its drafting organisation', () => {
    expect([visibleTo(ngo, memorandum('draft')), visibleTo(council, memorandum('draft'))]).toEqual([true, false]);
  });

  it('shows it to every party from its first submission on, also when returned to a draft', () => {
    expect(visibleTo(council, memorandum('in_review'))).toBe(true);
    expect(visibleTo(council, memorandum('draft', '2026-12-02T08:00:00.000Z'))).toBe(true);
    expect(visibleTo('OTHER', memorandum('active'))).toBe(false);
  });
});
