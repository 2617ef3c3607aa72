import { createHash } from 'node:crypto';
import type { TableContext } from '../data/client.js';
import type { TxItem } from '../data/transact.js';
import { idempotencyRepository, type IdempotencyRecord } from './idempotency-repository.js';
import type { Actor } from './actor.js';
import { AppError, IdempotentReplay } from './errors.js';
import { toStoredResponse, type StoredResponse } from './http.js';
import type { ApiResult } from './route.js';

/**
 * Idempotency-Key for creating POSTs and for the changes an offline outbox sends (a report's entries, an
 * event's attendance), on the same table. The record is written in
 * the same transaction as the thing it creates, so a request either created its
 * record and its replay together, or neither. Keys are scoped to the caller: one
 * user can never receive another user's stored response.
 */
export const idempotencyTtlSeconds = 24 * 60 * 60;

export interface IdempotencyContext {
  requestHash: string;
  /** The transaction item that stores the write's response (201 for a creation, 200 for a change) as this key's replay. */
  record(result: ApiResult<unknown>, status?: 200 | 201): TxItem;
  /**
   * For operations with side effects outside the table (e.g. creating a Cognito
   * user): replays a completed identical request before they happen. Pure table
   * writes need not call it: their transaction detects the replay by itself.
   */
  replayIfCompleted(): Promise<void>;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');


const replayOrReject = (stored: IdempotencyRecord, requestHash: string): StoredResponse => {
  if (stored.requestHash !== requestHash) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key.');
  }
  return stored.response as StoredResponse;
};

export interface IdempotentRequest { method: string; path: string; body: unknown }

export const idempotencyContext = (ctx: TableContext, actor: Actor, key: string, request: IdempotentRequest, nowSeconds: () => number): IdempotencyContext => {
  const records = idempotencyRepository(ctx, sha256(`${actor.userId}\n${key}`));
  const requestHash = sha256(`${request.method} ${request.path}\n${JSON.stringify(request.body ?? null)}`);
  return {
    requestHash,
    record: (result, status = 201) =>
      records.put({ requestHash, response: toStoredResponse(status, result), expiresAt: nowSeconds() + idempotencyTtlSeconds }, nowSeconds(), (stored) =>
        stored ? new IdempotentReplay(replayOrReject(stored, requestHash)) : new AppError('request_in_progress', 'The same request is being processed. Retry shortly.')),
    async replayIfCompleted() {
      const stored = await records.get();
      if (stored && stored.expiresAt >= nowSeconds()) throw new IdempotentReplay(replayOrReject(stored, requestHash));
    },
  };
};
