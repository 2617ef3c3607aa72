import type { Actor } from './actor.js';
import { AppError } from './errors.js';

/**
 * A disabled account is refused at its next request, whatever its token's expiry.
 *
 * API Gateway's JWT authorizer checks a token's signature and expiry only, so every
 * authenticated request also checks the caller's account: it must exist, be active,
 * and the token must have been issued after the account's access was last revoked
 * (disabling revokes it, so a re-enabled person signs in afresh). The answer is kept
 * per container for at most `maxAgeMs` (60 s): a warm container checks a user once a
 * minute, so reads stay one DynamoDB request, and a disabled account is refused
 * everywhere within that minute (at once by the container that disabled it).
 */
export interface AccountAccess {
  status: 'active' | 'disabled' | 'unknown';
  /** Epoch milliseconds of the last revocation, if any. */
  revokedAt?: number;
}

export type AccessVerdict = 'ok' | 'account_disabled' | 'session_revoked';

/**
 * Whether a token issued at `issuedAt` (epoch seconds, as in JWTs) may predate a revocation at
 * `revokedAt` (epoch ms): token times are whole seconds, so one from the revocation's second counts as before it.
 */
export const issuedNoLaterThan = (issuedAt: number | undefined, revokedAt: number): boolean =>
  issuedAt === undefined || issuedAt <= Math.floor(revokedAt / 1000);

/** Pure: may a token issued at `issuedAt` (epoch seconds) act for an account in this state? */
export const accessVerdict = (access: AccountAccess, issuedAt: number | undefined): AccessVerdict => {
  if (access.status !== 'active') return 'account_disabled';
  if (access.revokedAt !== undefined && issuedNoLaterThan(issuedAt, access.revokedAt)) return 'session_revoked';
  return 'ok';
};

export const maxAccessCacheAgeMs = 60_000;
const maxEntries = 10_000;

export interface AccessChecker {
  /** Throws 401 `account_disabled` or `session_revoked` when the account may no longer act. */
  check(actor: Actor, issuedAt: number | undefined): Promise<void>;
  /** Drops what this container knows of a user, e.g. right after their status changed here. */
  forget(userId: string): void;
}

export const accessChecker = (load: (userId: string) => Promise<AccountAccess>, options: { maxAgeMs?: number; now?: () => number } = {}): AccessChecker => {
  const maxAgeMs = Math.min(options.maxAgeMs ?? maxAccessCacheAgeMs, maxAccessCacheAgeMs);
  const now = options.now ?? Date.now;
  const known = new Map<string, { at: number; access: Promise<AccountAccess> }>();

  const accessOf = (userId: string): Promise<AccountAccess> => {
    const cached = known.get(userId);
    if (cached && now() - cached.at < maxAgeMs) return cached.access;
    if (known.size >= maxEntries) known.clear();
    // Concurrent requests of one user share one read; a failed read is not kept.
    const access = load(userId);
    known.set(userId, { at: now(), access });
    access.catch(() => known.delete(userId));
    return access;
  };

  return {
    async check(actor, issuedAt) {
      const verdict = accessVerdict(await accessOf(actor.userId), issuedAt);
      if (verdict === 'account_disabled') throw new AppError('account_disabled', 'This account is disabled. Ask your organisation\'s coordinator or an administrator.');
      if (verdict === 'session_revoked') throw new AppError('session_revoked', 'This sign-in was revoked. Sign in again.');
    },
    forget: (userId) => void known.delete(userId),
  };
};
