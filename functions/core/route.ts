import type { $ZodType, input, output } from 'zod/v4/core';
import type { Actor } from './actor.js';
import type { IdempotencyContext } from './idempotency.js';
import type { Role } from './roles.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * What one HTTP route is: everything the CDK stack, the local server, the OpenAPI
 * document and the authorization tests need. Routes are declared only in
 * `functions/routes.ts`, from the schemas each module exports.
 */
export interface RouteDefinition {
  method: HttpMethod;
  /** API Gateway path template, e.g. `/api/organisations/{orgId}`. */
  path: string;
  /** The folder under functions/ whose handler.ts serves this route (one Lambda per module). */
  module: string;
  operation: string;
  summary: string;
  /** `public` routes skip the JWT authorizer; all others need one of these roles. */
  access: 'public' | readonly Role[];
  params?: $ZodType;
  query?: $ZodType;
  body?: $ZodType;
  response: $ZodType;
  /** 202: accepted as a job; its `location` is where to follow it. */
  successStatus: 200 | 201 | 202;
  /** Accepts `Idempotency-Key` (creating POSTs, and the changes the SPA's offline outbox sends). */
  idempotent?: boolean;
  /** Needs `If-Match` with the record's ETag (optimistic concurrency). */
  requiresIfMatch?: boolean;
  /**
   * A file rather than JSON: the operation returns the file's text as `body` and
   * sets its `content-type` (and `content-disposition`) in `headers`; these are
   * the types it may answer with.
   */
  produces?: readonly string[];
  /** Renders a document or reads a whole history in the request: throttled tighter than the API's default on AWS. */
  heavy?: boolean;
  /** The record the route addresses, for the authorization-matrix test. */
  resource?: 'organisation' | 'user' | 'memorandum' | 'programme';
}

export const defineRoute = <const R extends RouteDefinition>(route: R): R => route;

/** Whether a route is throttled as heavy (its definition says so). */
export const isHeavy = (route: object): boolean => 'heavy' in route && route.heavy === true;

export const routeKeyOf = (route: Pick<RouteDefinition, 'method' | 'path'>): string => `${route.method} ${route.path}`;

type Parsed<S> = S extends $ZodType ? output<S> : undefined;

export interface RequestMeta {
  requestId: string;
  sourceIp: string;
  userAgent: string;
}

export interface ApiRequest<R extends RouteDefinition> {
  actor: R['access'] extends 'public' ? undefined : Actor;
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
  /** The version the client read (from If-Match), on routes that require it. */
  ifMatch: R['requiresIfMatch'] extends true ? number : undefined;
  /** Present when the client sent Idempotency-Key on an idempotent route. */
  idempotency: IdempotencyContext | undefined;
  meta: RequestMeta;
}

export interface ApiResult<Body> {
  body: Body;
  /** Stored version of the returned record: sent as ETag. */
  version?: number;
  /** For 201 responses. */
  location?: string;
  headers?: Record<string, string>;
}

export type ResultFor<R extends RouteDefinition> = ApiResult<input<R['response']>>;

export type Operation<R extends RouteDefinition> = (request: ApiRequest<R>) => Promise<ResultFor<R>>;
