import { defineRoute } from '../core/route.js';
import { OpenApiDocument } from './schema.js';

/** The openapi routes, in THE route table (functions/routes.ts). */
export const openapiRoutes = [
  defineRoute({
    method: 'GET', path: '/api/openapi.json', module: 'openapi', operation: 'getOpenApiDocument',
    summary: 'The OpenAPI 3.1 description of this API', access: 'public',
    response: OpenApiDocument, successStatus: 200,
  }),
] as const;
