import { describe, expect, it } from 'vitest';
import type { Actor } from '../../functions/core/actor.js';
import type { Role } from '../../functions/core/roles.js';
import { canEditOrganisation, canSeeAllOrganisations, canSeeOrganisation } from '../../functions/organisations/policy.js';
import { canGrantRole, canListUsersOf, canManageUsersOf } from '../../functions/users/policy.js';

const actor = (role: Role): Actor => ({ userId: `user-${role}`, orgId: 'own', roles: [role] });

describe.each([
  // role, sees all, sees own, sees other, edits own, edits other, lists users, manages own, manages other, grants admin
  ['admin', true, true, true, true, true, true, true, true, true],
  ['coordinator', true, true, true, true, false, true, true, false, false],
  ['council', false, true, false, false, false, false, false, false, false],
  ['funder', false, true, false, false, false, false, false, false, false],
] as const)('%s', (role, seesAll, seesOwn, seesOther, editsOwn, editsOther, listsUsers, managesOwn, managesOther, grantsAdmin) => {
  const who = actor(role);
  it('sees organisations as the policy says', () => {
    expect([canSeeAllOrganisations(who), canSeeOrganisation(who, 'own'), canSeeOrganisation(who, 'other')]).toEqual([seesAll, seesOwn, seesOther]);
  });
  it('edits organisations as the policy says', () => {
    expect([canEditOrganisation(who, { id: 'own' }), canEditOrganisation(who, { id: 'other' })]).toEqual([editsOwn, editsOther]);
    expect(canEditOrganisation(who, { id: 'partner', registeredByOrgId: 'own' })).toBe(role === 'admin' || role === 'coordinator');
    // Once the partner has a coordinator of its own, it maintains itself.
    expect(canEditOrganisation(who, { id: 'partner', registeredByOrgId: 'own', ownCoordinatorSince: '2026-12-01T00:00:00.000Z' })).toBe(role === 'admin');
  });
  it('manages users as the policy says', () => {
    expect([canListUsersOf(who), canManageUsersOf(who, 'own'), canManageUsersOf(who, 'other'), canGrantRole(who, 'admin'), canGrantRole(who, 'council')]).toEqual([
      listsUsers, managesOwn, managesOther, grantsAdmin, true,
    ]);
  });
});

describe('an actor without roles', () => {
  it('may do nothing but see their own organisation', () => {
    const nobody: Actor = { userId: 'u', orgId: 'own', roles: [] };
    expect([canSeeAllOrganisations(nobody), canSeeOrganisation(nobody, 'own'), canEditOrganisation(nobody, { id: 'own' }), canManageUsersOf(nobody, 'own')]).toEqual([false, true, false, false]);
  });
});
