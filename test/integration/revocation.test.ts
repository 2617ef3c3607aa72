import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { webClientId } from '../../infra/local/oidc.js';
import { recordsOf } from '../../functions/programmes/entities.js';
import { maxAccessCacheAgeMs } from '../../functions/core/revocation.js';
import { localAccountStore } from '../../functions/users/local-accounts.js';
import { call, demoUser, stack, table } from '../support/api.js';
import { refresh } from '../support/oidc-login.js';
import { activist, createProgramme } from '../support/programmes.js';
import { invitationOf, invite, invitedAndSignedIn, ownPassword, signInWith } from '../support/users.js';

/**
 * Revocation: a disabled account is refused at its next request, whatever its
 * token's expiry, in every module; its refresh tokens die; re-enabled, it needs a
 * fresh sign-in. Invitations carry a temporary password that works once, for a week.
 */
const coordinator = demoUser('coordinator');
const admin = demoUser('admin');

interface Problem {
  code: string;
  status: number;
}

const setStatus = async (userId: string, status: 'active' | 'disabled') => {
  const current = await call<{ version: number }>('GET', `/api/organisations/${coordinator.orgId}/users?limit=100`, { as: coordinator });
  const version = (current.body as unknown as { items: { id: string; version: number }[] }).items.find((user) => user.id === userId)?.version;
  const changed = await call<{ status: string; version: number }>('PUT', `/api/users/${userId}/status`, { as: coordinator, body: { status }, headers: { 'if-match': `"${version ?? 0}"` } });
  expect(changed.status).toBe(200);
  return changed.body;
};

/** Token times are whole seconds: a token from the second of a revocation counts as revoked. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 10));

const networkOf = async (programmeId: string) =>
  (await table().client.send(new QueryCommand({ TableName: table().table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :net)', ExpressionAttributeValues: { ':pk': recordsOf(programmeId, 'network').PK, ':net': 'NET#' } }))).Items ?? [];

describe('a disabled account', () => {
  // Each function keeps a caller's account state for up to a minute (functions/core/revocation.ts); the local stack runs them apart, as Lambda does.
  it('is refused with 401 account_disabled by the module that disabled it and every module new to it at once, by one that knew it within the minute, and writes nothing', { timeout: maxAccessCacheAgeMs + 30_000 }, async () => {
    const colleague = await invitedAndSignedIn(coordinator, coordinator.orgId, 'coordinator', 'Оксана Мельник');
    const programme = await createProgramme();
    const token = colleague.tokens.accessToken;
    expect((await call('GET', '/api/me', { token })).status).toBe(200);
    expect((await call('GET', `/api/programmes/${programme.id}`, { token })).status).toBe(200);
    expect((await call('POST', `/api/programmes/${programme.id}/network`, { token, body: activist() })).status).toBe(201);

    await setStatus(colleague.id, 'disabled');
    const disabledAt = Date.now();

    const refused = async (path: string) => {
      const response = await call<Problem>('GET', path, { token });
      return [path, response.status, response.headers.get('content-type')?.split(';')[0], response.body.code];
    };
    for (const path of ['/api/me', '/api/memoranda', '/api/commitments', `/api/organisations/${coordinator.orgId}`]) {
      expect(await refused(path)).toEqual([path, 401, 'application/problem+json', 'account_disabled']);
    }
    const programmePath = `/api/programmes/${programme.id}`;
    while ((await call('GET', programmePath, { token })).status === 200) {
      expect(Date.now() - disabledAt).toBeLessThan(maxAccessCacheAgeMs + 2_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(await refused(programmePath)).toEqual([programmePath, 401, 'application/problem+json', 'account_disabled']);
    const before = (await networkOf(programme.id)).length;
    const write = await call<Problem>('POST', `/api/programmes/${programme.id}/network`, { token, body: activist({ name: 'Після вимкнення' }) });
    expect([write.status, write.body.code]).toEqual([401, 'account_disabled']);
    expect(await networkOf(programme.id)).toHaveLength(before);
  });

  it('cannot renew its tokens, and cannot sign in', async () => {
    const colleague = await invitedAndSignedIn(coordinator, coordinator.orgId, 'council');
    const refreshToken = colleague.tokens.refreshToken ?? '';
    expect(refreshToken).not.toBe('');
    expect((await refresh({ issuer: stack().issuer, clientId: webClientId, refreshToken })).status).toBe(200);

    await setStatus(colleague.id, 'disabled');

    expect(await refresh({ issuer: stack().issuer, clientId: webClientId, refreshToken })).toMatchObject({ status: 400, error: 'invalid_grant' });
    await expect(signInWith(colleague.email, ownPassword)).rejects.toThrow(/Sign-in stopped/);
  });

  it('re-enabled, is let in after a fresh sign-in only: tokens from before stay refused (session_revoked)', async () => {
    const colleague = await invitedAndSignedIn(coordinator, coordinator.orgId, 'council');
    await setStatus(colleague.id, 'disabled');
    await nextSecond();
    const enabled = await setStatus(colleague.id, 'active');
    expect(enabled.status).toBe('active');

    const old = await call<Problem>('GET', '/api/me', { token: colleague.tokens.accessToken });
    expect([old.status, old.body.code]).toEqual([401, 'session_revoked']);
    expect((await refresh({ issuer: stack().issuer, clientId: webClientId, refreshToken: colleague.tokens.refreshToken ?? '' })).status).toBe(400);

    const fresh = await signInWith(colleague.email, ownPassword);
    expect((await call('GET', '/api/me', { token: fresh.accessToken })).status).toBe(200);
  });

  it('an admin sees when its access was revoked', async () => {
    const colleague = await invite(admin, coordinator.orgId, 'council');
    const disabled = await call<{ status: string; accessRevokedAt?: string }>('PUT', `/api/users/${colleague.id}/status`, { as: admin, body: { status: 'disabled' }, headers: { 'if-match': '"1"' } });
    expect(disabled.body.status).toBe('disabled');
    expect(Date.parse(disabled.body.accessRevokedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('an invitation', () => {
  it('carries a temporary password that expires in 7 days and must be replaced at the first sign-in', async () => {
    const colleague = await invite(coordinator, coordinator.orgId, 'council');
    const invitation = await invitationOf(colleague.id);
    const account = await localAccountStore(stack().accountsFile).findBySub(colleague.id);
    const expiresAt = Date.parse(account?.temporaryPasswordExpiresAt ?? '');
    expect(Math.round((expiresAt - Date.now()) / 86_400_000)).toBe(7);
    expect(invitation.text).toContain(new Date(expiresAt).toISOString().slice(0, 10));

    await expect(signInWith(colleague.email, invitation.temporaryPassword)).rejects.toThrow(/choose a new password/);
    await expect(signInWith(colleague.email, invitation.temporaryPassword, { newPassword: 'short' })).rejects.toThrow(/Sign-in stopped/);
    const tokens = await signInWith(colleague.email, invitation.temporaryPassword, { newPassword: ownPassword });
    expect((await call('GET', '/api/me', { token: tokens.accessToken })).status).toBe(200);

    await expect(signInWith(colleague.email, invitation.temporaryPassword, { newPassword: ownPassword })).rejects.toThrow(/Sign-in stopped/);
    await expect(signInWith(colleague.email, ownPassword)).resolves.toHaveProperty('accessToken');
  });

  it('refuses a temporary password after it expired', async () => {
    const colleague = await invite(coordinator, coordinator.orgId, 'council');
    const { temporaryPassword } = await invitationOf(colleague.id);
    await localAccountStore(stack().accountsFile).update(colleague.id, { temporaryPasswordExpiresAt: new Date(Date.now() - 1000).toISOString() });
    await expect(signInWith(colleague.email, temporaryPassword, { newPassword: ownPassword })).rejects.toThrow(/Sign-in stopped.*401/s);
  });
});
