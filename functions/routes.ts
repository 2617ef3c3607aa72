import { defineRoute, routeKeyOf, type RouteDefinition } from './core/route.js';
import { pageQuery } from './core/schemas.js';
import { OpenApiDocument } from './openapi/schema.js';
import { Organisation, OrganisationInput, OrganisationPage, OrganisationParams, OrganisationPatch } from './organisations/schema.js';
import { Me, OrganisationUsersParams, User, UserInvite, UserPage, UserParams, UserStatusChange } from './users/schema.js';

/**
 * THE route table. CDK creates one Lambda per module and one HTTP API route per
 * entry; the local server dispatches from it; the OpenAPI document and the
 * authorization-matrix test are generated from it. Declare routes nowhere else.
 */
export const routes = [
  defineRoute({
    method: 'GET', path: '/api/openapi.json', module: 'openapi', operation: 'getOpenApiDocument',
    summary: 'The OpenAPI 3.1 description of this API', access: 'public',
    response: OpenApiDocument, successStatus: 200,
  }),
  defineRoute({
    method: 'GET', path: '/api/me', module: 'users', operation: 'getMe',
    summary: 'The signed-in user, their roles and organisation', access: ['admin', 'coordinator', 'council', 'funder'],
    response: Me, successStatus: 200,
  }),
  defineRoute({
    method: 'GET', path: '/api/organisations', module: 'organisations', operation: 'listOrganisations',
    summary: 'Organisations the caller may see, by name', access: ['admin', 'coordinator', 'council', 'funder'],
    query: pageQuery, response: OrganisationPage, successStatus: 200,
  }),
  defineRoute({
    method: 'POST', path: '/api/organisations', module: 'organisations', operation: 'createOrganisation',
    summary: 'Register an organisation', access: ['admin', 'coordinator'],
    body: OrganisationInput, response: Organisation, successStatus: 201, idempotent: true,
  }),
  defineRoute({
    method: 'GET', path: '/api/organisations/{orgId}', module: 'organisations', operation: 'getOrganisation',
    summary: 'One organisation', access: ['admin', 'coordinator', 'council', 'funder'],
    params: OrganisationParams, response: Organisation, successStatus: 200, resource: 'organisation',
  }),
  defineRoute({
    method: 'PATCH', path: '/api/organisations/{orgId}', module: 'organisations', operation: 'updateOrganisation',
    summary: 'Change an organisation', access: ['admin', 'coordinator'],
    params: OrganisationParams, body: OrganisationPatch, response: Organisation, successStatus: 200,
    requiresIfMatch: true, resource: 'organisation',
  }),
  defineRoute({
    method: 'GET', path: '/api/organisations/{orgId}/users', module: 'users', operation: 'listUsers',
    summary: 'Users of an organisation, by name', access: ['admin', 'coordinator'],
    params: OrganisationUsersParams, query: pageQuery, response: UserPage, successStatus: 200, resource: 'organisation',
  }),
  defineRoute({
    method: 'POST', path: '/api/organisations/{orgId}/users', module: 'users', operation: 'inviteUser',
    summary: 'Invite a user to an organisation', access: ['admin', 'coordinator'],
    params: OrganisationUsersParams, body: UserInvite, response: User, successStatus: 201, idempotent: true,
    resource: 'organisation',
  }),
  defineRoute({
    method: 'PUT', path: '/api/users/{userId}/status', module: 'users', operation: 'setUserStatus',
    summary: 'Disable or re-enable a user', access: ['admin', 'coordinator'],
    params: UserParams, body: UserStatusChange, response: User, successStatus: 200, requiresIfMatch: true,
    resource: 'user',
  }),
] as const satisfies readonly RouteDefinition[];

export type AppRoute = (typeof routes)[number];
export type ModuleName = AppRoute['module'];
export type RoutesOf<M extends ModuleName> = Extract<AppRoute, { module: M }>;

export const moduleNames = [...new Set(routes.map((route) => route.module))] as ModuleName[];

/**
 * What each module's function may touch; the CDK stack grants exactly this.
 * `directory` is the identity provider's user administration (Cognito).
 */
export const moduleAccess: Record<ModuleName, { table?: 'read' | 'readwrite'; directory?: boolean }> = {
  openapi: {},
  organisations: { table: 'readwrite' },
  users: { table: 'readwrite', directory: true },
};

const byKey = new Map<string, AppRoute>(routes.map((route) => [routeKeyOf(route), route]));

export const findRoute = (routeKey: string): AppRoute | undefined => byKey.get(routeKey);
