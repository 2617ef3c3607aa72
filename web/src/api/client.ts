import type { Problem } from '../../../functions/core/errors';
import { outcomeUnknown, submissionKeys } from './submission-keys';
import type { FieldIssue } from './field-messages';
import { markOffline, markOnline, noteSavedDataShown } from '../offline/connectivity';
import { isReadableOffline } from '../offline/readable';
import type { savedRead, saveRead } from '../offline/saved-reads';

/** The device's store of reads (web/src/offline/saved-reads.ts), loaded with the first read worth keeping. */
export type DeviceReads = () => Promise<{ saveRead: typeof saveRead; savedRead: typeof savedRead }>;

/**
 * The one API client: adds the access token, sends JSON, maps problem+json to
 * ApiError, and retries nothing. Creating requests carry an Idempotency-Key, one
 * per submission (see submission-keys.ts), so the user can safely press "Save"
 * again after a network error.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly fieldErrors: Record<string, FieldIssue> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export interface ApiResponse<T> {
  body: T;
  etag: string | undefined;
  /** Set when the API could not be reached and the answer is the one saved on the device at this time. */
  savedAt?: string;
}

export interface ApiClient {
  get<T>(path: string): Promise<ApiResponse<T>>;
  /**
   * `idempotent`: a creating request, sent with the key of its submission. `idempotencyKey`: a key
   * the caller owns instead (e.g. the upload id that a confirmation belongs to).
   */
  send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body: unknown, options?: { ifMatch?: string; idempotent?: true; idempotencyKey?: string }): Promise<ApiResponse<T>>;
}

/** `body.name.uk` → `name.uk`: field errors keyed the way forms name their fields. */
const fieldErrorsOf = (problem: Partial<Problem>): Record<string, FieldIssue> =>
  Object.fromEntries((problem.errors ?? []).map(({ path, message, code, params }) => [path.replace(/^body\./, ''), { message, code: code ?? 'invalid', ...(params ? { params } : {}) }]));

const toApiError = async (response: Response): Promise<ApiError> => {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const problem = (await response.json().catch(() => ({}))) as Partial<Problem>;
    return new ApiError(response.status, problem.code ?? 'unknown', problem.detail ?? response.statusText, fieldErrorsOf(problem));
  }
  return new ApiError(response.status, 'unknown', response.statusText || `HTTP ${response.status}`);
};

/**
 * `subject`: who is signed in on this device (also while their token has expired offline), whose saved
 * reads may answer when the API cannot be reached.
 */
export const createApiClient = (
  baseUrl: string, accessToken: () => Promise<string | undefined>, onUnauthenticated: () => void,
  device: { subject: () => string | undefined; reads: DeviceReads },
): ApiClient => {
  const { subject, reads: deviceReads } = device;
  const fetchRaw = async (method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Response> => {
    const token = await accessToken();
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...extraHeaders,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      markOffline();
      throw new ApiError(0, 'network', 'network');
    }
    markOnline();
    if (response.status === 401) onUnauthenticated();
    if (!response.ok) throw await toApiError(response);
    return response;
  };
  const call = async <T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse<T>> => {
    const response = await fetchRaw(method, path, body, extraHeaders);
    return { body: (await response.json()) as T, etag: response.headers.get('etag') ?? undefined };
  };
  /** A read the field needs is kept on the device, and answered from it while the API cannot be reached. */
  const get = async <T>(path: string): Promise<ApiResponse<T>> => {
    if (!isReadableOffline(path)) return call<T>('GET', path);
    try {
      const response = await call<T>('GET', path);
      const person = subject();
      if (person) void deviceReads().then(({ saveRead }) => saveRead(person, { path, body: response.body, etag: response.etag })).catch(() => undefined);
      return response;
    } catch (error) {
      const person = subject();
      const saved = person && error instanceof ApiError && error.status === 0 ? await deviceReads().then(({ savedRead }) => savedRead(person, path)).catch(() => undefined) : undefined;
      if (!saved) throw error;
      noteSavedDataShown(saved.savedAt);
      return { body: saved.body as T, etag: saved.etag, savedAt: saved.savedAt };
    }
  };
  const keys = submissionKeys();
  const sendOnce = async <T>(method: string, path: string, body: unknown, options: { ifMatch?: string; idempotent?: true; idempotencyKey?: string }): Promise<ApiResponse<T>> => {
    const request = `${method} ${path}\n${JSON.stringify(body ?? null)}`;
    const idempotencyKey = options.idempotencyKey ?? (options.idempotent ? keys.keyFor(request) : undefined);
    const headers = { ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}), ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) };
    try {
      const response = await call<T>(method, path, body, headers);
      keys.settle(request);
      return response;
    } catch (error) {
      if (!(error instanceof ApiError && outcomeUnknown(error.status, error.code))) keys.settle(request);
      throw error;
    }
  };
  return {
    get,
    send: (method, path, body, options = {}) => sendOnce(method, path, body, options),
  };
};
