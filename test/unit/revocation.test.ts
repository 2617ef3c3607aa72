import { describe, expect, it } from 'vitest';
import { accessChecker, accessVerdict, type AccountAccess } from '../../functions/core/revocation.js';

const actor = { userId: 'u1', orgId: 'o1', roles: ['coordinator' as const] };
const revokedAt = Date.parse('2026-12-01T10:00:00.000Z');
const second = (iso: string) => Date.parse(iso) / 1000;

describe('access verdict', () => {
  it.each<[string, AccountAccess, number | undefined, string]>([
    ['an active account', { status: 'active' }, second('2026-12-01T09:00:00Z'), 'ok'],
    ['a disabled account', { status: 'disabled' }, second('2026-12-01T09:00:00Z'), 'account_disabled'],
    ['an account without a profile', { status: 'unknown' }, second('2026-12-01T09:00:00Z'), 'account_disabled'],
    ['a token from before the revocation', { status: 'active', revokedAt }, second('2026-12-01T09:59:59Z'), 'session_revoked'],
    ['a token from the second of the revocation', { status: 'active', revokedAt }, second('2026-12-01T10:00:00Z'), 'session_revoked'],
    ['a token from after the revocation', { status: 'active', revokedAt }, second('2026-12-01T10:00:01Z'), 'ok'],
    ['a token without its issue time, after a revocation', { status: 'active', revokedAt }, undefined, 'session_revoked'],
  ])('%s', (_name, access, issuedAt, verdict) => {
    expect(accessVerdict(access, issuedAt)).toBe(verdict);
  });
});

describe('access checker', () => {
  const setup = (maxAgeMs?: number) => {
    let now = 0;
    let status: AccountAccess['status'] = 'active';
    const reads: string[] = [];
    const checker = accessChecker(async (userId) => {
      reads.push(userId);
      return { status };
    }, { now: () => now, ...(maxAgeMs === undefined ? {} : { maxAgeMs }) });
    return { checker, reads, advance: (ms: number) => void (now += ms), disable: () => void (status = 'disabled') };
  };

  it('reads an account once a minute at most, and concurrent requests share the read', async () => {
    const { checker, reads, advance } = setup();
    await Promise.all([checker.check(actor, 1), checker.check(actor, 1)]);
    advance(59_999);
    await checker.check(actor, 1);
    expect(reads).toEqual(['u1']);
    advance(1);
    await checker.check(actor, 1);
    expect(reads).toEqual(['u1', 'u1']);
  });

  it('refuses a disabled account within 60 seconds, however long a cache it is given', async () => {
    expect.assertions(2);
    const { checker, advance, disable } = setup(3_600_000);
    await checker.check(actor, 1);
    disable();
    advance(60_000);
    await expect(checker.check(actor, 1)).rejects.toMatchObject({ code: 'account_disabled', status: 401 });
    await expect(checker.check(actor, 1)).rejects.toMatchObject({ code: 'account_disabled' });
  });

  it('refuses at once where the account was disabled (forget)', async () => {
    const { checker, disable } = setup();
    await checker.check(actor, 1);
    disable();
    checker.forget('u1');
    await expect(checker.check(actor, 1)).rejects.toMatchObject({ code: 'account_disabled' });
  });

  it('does not keep a failed read', async () => {
    let calls = 0;
    const checker = accessChecker(async () => {
      calls += 1;
      if (calls === 1) throw new Error('throttled');
      return { status: 'active' };
    });
    await expect(checker.check(actor, 1)).rejects.toThrow('throttled');
    await expect(checker.check(actor, 1)).resolves.toBeUndefined();
  });
});
