import type { FieldProblem } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { chainEvent, type ChainedEvent } from './audit-chain.js';
import type { Directory, MemorandumContent, PartyState } from './schema.js';

/** Pure rules about a memorandum's content that a schema alone cannot express. */

/** Positions of values that already appeared earlier in the list. */
const repeatedAt = (values: string[]): Set<number> => new Set(values.flatMap((value, index) => (values.indexOf(value) < index ? [index] : [])));

/** Every inconsistency in a draft, as field problems under `body.content`. */
export const contentProblems = (content: MemorandumContent, draftingOrgId: string): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const partyIds = content.parties.map((party) => party.orgId);
  const twice = repeatedAt(partyIds);
  content.parties.forEach((party, index) => {
    if (twice.has(index)) problems.push({ path: `body.content.parties.${index}.orgId`, message: 'This organisation is already a party.' });
  });
  if (!partyIds.includes(draftingOrgId)) problems.push({ path: 'body.content.parties', message: 'Your organisation must be one of the parties.' });
  if (content.term.end && content.term.end < content.term.start) problems.push({ path: 'body.content.term.end', message: 'The end must not be before the start.' });
  for (const section of ['purposes', 'areas', 'obligations'] as const) {
    const repeated = repeatedAt(content[section].map((item) => item.id));
    content[section].forEach((item, index) => {
      if (repeated.has(index)) problems.push({ path: `body.content.${section}.${index}.id`, message: 'Each item needs its own id.' });
    });
  }
  content.obligations.forEach((obligation, index) => {
    if (!partyIds.includes(obligation.partyOrgId)) problems.push({ path: `body.content.obligations.${index}.partyOrgId`, message: 'The obligation must belong to one of the parties.' });
    const indicatorIds = repeatedAt((obligation.indicators ?? []).map((indicator) => indicator.id));
    (obligation.indicators ?? []).forEach((_indicator, at) => {
      if (indicatorIds.has(at)) problems.push({ path: `body.content.obligations.${index}.indicators.${at}.id`, message: 'Each indicator needs its own id.' });
    });
  });
  return problems;
};

/** What submitting needs beyond a valid draft: each party names an approver and a signatory. */
export const submissionProblems = (content: MemorandumContent): FieldProblem[] =>
  content.parties.flatMap((party, index) => [
    ...(party.approverUserId ? [] : [{ path: `content.parties.${index}.approverUserId`, message: 'Name the approver of this party.' }]),
    ...(party.signatoryUserId ? [] : [{ path: `content.parties.${index}.signatoryUserId`, message: 'Name the signatory of this party.' }]),
  ]);

/** Party approval states follow the parties of the current content. */
export const partyStatesFor = (content: MemorandumContent, current: PartyState[]): PartyState[] =>
  content.parties.map((party) => current.find((state) => state.orgId === party.orgId) ?? { orgId: party.orgId, approval: 'pending' });

/** The people a draft names (approvers and signatories), by user id. */
export const namedPeople = (content: MemorandumContent): { userId: string; orgId: string }[] =>
  content.parties.flatMap((party) => [party.approverUserId, party.signatoryUserId].flatMap((userId) => (userId ? [{ userId, orgId: party.orgId }] : [])));

/** A new draft: its head at revision 1, the first revision and the first event of its audit chain. */
export const newDraft = (input: { id: string; content: MemorandumContent; directory: Directory; actor: Pick<Actor, 'userId' | 'orgId'>; now: string; templateId?: string | undefined }) => {
  const event: ChainedEvent = chainEvent(undefined, {
    at: input.now, actor: { userId: input.actor.userId, orgId: input.actor.orgId }, action: 'created', detail: { revision: 1, ...(input.templateId ? { templateId: input.templateId } : {}) },
  });
  return {
    head: {
      id: input.id, status: 'draft' as const, draftingOrgId: input.actor.orgId, content: input.content, directory: input.directory, comments: [], signedBy: [], signatures: [], documents: {}, revision: 1,
      parties: partyStatesFor(input.content, []), version: 1, createdAt: input.now, updatedAt: input.now, auditHead: { seq: event.seq, hash: event.hash },
    },
    event,
    revision: { revision: 1, content: input.content, savedAt: input.now, savedBy: input.actor.userId },
  };
};
