import type { FieldProblem } from '../core/errors.js';
import type { MemorandumContent, PartyState } from './schema.js';

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
