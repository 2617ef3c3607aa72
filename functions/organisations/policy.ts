import { hasRole, type Actor } from '../core/actor.js';

/**
 * Who may see and change organisations. Coordinators see every organisation
 * because they draft memoranda with any of them; councils and funders see only
 * their own.
 */
export const canSeeAllOrganisations = (actor: Actor): boolean => hasRole(actor, 'admin', 'coordinator');

export const canSeeOrganisation = (actor: Actor, orgId: string): boolean => canSeeAllOrganisations(actor) || actor.orgId === orgId;

export const canEditOrganisation = (actor: Actor, orgId: string): boolean =>
  hasRole(actor, 'admin') || (hasRole(actor, 'coordinator') && actor.orgId === orgId);
