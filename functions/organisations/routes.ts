import { defineRoute } from '../core/route.js';
import { pageQuery } from '../core/schemas.js';
import { Organisation, OrganisationInput, OrganisationPage, OrganisationParams, OrganisationPatch } from './schema.js';

/** The organisations routes, in THE route table (functions/routes.ts). */
export const organisationRoutes = [
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
] as const;
