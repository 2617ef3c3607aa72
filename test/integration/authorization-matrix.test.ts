import { beforeAll, describe, expect, it } from 'vitest';
import { routes, type AppRoute } from '../../functions/routes.js';
import { demoOrganisations } from '../../infra/local/seed.js';
import { call, demoUser } from '../support/api.js';

/**
 * Every route × every kind of caller × {a record of the caller's organisation,
 * a record of another organisation} → the status it must get, through the real
 * HTTP path with real tokens. A route missing from `expected` fails the suite.
 */
type Caller = 'anonymous' | 'admin' | 'coordinator' | 'council' | 'funder';
type Scope = 'own' | 'other';
type Expectation = Record<Caller, Record<Scope, number>>;

const same = (status: number) => ({ own: status, other: status });
const byCaller = (statuses: Partial<Record<Caller, { own: number; other: number }>>, fallback: { own: number; other: number }): Expectation => ({
  anonymous: statuses.anonymous ?? same(401),
  admin: statuses.admin ?? fallback,
  coordinator: statuses.coordinator ?? fallback,
  council: statuses.council ?? fallback,
  funder: statuses.funder ?? fallback,
});

const expected: Record<AppRoute['operation'], Expectation> = {
  getOpenApiDocument: byCaller({ anonymous: same(200) }, same(200)),
  getMe: byCaller({}, same(200)),
  listOrganisations: byCaller({}, same(200)),
  createOrganisation: byCaller({ admin: same(201), coordinator: same(201) }, same(403)),
  getOrganisation: byCaller({ admin: same(200), coordinator: same(200) }, { own: 200, other: 404 }),
  updateOrganisation: byCaller({ admin: same(200), coordinator: { own: 200, other: 403 } }, same(403)),
  listUsers: byCaller({ admin: same(200), coordinator: same(200) }, same(403)),
  inviteUser: byCaller({ admin: same(201), coordinator: { own: 201, other: 403 } }, same(403)),
  setUserStatus: byCaller({ admin: same(200), coordinator: { own: 200, other: 403 } }, same(403)),
};

const callers: Caller[] = ['anonymous', 'admin', 'coordinator', 'council', 'funder'];
const scopes: Scope[] = ['own', 'other'];
const otherOrg = demoOrganisations.rightsInstitute;
const orgOf = (caller: Caller, scope: Scope) => (scope === 'other' || caller === 'anonymous' ? otherOrg : demoUser(caller).orgId);

/** A user in each organisation that anyone allowed may manage (role council, not the caller). */
const targetUsers = new Map<string, string>();
const admin = demoUser('admin');

const versionOf = async (path: string) => (await call<{ version: number }>('GET', path, { as: admin })).body.version;
const userVersion = async (orgId: string, userId: string) => {
  const page = await call<{ items: { id: string; version: number }[] }>('GET', `/api/organisations/${orgId}/users?limit=100`, { as: admin });
  return page.body.items.find((user) => user.id === userId)?.version ?? 1;
};

const requestFor = async (route: AppRoute, caller: Caller, scope: Scope) => {
  const orgId = orgOf(caller, scope);
  const userId = targetUsers.get(orgId) ?? 'missing';
  const path = route.path.replace('{orgId}', orgId).replace('{userId}', userId);
  const as = caller === 'anonymous' ? null : demoUser(caller);
  switch (route.operation) {
    case 'createOrganisation':
      return { path, as, body: { name: { uk: 'Матриця', en: 'Matrix' }, type: 'other' } };
    case 'updateOrganisation':
      return { path, as, body: { contacts: { phone: '+380 44 555 0000' } }, headers: { 'if-match': `"${await versionOf(path)}"` } };
    case 'inviteUser':
      return { path, as, body: { name: 'Matrix Person', email: `matrix.${crypto.randomUUID().slice(0, 8)}@example.org`, role: 'council' } };
    case 'setUserStatus':
      return { path, as, body: { status: 'active' }, headers: { 'if-match': `"${await userVersion(orgId, userId)}"` } };
    default:
      return { path, as };
  }
};

describe('authorization matrix', () => {
  beforeAll(async () => {
    for (const orgId of [...Object.values(demoOrganisations)]) {
      const invited = await call<{ id: string }>('POST', `/api/organisations/${orgId}/users`, {
        as: admin,
        body: { name: 'Target User', email: `target.${crypto.randomUUID().slice(0, 8)}@example.org`, role: 'council' },
      });
      targetUsers.set(orgId, invited.body.id);
    }
  });

  it('has a row for every route in the route table', () => {
    expect(Object.keys(expected).sort()).toEqual(routes.map((route) => route.operation).sort());
  });

  const cases = routes.flatMap((route) => callers.flatMap((caller) => scopes.map((scope) => ({ route, caller, scope, status: expected[route.operation][caller][scope] }))));

  it.each(cases)('$route.method $route.path as $caller on $scope organisation → $status', async ({ route, caller, scope, status }) => {
    const { path, as, ...rest } = await requestFor(route, caller, scope);
    const response = await call(route.method, path, { as, ...rest });
    expect(response.status).toBe(status);
    if (status >= 400) expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
