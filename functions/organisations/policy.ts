import { hasRole, type Actor } from '../core/actor.js';

/**
 * Who may see and change organisations. Coordinators see every organisation
 * because they draft memoranda with any of them; councils and funders see only
 * their own.
 */
export const canSeeAllOrganisations = (actor: Actor): boolean => hasRole(actor, 'admin', 'coordinator');

export const canSeeOrganisation = (actor: Actor, orgId: string): boolean => canSeeAllOrganisations(actor) || actor.orgId === orgId;

/**
 * An admin edits any organisation; a coordinator edits their own organisation and
 * the partner organisations their organisation registered (until the partner's
 * own coordinators take it over).
 */
export const canEditOrganisation = (actor: Actor, organisation: { id: string; registeredByOrgId?: string | undefined; ownCoordinatorSince?: string | undefined }): boolean =>
  hasRole(actor, 'admin') ||
  (hasRole(actor, 'coordinator') && (actor.orgId === organisation.id || (actor.orgId === organisation.registeredByOrgId && organisation.ownCoordinatorSince === undefined)));
