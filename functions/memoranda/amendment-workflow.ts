import { hasRole, type Actor } from '../core/actor.js';
import type { Amendment, Memorandum, MemorandumContent, PendingStep } from './schema.js';
import { decide, type Decision, type MemorandumAction, type Participant } from './workflow.js';

/**
 * Amendments (supplementary agreements) as pure rules. An amendment carries the whole
 * amended text and runs the memorandum's own steps — draft, review by every party,
 * final text, signatures — through the same `decide`; only who takes part differs:
 * every party of the agreement in force and of the amended one.
 */
export type AmendmentAction = Extract<MemorandumAction, 'edit' | 'submit' | 'return' | 'approve' | 'sign'> | 'abandon';

const underWay: Amendment['status'][] = ['draft', 'in_review', 'approved'];

/** The amendment under way, if any (at most one at a time). */
export const amendmentUnderWay = (memorandum: Pick<Memorandum, 'amendments'>): Amendment | undefined =>
  memorandum.amendments?.find((amendment) => underWay.includes(amendment.status));

export const amendmentNumbered = (memorandum: Pick<Memorandum, 'amendments'>, number: number): Amendment | undefined =>
  memorandum.amendments?.find((amendment) => amendment.number === number);

/** The parties who approve and sign: those of the amended agreement, then those leaving it. */
export const amendingParties = (inForce: MemorandumContent, amended: MemorandumContent): string[] => {
  const staying = amended.parties.map((party) => party.orgId);
  return [...staying, ...inForce.parties.map((party) => party.orgId).filter((orgId) => !staying.includes(orgId))];
};

/** A party's named people: as the amended text names them, or for a party leaving, as the text in force does. */
const namedParty = (inForce: MemorandumContent, amended: MemorandumContent, orgId: string) =>
  amended.parties.find((party) => party.orgId === orgId) ?? inForce.parties.find((party) => party.orgId === orgId);

/** Whether a coordinator of `orgId` may start an amendment now. */
export const startProblem = (actor: Actor, memorandum: Pick<Memorandum, 'status' | 'content' | 'amendments'>): { code: 'forbidden' | 'invalid_transition'; reason: string } | undefined => {
  if (!hasRole(actor, 'coordinator') || !memorandum.content.parties.some((party) => party.orgId === actor.orgId)) {
    return { code: 'forbidden', reason: 'Only a coordinator of a party can start an amendment.' };
  }
  if (memorandum.status !== 'active') return { code: 'invalid_transition', reason: 'Only a memorandum in force can be amended.' };
  const current = amendmentUnderWay(memorandum);
  if (current) return { code: 'invalid_transition', reason: `Amendment ${current.number} is under way: finish or abandon it first.` };
  return undefined;
};

/** A new amendment: the text in force, as its first revision. */
export const newAmendment = (memorandum: Pick<Memorandum, 'content' | 'directory' | 'amendments' | 'reviewRevision' | 'revision'>, input: { orgId: string; revision: number; summary?: Amendment['summary']; now: string }): Amendment => ({
  number: (memorandum.amendments?.length ?? 0) + 1,
  status: 'draft',
  draftingOrgId: input.orgId,
  ...(input.summary ? { summary: input.summary } : {}),
  content: memorandum.content,
  directory: memorandum.directory,
  baseRevision: memorandum.reviewRevision ?? memorandum.revision,
  revision: input.revision,
  parties: amendingParties(memorandum.content, memorandum.content).map((orgId) => ({ orgId, approval: 'pending' as const })),
  signedBy: [],
  signatures: [],
  documents: {},
  comments: [],
  createdAt: input.now,
  updatedAt: input.now,
});

/** How the caller takes part in the amendment, from the stored record alone. */
export const amendmentParticipant = (actor: Actor, memorandum: Pick<Memorandum, 'content'>, amendment: Amendment): Participant => {
  const amended = amendment.content ?? memorandum.content;
  const own = namedParty(memorandum.content, amended, actor.orgId);
  const takesPart = amendment.parties.some((party) => party.orgId === actor.orgId);
  return {
    draftingCoordinator: hasRole(actor, 'coordinator') && actor.orgId === amendment.draftingOrgId,
    ...(takesPart && own?.approverUserId === actor.userId ? { approverFor: actor.orgId } : {}),
    ...(takesPart && own?.signatoryUserId === actor.userId ? { signatoryFor: actor.orgId } : {}),
  };
};

/** The amendment's next state, or why not: the memorandum's own rules, while the memorandum is in force. */
export const decideAmendment = (memorandum: Pick<Memorandum, 'status'>, amendment: Amendment, action: AmendmentAction, who: Participant): Decision => {
  if (memorandum.status !== 'active') return { allowed: false, code: 'invalid_transition', reason: 'The memorandum is no longer in force.' };
  if (action === 'abandon') {
    if (!who.draftingCoordinator) return { allowed: false, code: 'forbidden', reason: 'Only a coordinator of the organisation that started the amendment can abandon it.' };
    if (!underWay.includes(amendment.status)) return { allowed: false, code: 'invalid_transition', reason: `Amendment ${amendment.number} is ${amendment.status}.` };
    if (amendment.signedBy.length > 0) return { allowed: false, code: 'invalid_transition', reason: 'A party has already signed this amendment; it can no longer be abandoned.' };
    return { allowed: true, next: { status: 'draft', parties: amendment.parties, signedBy: [] }, event: 'amendment_abandoned' };
  }
  if (!underWay.includes(amendment.status)) return { allowed: false, code: 'invalid_transition', reason: `Amendment ${amendment.number} is ${amendment.status}.` };
  const decision = decide({ status: amendment.status as 'draft' | 'in_review' | 'approved', parties: amendment.parties, signedBy: amendment.signedBy }, action, who);
  return decision.allowed ? { ...decision, event: `amendment_${decision.event}` } : decision;
};

/** The actions the caller may take on the amendment now (the SPA shows exactly these). */
export const availableAmendmentActions = (actor: Actor, memorandum: Pick<Memorandum, 'status' | 'content'>, amendment: Amendment): AmendmentAction[] =>
  (['edit', 'submit', 'return', 'approve', 'sign', 'abandon'] as const)
    .filter((action) => action !== 'sign' || amendment.documents.final !== undefined)
    .filter((action) => decideAmendment(memorandum, amendment, action, amendmentParticipant(actor, memorandum, amendment)).allowed);

/** Who must act on the amendment before it moves on. */
export const amendmentStillToAct = (memorandum: Pick<Memorandum, 'content' | 'directory'>, amendment: Amendment): PendingStep[] => {
  const amended = amendment.content ?? memorandum.content;
  const step = (kind: PendingStep['step'], orgId: string): PendingStep => {
    const named = namedParty(memorandum.content, amended, orgId);
    const orgName = amendment.directory?.organisations[orgId] ?? memorandum.directory.organisations[orgId];
    return { step: kind, orgId, userId: (kind === 'approve' ? named?.approverUserId : named?.signatoryUserId) ?? '', amendment: amendment.number, ...(orgName ? { orgName } : {}) };
  };
  if (amendment.status === 'in_review') return amendment.parties.filter((party) => party.approval === 'pending').map((party) => step('approve', party.orgId));
  if (amendment.status === 'approved') return amendment.parties.filter((party) => !amendment.signedBy.includes(party.orgId)).map((party) => step('sign', party.orgId));
  return [];
};
