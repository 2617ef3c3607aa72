import { hasRole, type Actor } from '../core/actor.js';
import type { Role } from '../core/roles.js';

/**
 * Who may see and manage users. Coordinators may list the users of any
 * organisation (to name approvers and signatories of memoranda) but manage only
 * their own organisation's users; only an admin grants the admin role.
 */
export const canListUsersOf = (actor: Actor): boolean => hasRole(actor, 'admin', 'coordinator');

export const canManageUsersOf = (actor: Actor, orgId: string): boolean =>
  hasRole(actor, 'admin') || (hasRole(actor, 'coordinator') && actor.orgId === orgId);

export const canGrantRole = (actor: Actor, role: Role): boolean => hasRole(actor, 'admin') || role !== 'admin';
