import { createdResponse, moduleHandler } from '../core/handler.js';
import { requireVersion } from '../core/versions.js';
import { AppError, forbidden, notFound } from '../core/errors.js';
import { isoNow } from '../core/clock.js';
import { pageLimit } from '../core/schemas.js';
import { tableContext } from '../data/client.js';
import { organisationRepository } from '../organisations/repository.js';
import { configuredDirectory } from './directory.js';
import { accountAccess } from './access.js';
import { canGrantRole, canListUsersOf, canManageUsersOf, namedOnly, seesContactsOf } from './policy.js';
import { worksWith } from './relationships.js';
import { userRepository } from './repository.js';
import type { User } from './schema.js';
import { userRoutes } from './routes.js';

const users = userRepository(tableContext());
const organisations = organisationRepository(tableContext());
const directory = configuredDirectory();

export const handler = moduleHandler('users', userRoutes, {
  async getMe({ actor }) {
    const { profile, organisation } = await users.getWithOrganisation(actor.userId, actor.orgId);
    return { body: { userId: actor.userId, roles: actor.roles, organisation: organisation ?? null, profile: profile ?? null } };
  },

  async listUsers({ actor, params, query }) {
    if (!canListUsersOf(actor)) throw forbidden('Your role does not allow listing users.');
    const [page, contacts] = await Promise.all([
      users.listByOrganisation(params.orgId, pageLimit(query.limit), query.cursor),
      seesContactsOf(actor, params.orgId) || worksWith(tableContext(), actor.orgId, params.orgId),
    ]);
    // Anyone else's people are named (to choose an approver or signatory), never reachable.
    return { body: contacts ? page : { ...page, items: page.items.map(namedOnly) } };
  },

  async inviteUser({ actor, params, body, idempotency }) {
    if (!canManageUsersOf(actor, params.orgId)) throw forbidden('Only an admin or a coordinator of this organisation can invite its users.');
    if (!canGrantRole(actor, body.role)) throw forbidden('Only an admin can grant the admin role.');
    await idempotency?.replayIfCompleted();
    if (!(await organisations.get(params.orgId))) throw notFound('The organisation');

    const { userId } = await directory.createUser({ email: body.email, name: body.name, orgId: params.orgId, role: body.role });
    const now = isoNow();
    const user: User = {
      id: userId, orgId: params.orgId, name: body.name, email: body.email, role: body.role,
      ...(body.position === undefined ? {} : { position: body.position }),
      status: 'active', version: 1, createdAt: now, updatedAt: now,
    };
    const result = createdResponse('/api/users', user);
    try {
      await users.create(user, [...(user.role === 'coordinator' ? [organisations.takenOver(user.orgId, now)] : []), ...(idempotency ? [idempotency.record(result)] : [])]);
    } catch (error) {
      await directory.deleteUser(userId);
      throw error;
    }
    return result;
  },

  async setUserStatus({ actor, params, body, ifMatch }) {
    const current = canListUsersOf(actor) ? await users.get(params.userId) : undefined;
    if (!current) throw notFound('The user');
    if (!canManageUsersOf(actor, current.orgId)) throw forbidden('Only an admin or a coordinator of this organisation can manage its users.');
    if (!canGrantRole(actor, current.role)) throw forbidden('Only an admin can change an admin.');
    if (current.id === actor.userId) throw new AppError('conflict', 'You cannot change your own status.');
    requireVersion(current, ifMatch, 'user');

    // The profile is the revocation the API checks, so it changes first; the directory follows
    // (sign-in, and on disabling every refresh token), also when a retry finds the profile done.
    let next = current;
    if (current.status !== body.status) {
      const now = isoNow();
      next = { ...current, status: body.status, ...(body.status === 'disabled' ? { accessRevokedAt: now } : {}), version: current.version + 1, updatedAt: now };
      await users.update(next, current.version);
      accountAccess.forget(current.id);
    }
    await directory.setEnabled(current.id, body.status === 'active');
    return { body: next, version: next.version };
  },
});
