import { hasRole, type Actor } from '../core/actor.js';
import type { Memorandum, MemorandumStatus, PartyState, PendingStep } from './schema.js';

/**
 * The memorandum workflow as a pure function: given the state, an action and how
 * the caller relates to the memorandum, either the next state or the reason it is
 * refused. Handlers load, call `decide`, and persist; nothing else decides.
 *
 * draft → in_review → approved → signed → active → closed
 * in_review → draft (withdrawn, or returned by a party); active → terminated
 */
export const memorandumActions = ['edit', 'submit', 'withdraw', 'approve', 'return', 'sign', 'activate', 'close', 'terminate'] as const;
export type MemorandumAction = (typeof memorandumActions)[number];

/** How the caller relates to this memorandum (decided from the stored record, never the request). */
export interface Participant {
  /** A coordinator of the drafting organisation. */
  draftingCoordinator: boolean;
  /** The party whose named approver the caller is. */
  approverFor?: string;
  /** The party whose named signatory the caller is. */
  signatoryFor?: string;
  /** The scheduler, which activates signed memoranda from their start date. */
  system?: boolean;
}

export interface WorkflowState {
  status: MemorandumStatus;
  parties: PartyState[];
  signedBy: string[];
}

export type Decision =
  | { allowed: true; next: WorkflowState; event: string }
  | { allowed: false; code: 'forbidden' | 'invalid_transition' | 'already_done'; reason: string };

const refuse = (code: 'forbidden' | 'invalid_transition' | 'already_done', reason: string): Decision => ({ allowed: false, code, reason });
const allow = (next: WorkflowState, event: string): Decision => ({ allowed: true, next, event });
const allPending = (parties: PartyState[]): PartyState[] => parties.map((party) => ({ orgId: party.orgId, approval: 'pending' }));

const requireStatus = (state: WorkflowState, wanted: MemorandumStatus, action: MemorandumAction): Decision | undefined =>
  state.status === wanted ? undefined : refuse('invalid_transition', `Cannot ${action} a memorandum that is ${state.status.replace('_', ' ')}.`);

export const decide = (state: WorkflowState, action: MemorandumAction, who: Participant): Decision => {
  switch (action) {
    case 'edit':
    case 'submit': {
      if (!who.draftingCoordinator) return refuse('forbidden', 'Only a coordinator of the drafting organisation can edit or submit the memorandum.');
      const wrongState = requireStatus(state, 'draft', action);
      if (wrongState) return wrongState;
      return action === 'edit'
        ? allow(state, 'edited')
        : allow({ ...state, status: 'in_review', parties: allPending(state.parties) }, 'submitted');
    }
    case 'withdraw': {
      if (!who.draftingCoordinator) return refuse('forbidden', 'Only a coordinator of the drafting organisation can withdraw the memorandum.');
      const wrongState = requireStatus(state, 'in_review', action);
      if (wrongState) return wrongState;
      if (state.parties.some((party) => party.approval !== 'pending')) return refuse('invalid_transition', 'A party has already acted on this revision; it can no longer be withdrawn.');
      return allow({ ...state, status: 'draft' }, 'withdrawn');
    }
    case 'approve':
    case 'return': {
      const party = state.parties.find((candidate) => candidate.orgId === who.approverFor);
      if (!who.approverFor || !party) return refuse('forbidden', 'Only a party\'s named approver can approve or return the memorandum.');
      const wrongState = requireStatus(state, 'in_review', action);
      if (wrongState) return wrongState;
      if (party.approval === 'approved') return refuse('already_done', 'Your organisation has already approved this revision.');
      if (action === 'return') return allow({ ...state, status: 'draft', parties: allPending(state.parties) }, 'returned');
      const parties = state.parties.map((candidate) => (candidate.orgId === party.orgId ? { ...candidate, approval: 'approved' as const } : candidate));
      const everyoneApproved = parties.every((candidate) => candidate.approval === 'approved');
      return allow({ ...state, parties, status: everyoneApproved ? 'approved' : 'in_review' }, everyoneApproved ? 'approved_by_all' : 'approved');
    }
    case 'sign': {
      if (!who.signatoryFor || !state.parties.some((party) => party.orgId === who.signatoryFor)) return refuse('forbidden', 'Only a party\'s named signatory can sign for it.');
      const wrongState = requireStatus(state, 'approved', action);
      if (wrongState) return wrongState;
      if (state.signedBy.includes(who.signatoryFor)) return refuse('already_done', 'Your organisation has already signed.');
      const signedBy = [...state.signedBy, who.signatoryFor];
      const everyoneSigned = state.parties.every((party) => signedBy.includes(party.orgId));
      return allow({ ...state, signedBy, status: everyoneSigned ? 'signed' : 'approved' }, everyoneSigned ? 'signed_by_all' : 'signed');
    }
    case 'activate': {
      if (!who.system) return refuse('forbidden', 'Memoranda become active on their start date, by the scheduler.');
      return requireStatus(state, 'signed', action) ?? allow({ ...state, status: 'active' }, 'activated');
    }
    case 'close':
    case 'terminate': {
      if (!who.draftingCoordinator) return refuse('forbidden', 'Only a coordinator of the drafting organisation can close or terminate the memorandum.');
      return requireStatus(state, 'active', action) ?? allow({ ...state, status: action === 'close' ? 'closed' : 'terminated' }, action === 'close' ? 'closed' : 'terminated');
    }
  }
};

/** Who must act before the memorandum moves on: each party's named approver while in review, its named signatory once approved. */
export const stillToAct = (memorandum: Pick<Memorandum, 'content' | 'status' | 'parties' | 'signedBy' | 'directory'>): PendingStep[] => {
  const named = (orgId: string) => memorandum.content.parties.find((party) => party.orgId === orgId);
  const step = (kind: PendingStep['step'], orgId: string, userId: string | undefined): PendingStep => {
    const orgName = memorandum.directory.organisations[orgId];
    return { step: kind, orgId, userId: userId ?? '', ...(orgName ? { orgName } : {}) };
  };
  if (memorandum.status === 'in_review') {
    return memorandum.parties.filter((party) => party.approval === 'pending').map((party) => step('approve', party.orgId, named(party.orgId)?.approverUserId));
  }
  if (memorandum.status === 'approved') {
    return memorandum.content.parties.filter((party) => !memorandum.signedBy.includes(party.orgId)).map((party) => step('sign', party.orgId, party.signatoryUserId));
  }
  return [];
};

/**
 * Which parties see the memorandum: before its first submission a draft is the
 * drafting organisation's own work (a template copied, names tried out), so the
 * other parties neither list nor read it, and it makes no organisation a partner.
 */
export const sharedWithParties = (memorandum: Pick<Memorandum, 'status' | 'sharedAt'>): boolean => memorandum.status !== 'draft' || memorandum.sharedAt !== undefined;

type Seen = Pick<Memorandum, 'status' | 'sharedAt' | 'draftingOrgId' | 'content' | 'amendments' | 'formerParties'>;

/**
 * Every organisation that sees the memorandum: the drafter; once shared, its parties,
 * those that left it by an amendment (the record of their time), and those a submitted
 * amendment asks to join.
 */
export const organisationsSeeing = (memorandum: Seen): string[] => {
  if (!sharedWithParties(memorandum)) return [memorandum.draftingOrgId];
  const joining = (memorandum.amendments ?? []).filter((amendment) => amendment.sharedAt && ['draft', 'in_review', 'approved'].includes(amendment.status)).flatMap((amendment) => amendment.parties.map((party) => party.orgId));
  return [...new Set([memorandum.draftingOrgId, ...memorandum.content.parties.map((party) => party.orgId), ...(memorandum.formerParties ?? []), ...joining])];
};

export const visibleTo = (orgId: string, memorandum: Seen): boolean => organisationsSeeing(memorandum).includes(orgId);

/** How the caller relates to the memorandum, from the stored record alone. */
export const participantOf = (actor: Actor, memorandum: Pick<Memorandum, 'draftingOrgId' | 'content'>): Participant => {
  const ownParty = memorandum.content.parties.find((party) => party.orgId === actor.orgId);
  return {
    draftingCoordinator: hasRole(actor, 'coordinator') && actor.orgId === memorandum.draftingOrgId,
    ...(ownParty?.approverUserId === actor.userId ? { approverFor: ownParty.orgId } : {}),
    ...(ownParty?.signatoryUserId === actor.userId ? { signatoryFor: ownParty.orgId } : {}),
  };
};

/** The actions the caller may take now (the SPA shows exactly these). */
/**
 * The document the renderer is still making for the step just taken: the final text after the last approval
 * (nothing is signed before it is stored), the certificate after the last signature; of an amendment, when one.
 */
export const documentInPreparation = (memorandum: Pick<Memorandum, 'status' | 'documents' | 'amendments'>): { document: 'final' | 'certificate'; amendment?: number } | undefined => {
  const awaiting = (status: string, documents: Memorandum['documents']) =>
    status === 'approved' && !documents.final ? ('final' as const) : ['signed', 'active'].includes(status) && documents.final && !documents.certificate ? ('certificate' as const) : undefined;
  const own = awaiting(memorandum.status, memorandum.documents);
  if (own) return { document: own };
  for (const amendment of memorandum.amendments ?? []) {
    const document = awaiting(amendment.status, amendment.documents);
    if (document) return { document, amendment: amendment.number };
  }
  return undefined;
};

export const availableActions = (actor: Actor, memorandum: Pick<Memorandum, 'draftingOrgId' | 'content' | 'status' | 'parties' | 'signedBy'> & { documents?: Memorandum['documents'] }): MemorandumAction[] =>
  memorandumActions
    // Nothing is signed before the final text is stored with its hash (the renderer makes it after the last approval).
    .filter((action) => action !== 'sign' || memorandum.documents?.final !== undefined)
    .filter((action) => decide({ status: memorandum.status, parties: memorandum.parties, signedBy: memorandum.signedBy }, action, participantOf(actor, memorandum)).allowed);
