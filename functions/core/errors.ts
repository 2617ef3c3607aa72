import { codeOfMessage, type FieldCode, type FieldParams } from './field-codes.js';
import type { StoredResponse } from './http.js';

/**
 * One error type for everything a client can cause. Handlers and use cases throw
 * `AppError`; the error middleware alone turns it into RFC 9457 problem+json.
 * Anything that is not an AppError is a bug and becomes an opaque 500.
 */

export const errorCodes = {
  invalid_request: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Sign-in required' },
  account_disabled: { status: 401, title: 'The account is disabled' },
  session_revoked: { status: 401, title: 'The sign-in was revoked' },
  forbidden: { status: 403, title: 'Not allowed' },
  edge_required: { status: 403, title: 'Only through the web address' },
  lead_only: { status: 403, title: 'Only the lead implementer may do this' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  already_exists: { status: 409, title: 'Already exists' },
  request_in_progress: { status: 409, title: 'The same request is still being processed' },
  invalid_transition: { status: 409, title: 'Not possible in the record\'s current state' },
  already_done: { status: 409, title: 'Already done' },
  case_records_kept: { status: 409, title: 'The organisation keeps case records here' },
  lead_must_hand_over: { status: 409, title: 'The lead must hand the lead over first' },
  document_mismatch: { status: 409, title: 'The document differs from the one on record' },
  document_pending: { status: 409, title: 'The document is still being prepared' },
  stale_version: { status: 412, title: 'The record has changed since you read it' },
  unsupported_media_type: { status: 415, title: 'Send application/json' },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key was used with a different request' },
  version_required: { status: 428, title: 'If-Match header required' },
  internal: { status: 500, title: 'Internal error' },
  integrity_failure: { status: 500, title: 'A stored document failed its integrity check' },
  storage_unavailable: { status: 503, title: 'Document storage is unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldProblem {
  /** Where the problem is, e.g. `body.name.uk`, `query.limit`, `headers.if-match`. */
  path: string;
  /** In English, for API users; clients show `code` with `params` in their user's language. */
  message: string;
  /** Stable: see field-codes.ts. Filled in from the message where a rule gives none. */
  code?: FieldCode;
  params?: FieldParams;
}

const withCode = (problem: FieldProblem): FieldProblem => (problem.code ? problem : { ...problem, ...codeOfMessage(problem.message) });

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldProblem[];
}

export class AppError extends Error {
  readonly status: number;
  readonly errors?: FieldProblem[];

  constructor(
    readonly code: ErrorCode,
    detail: string,
    errors?: FieldProblem[],
  ) {
    super(detail);
    this.errors = errors?.map(withCode);
    this.name = 'AppError';
    this.status = errorCodes[code].status;
  }

  toProblem(): Problem {
    return {
      type: `https://pakt.app/problems/${this.code.replaceAll('_', '-')}`,
      title: errorCodes[this.code].title,
      status: this.status,
      code: this.code,
      detail: this.message,
      ...(this.errors && this.errors.length > 0 ? { errors: this.errors } : {}),
    };
  }
}

export const invalid = (errors: FieldProblem[], detail = 'Some fields are not valid.'): AppError =>
  new AppError('invalid_request', detail, errors);

export const notFound = (what: string): AppError => new AppError('not_found', `${what} was not found.`);

export const forbidden = (detail: string): AppError => new AppError('forbidden', detail);

export const internalProblem = (): Problem =>
  new AppError('internal', 'Something went wrong on our side. The request was not completed.').toProblem();

/** Thrown when a concurrent twin of an idempotent request stored its response first; the pipeline replays it (core/idempotency.ts). */
export class IdempotentReplay extends Error {
  constructor(readonly response: StoredResponse) {
    super('Replaying the stored response of an earlier identical request.');
  }
}
