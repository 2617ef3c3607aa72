import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import type { RouteDefinition } from '../core/route.js';
import { fieldMessageTemplates } from '../core/field-codes.js';
import { errorCodes } from '../core/errors.js';
import { routes } from '../routes.js';

/**
 * OpenAPI 3.1 generated from the route table and its zod schemas: the document
 * cannot drift from the code because it is the code.
 */
type JsonSchema = Record<string, unknown>;

const jsonSchema = (schema: $ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
};

const problemSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', enum: Object.keys(errorCodes) },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message', 'code'],
        properties: {
          path: { type: 'string' },
          message: { type: 'string', description: 'In English, for API users.' },
          code: { type: 'string', enum: [...Object.keys(fieldMessageTemplates), 'option', 'invalid'], description: 'Stable: what to show in the user\'s language.' },
          params: { type: 'object', additionalProperties: { type: 'string' }, description: 'The figures or dates the message names, e.g. {"min": "3"}.' },
        },
      },
    },
  },
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const parametersOf = (route: RouteDefinition) => {
  const fromSchema = (schema: $ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const described = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(described.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || (described.required ?? []).includes(name),
      schema: property,
    }));
  };
  const headers = [
    ...(route.requiresIfMatch ? [{ name: 'If-Match', in: 'header', required: true, description: 'The ETag of the version you read.', schema: { type: 'string' } }] : []),
    ...(route.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Retries with the same key return the first result.', schema: { type: 'string', minLength: 8, maxLength: 128 } }] : []),
  ];
  return [...fromSchema(route.params, 'path'), ...fromSchema(route.query, 'query'), ...headers];
};

const responsesOf = (route: RouteDefinition) => {
  const isPublic = route.access === 'public';
  return {
    [route.successStatus]: {
      description: { 200: 'OK', 201: 'Created', 202: 'Accepted: follow the job at Location' }[route.successStatus],
      ...(route.successStatus === 202 ? { headers: { Location: { description: 'Where the job is followed.', schema: { type: 'string' } } } } : {}),
      ...(route.successStatus === 201 || ((route.requiresIfMatch || route.resource) && route.successStatus !== 202)
        ? { headers: { ETag: { description: 'Version of the record, for If-Match.', schema: { type: 'string' } } } }
        : {}),
      content: route.produces
        ? Object.fromEntries(route.produces.map((type) => [type, { schema: { type: 'string' } }]))
        : { 'application/json': { schema: jsonSchema(route.response, 'output') } },
    },
    400: problem('Invalid request; every bad field is listed in `errors`.'),
    ...(isPublic ? {} : { 401: problem('No valid access token.'), 403: problem('Not allowed for your role or organisation.') }),
    ...(route.resource ? { 404: problem('Not found, or not visible to you.') } : {}),
    ...(route.method !== 'GET' ? { 409: problem('Conflicts with the current state.') } : {}),
    ...(route.requiresIfMatch ? { 412: problem('The record changed since you read it.'), 428: problem('If-Match is required.') } : {}),
    ...(route.idempotent ? { 422: problem('Idempotency-Key reused with a different request.') } : {}),
    500: problem('Internal error.'),
  };
};

export const buildOpenApiDocument = (serverUrl = '/') => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes as readonly RouteDefinition[]) {
    const operation = {
      operationId: route.operation,
      summary: route.summary,
      tags: [route.module],
      security: route.access === 'public' ? [] : [{ cognito: ['pakt/api'] }],
      ...(route.access === 'public' ? {} : { 'x-roles': route.access }),
      parameters: parametersOf(route),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      responses: responsesOf(route),
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  const modules = [...new Set(routes.map((route) => route.module))];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pakt API',
      version: '1.0.0',
      description: 'Memoranda of cooperation, partner obligations and assistance programmes.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Pakt' },
    },
    servers: [{ url: serverUrl }],
    tags: modules.map((name) => ({ name, description: `The ${name} module.` })),
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        cognito: {
          type: 'oauth2',
          description: 'Authorization code with PKCE against the configured OpenID provider; the access token must carry the pakt/api scope.',
          flows: { authorizationCode: { authorizationUrl: '/oauth2/authorize', tokenUrl: '/oauth2/token', scopes: { 'pakt/api': 'Use the Pakt API' } } },
        },
      },
    },
  };
};
