import { hasRole, type Actor } from '../core/actor.js';
import type { Role } from '../core/roles.js';
import type { NamedUser, User } from './schema.js';

/**
 * Who may see and manage users. Coordinators may list the users of any
 * organisation (to name approvers and signatories of memoranda) but see the
 * contacts only of their own and of organisations they work with, and manage only
 * their own organisation's users; only an admin grants the admin role.
 */
export const canListUsersOf = (actor: Actor): boolean => hasRole(actor, 'admin', 'coordinator');

/** Without asking the table: an admin, or one's own organisation (else: do they work together?). */
export const seesContactsOf = (actor: Actor, orgId: string): boolean => hasRole(actor, 'admin') || actor.orgId === orgId;

/** A person as shown to choose them: name, position and role; no email, no account details. */
export const namedOnly = ({ id, orgId, name, position, role, status }: User): NamedUser => ({ id, orgId, name, ...(position === undefined ? {} : { position }), role, status });

export const canManageUsersOf = (actor: Actor, orgId: string): boolean =>
  hasRole(actor, 'admin') || (hasRole(actor, 'coordinator') && actor.orgId === orgId);

export const canGrantRole = (actor: Actor, role: Role): boolean => hasRole(actor, 'admin') || role !== 'admin';
