import { hasRole, type Actor } from '../core/actor.js';
import type { FieldProblem } from '../core/errors.js';
import type { ProgrammeContent } from './schema.js';

/**
 * Who may do what with a programme, decided from the stored record (pure).
 * Coordinators of an implementing organisation run it; funder staff of a funding
 * organisation read its aggregates; nobody else learns that it exists.
 */
export type ProgrammeRole = 'implementer' | 'funder';

/** The caller's role, from their organisation's relationship to the programme (its member item or the head's lists). */
export const roleFromRelationship = (actor: Actor, relationship: ProgrammeRole | undefined): ProgrammeRole | undefined => {
  if (relationship === 'implementer' && hasRole(actor, 'coordinator')) return 'implementer';
  if (relationship === 'funder' && hasRole(actor, 'funder')) return 'funder';
  return undefined;
};

/** An organisation either implements or funds a programme, never both (contentProblems). */
export const relationshipOf = (orgId: string, content: Pick<ProgrammeContent, 'implementingOrgIds' | 'funderOrgIds'>): ProgrammeRole | undefined =>
  content.implementingOrgIds.includes(orgId) ? 'implementer' : content.funderOrgIds.includes(orgId) ? 'funder' : undefined;

export const programmeRoleOf = (actor: Actor, content: Pick<ProgrammeContent, 'implementingOrgIds' | 'funderOrgIds'>): ProgrammeRole | undefined =>
  roleFromRelationship(actor, relationshipOf(actor.orgId, content));

/** The lead implementer: its creator unless handed over. */
export const leadOf = (programme: { leadOrgId?: string; createdByOrgId: string }): string => programme.leadOrgId ?? programme.createdByOrgId;

const sameMembers = (a: string[], b: string[]) => a.length === b.length && a.every((orgId) => b.includes(orgId));

/**
 * Programme governance between implementers (pure): only the lead's coordinators change who
 * implements or funds it, or hand the lead over; anyone else edits the rest of the programme.
 */
export const mayChangeMembers = (actorOrgId: string, lead: string, before: Pick<ProgrammeContent, 'implementingOrgIds' | 'funderOrgIds'>, after: Pick<ProgrammeContent, 'implementingOrgIds' | 'funderOrgIds'>, nextLead: string): boolean =>
  actorOrgId === lead || (nextLead === lead && sameMembers(before.implementingOrgIds, after.implementingOrgIds) && sameMembers(before.funderOrgIds, after.funderOrgIds));

/** Implementers an edit removes: each must keep no case records, or it would lose them. */
export const removedImplementers = (before: Pick<ProgrammeContent, 'implementingOrgIds'>, after: Pick<ProgrammeContent, 'implementingOrgIds'>): string[] =>
  before.implementingOrgIds.filter((orgId) => !after.implementingOrgIds.includes(orgId));

/** Every indicator of the results framework, outcomes first, each with where it sits. */
export const indicatorsOf = (content: Pick<ProgrammeContent, 'outcomes'>) =>
  content.outcomes.flatMap((outcome, at) => [
    ...outcome.indicators.map((indicator, index) => ({ indicator, path: `body.content.outcomes.${at}.indicators.${index}.id`, result: outcome.id })),
    ...outcome.outputs.flatMap((output, outputAt) => output.indicators.map((indicator, index) => ({ indicator, path: `body.content.outcomes.${at}.outputs.${outputAt}.indicators.${index}.id`, result: output.id }))),
  ]);

/** Rules the schema cannot see: the creator runs it, no organisation both runs and funds it, ids are unique. */
export const contentProblems = (content: ProgrammeContent, creatorOrgId: string): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (!content.implementingOrgIds.includes(creatorOrgId)) problems.push({ path: 'body.content.implementingOrgIds', message: 'Your organisation must be one of the implementing organisations.' });
  content.funderOrgIds.forEach((orgId, index) => {
    if (content.implementingOrgIds.includes(orgId)) problems.push({ path: `body.content.funderOrgIds.${index}`, message: 'An organisation either implements or funds the programme, not both.' });
  });
  const seen = new Set<string>();
  for (const { indicator, path } of indicatorsOf(content)) {
    if (seen.has(indicator.id)) problems.push({ path, message: 'Indicator ids must be unique in the programme.' });
    seen.add(indicator.id);
  }
  const results = new Set<string>();
  content.outcomes.forEach((outcome, at) => {
    for (const [id, path] of [[outcome.id, `body.content.outcomes.${at}.id`], ...outcome.outputs.map((output, index) => [output.id, `body.content.outcomes.${at}.outputs.${index}.id`])] as [string, string][]) {
      if (results.has(id)) problems.push({ path, message: 'Outcome and output ids must be unique in the programme.' });
      results.add(id);
    }
  });
  return problems;
};
