import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import type { AppRoute, ModuleName, RoutesOf } from '../routes.js';
import { actorFromClaims, issuedAtOf, type Actor } from './actor.js';
import { AppError, IdempotentReplay, internalProblem, type FieldProblem } from './errors.js';
import { binaryTypes, fileResponse, jsonResponse, problemResponse, toStoredResponse, versionFromIfMatch, type StoredResponse } from './http.js';
import type { IdempotencyContext, IdempotentRequest } from './idempotency.js';
import { logger } from './logger.js';
import { countEvent } from './metrics.js';
import { routeKeyOf, type ApiRequest, type ApiResult, type Operation } from './route.js';
import { parsePart } from './validation.js';
import { optionalEnv } from './config.js';
import { cameThroughEdge, viewerAddress } from './viewer.js';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
type Response = APIGatewayProxyStructuredResultV2;

/** The operations a module implements: exactly those the route table gives it. */
export type Operations<M extends ModuleName> = {
  [R in RoutesOf<M> as R['operation']]: Operation<R>;
};

const noParts = z.strictObject({});
const idempotencyKeyPattern = /^[A-Za-z0-9_.:-]{8,128}$/;
/** Set where `/api` is served through the web distribution (see viewer.ts). */
const edgeSecret = optionalEnv('EDGE_SECRET');

const header = (event: ApiEvent, name: string): string | undefined => event.headers?.[name];

/**
 * What a module's pipeline needs beyond the request itself. Modules whose routes
 * are all public need neither, so their functions carry no table client.
 */
export interface RequestGuards {
  /** Throws when the account may no longer act: disabled, or the token predates its revocation. */
  checkAccount?: (actor: Actor, issuedAt: number | undefined) => Promise<void>;
  /** Where idempotent writes keep their responses: the context of one request's key. */
  idempotency?: (actor: Actor, key: string, request: IdempotentRequest) => IdempotencyContext;
}

/**
 * 401 without a usable token or for an account that may no longer act, 403 when
 * the caller's role may not use the route.
 */
const authenticate = async (route: AppRoute, event: ApiEvent, guards: RequestGuards): Promise<Actor | undefined> => {
  if (route.access === 'public') return undefined;
  // A function built without account checks must never serve a route that needs them.
  if (!guards.checkAccount) throw new Error(`${route.operation} needs an account check this function was built without.`);
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const actor = actorFromClaims(claims);
  await guards.checkAccount(actor, issuedAtOf(claims));
  const allowed: readonly string[] = route.access;
  if (!actor.roles.some((role) => allowed.includes(role))) {
    throw new AppError('forbidden', 'Your role does not allow this action.');
  }
  return actor;
};

const readBody = (route: AppRoute, event: ApiEvent, problems: FieldProblem[]): unknown => {
  const raw = event.body === undefined || event.body === '' ? undefined : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (!('body' in route)) {
    if (raw !== undefined) problems.push({ path: 'body', message: 'This request takes no body.' });
    return undefined;
  }
  // No body is an empty object: the schema then names each missing field.
  if (raw === undefined) return {};
  const contentType = header(event, 'content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json.');
  }
  try {
    return JSON.parse(raw);
  } catch {
    problems.push({ path: 'body', message: 'The body is not valid JSON.' });
    return undefined;
  }
};

const readIfMatch = (route: AppRoute, event: ApiEvent, problems: FieldProblem[]): number | undefined => {
  if (!('requiresIfMatch' in route)) return undefined;
  const value = header(event, 'if-match');
  if (value === undefined) throw new AppError('version_required', 'Send If-Match with the ETag you read, so that no one else\'s change is overwritten.');
  const version = versionFromIfMatch(value);
  if (version === undefined) problems.push({ path: 'headers.if-match', message: 'Must be the ETag of the record, e.g. "3".' });
  return version;
};

const readIdempotencyKey = (route: AppRoute, event: ApiEvent, problems: FieldProblem[]): string | undefined => {
  if (!('idempotent' in route)) return undefined;
  const key = header(event, 'idempotency-key');
  if (key !== undefined && !idempotencyKeyPattern.test(key)) {
    problems.push({ path: 'headers.idempotency-key', message: 'Must be 8 to 128 letters, digits or _ . : - (a UUID is fine).' });
  }
  return key;
};

/** Authenticates and validates every part of the request; all field problems in one 400. */
const parseRequest = async (route: AppRoute, event: ApiEvent, guards: RequestGuards): Promise<ApiRequest<AppRoute>> => {
  const actor = await authenticate(route, event, guards);
  const problems: FieldProblem[] = [];
  const params = parsePart('params' in route ? route.params : noParts, event.pathParameters ?? {}, 'params', problems);
  const query = parsePart('query' in route ? route.query : noParts, event.queryStringParameters ?? {}, 'query', problems);
  const rawBody = readBody(route, event, problems);
  const body = 'body' in route && problems.length === 0 ? parsePart(route.body, rawBody, 'body', problems) : undefined;
  const ifMatch = readIfMatch(route, event, problems);
  const idempotencyKey = readIdempotencyKey(route, event, problems);
  if (problems.length > 0) throw new AppError('invalid_request', 'Some fields are not valid.', problems);

  const idempotency: IdempotencyContext | undefined =
    actor && idempotencyKey && guards.idempotency ? guards.idempotency(actor, idempotencyKey, { method: event.requestContext.http.method, path: event.rawPath, body }) : undefined;
  return {
    actor, params, query, body, ifMatch, idempotency,
    meta: {
      requestId: event.requestContext.requestId,
      sourceIp: viewerAddress(event, edgeSecret),
      userAgent: event.requestContext.http.userAgent,
    },
  } as ApiRequest<AppRoute>;
};

const replay = (stored: StoredResponse): Response => jsonResponse(stored.status, stored.body, { ...stored.headers, 'idempotent-replayed': 'true' });

/** Errors become problem+json here and only here. Anything unexpected is a bare 500. */
const problemJsonErrors = (): MiddlewareObj<ApiEvent, Response> => ({
  onError: (request) => {
    const { error } = request;
    if (error instanceof IdempotentReplay) {
      request.response = replay(error.response);
    } else if (error instanceof AppError) {
      if (error.status >= 500) logger.error('Request failed', { code: error.code });
      if (error.code === 'integrity_failure') countEvent('integrityFailures');
      request.response = problemResponse(error.toProblem());
    } else {
      logger.error('Unhandled error', { errorName: error instanceof Error ? error.name : typeof error, error: error instanceof Error ? { name: error.name, stack: error.stack } : undefined });
      request.response = problemResponse(internalProblem());
    }
  },
});

/**
 * The Lambda handler of one module: finds the route by its API Gateway route key,
 * parses the request, runs the operation, shapes the response. Idempotent retries
 * surface as IdempotentReplay from the operation's transaction and are replayed.
 * Registered last, `problemJsonErrors` turns every failure into problem+json.
 *
 * `declared` is the domain's own route list (`<domain>/routes.ts`), not the
 * whole table: a function's bundle carries its own routes and schemas only.
 */
export const handlerWith = (guards: RequestGuards) => <M extends ModuleName>(module: M, declared: readonly AppRoute[], operations: NoInfer<Operations<M>>) => {
  const routesByKey = new Map(declared.filter((route) => route.module === module).map((route) => [routeKeyOf(route), route]));
  return middy<ApiEvent, Response, Error, Context>()
    .use(injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }))
    .use(problemJsonErrors())
    .handler(async (event) => {
      if (!cameThroughEdge(event, edgeSecret)) throw new AppError('edge_required', 'Call the API through the web address; its own endpoint answers nothing.');
      const route = routesByKey.get(event.routeKey);
      if (!route) throw new AppError('not_found', `No route ${event.routeKey} here.`);
      logger.appendKeys({ route: event.routeKey });
      const request = await parseRequest(route, event, guards);
      const operation = (operations as unknown as Record<string, Operation<AppRoute>>)[route.operation];
      if (operation === undefined) throw new Error(`Module ${module} does not implement ${route.operation}`);
      const stored = toStoredResponse(route.successStatus, await operation(request));
      if (!('produces' in route)) return jsonResponse(stored.status, stored.body, stored.headers);
      return fileResponse(stored.status, stored.body, stored.headers, route.produces.some((type) => binaryTypes.includes(type)));
    });
};

/** A created record's response, as stored for idempotent replay and as sent. */
export const createdResponse = <Body>(routePath: string, body: Body & { id: string; version: number }): ApiResult<Body> => ({
  body,
  version: body.version,
  location: `${routePath}/${body.id}`,
});
