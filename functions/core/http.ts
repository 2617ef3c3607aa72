import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Problem } from './errors.js';
import type { ApiResult } from './route.js';

/** Response shaping shared by every handler and by the local server. */

export const baseHeaders = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

export const jsonResponse = (statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { ...baseHeaders, 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

/** A file answer: its type from the operation's headers; a binary file's body comes base64-encoded. */
export const fileResponse = (statusCode: number, body: unknown, headers: Record<string, string> = {}, binary = false): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { ...baseHeaders, 'content-type': 'application/octet-stream', ...headers },
  body: String(body),
  ...(binary ? { isBase64Encoded: true } : {}),
});

/** File types sent as bytes rather than text. */
export const binaryTypes: readonly string[] = ['application/pdf'];

export const problemResponse = (problem: Problem): APIGatewayProxyStructuredResultV2 => ({
  statusCode: problem.status,
  headers: { ...baseHeaders, 'content-type': 'application/problem+json; charset=utf-8' },
  body: JSON.stringify(problem),
});

export const etagOf = (version: number): string => `"${version}"`;

/** `"3"`, `W/"3"` or `3` → 3; anything else → undefined. */
export const versionFromIfMatch = (header: string): number | undefined => {
  const match = /^\s*(?:W\/)?"?(\d{1,12})"?\s*$/.exec(header);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

/** A response as the handler sends it and as idempotency stores it for replay. */
export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export const toStoredResponse = (status: number, result: ApiResult<unknown>): StoredResponse => ({
  status,
  body: result.body,
  headers: {
    ...(result.version === undefined ? {} : { etag: etagOf(result.version) }),
    ...(result.location === undefined ? {} : { location: result.location }),
    ...result.headers,
  },
});
