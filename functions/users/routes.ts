import { defineRoute } from '../core/route.js';
import { pageQuery } from '../core/schemas.js';
import { Me, OrganisationUsersParams, User, UserInvite, UserPage, UserParams, UserStatusChange } from './schema.js';

/** The users routes, in THE route table (functions/routes.ts). */
export const userRoutes = [
  defineRoute({
    method: 'GET', path: '/api/me', module: 'users', operation: 'getMe',
    summary: 'The signed-in user, their roles and organisation', access: ['admin', 'coordinator', 'council', 'funder'],
    response: Me, successStatus: 200,
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
] as const;
