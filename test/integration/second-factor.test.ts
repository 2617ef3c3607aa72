import { describe, expect, it } from 'vitest';
import { localAccountStore } from '../../functions/users/local-accounts.js';
import { apiScope, ownAccountScope } from '../../functions/users/sign-in-policy.js';
import { currentCode } from '../../infra/local/totp.js';
import { webClientId } from '../../infra/local/oidc.js';
import { call, demoUser, stack } from '../support/api.js';
import { authenticatorKeyOf, ownAccountCall, refresh, scopesOf } from '../support/oidc-login.js';
import { invitationOf, invite, ownAccountEndpoint, ownPassword, signInWith } from '../support/users.js';

/**
 * A second factor for the people who see case records and administer accounts.
 * As on AWS (Cognito's pre-token trigger), a coordinator or admin without an
 * authenticator app gets a token without the API scope: the API refuses it, and
 * the own-account API (Cognito's user API) enrols the app; the renewed token
 * opens the API, and every sign-in after asks for the code. Council officers and
 * funders may enrol (functions/users/sign-in-policy.ts).
 */
const coordinator = demoUser('coordinator');
const councilOrg = demoUser('council').orgId;
const accountOf = async (email: string) => localAccountStore(stack().accountsFile).findByEmail(email);

describe('a second factor at sign-in', () => {
  it('keeps the API closed to a new coordinator until an authenticator app is enrolled, then asks for its code at every sign-in', async () => {
    const colleague = await invite(coordinator, coordinator.orgId, 'coordinator');
    const { temporaryPassword } = await invitationOf(colleague.id);
    const first = await signInWith(colleague.email, temporaryPassword, { newPassword: ownPassword, enrolWhenAsked: false });
    expect(scopesOf(first.accessToken)).toContain(ownAccountScope);
    expect(scopesOf(first.accessToken)).not.toContain(apiScope);
    expect((await call('GET', '/api/me', { token: first.accessToken })).status).toBe(403);

    // The enrolment, step by step as the SPA takes it: a key is offered, a wrong code enrols nothing.
    const endpoint = ownAccountEndpoint();
    const token = { AccessToken: first.accessToken };
    expect((await ownAccountCall(endpoint, 'GetUser', token)).body.UserMFASettingList).toEqual([]);
    const offered = await ownAccountCall(endpoint, 'AssociateSoftwareToken', token);
    const key = String(offered.body.SecretCode);
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = await ownAccountCall(endpoint, 'VerifySoftwareToken', { ...token, UserCode: '000000' });
    expect(wrong).toMatchObject({ status: 400, body: { __type: 'EnableSoftwareTokenMFAException' } });
    expect((await accountOf(colleague.email))?.totpSecret).toBeUndefined();

    // A verified key is registered but not yet required: the API stays closed until it is the preference.
    expect((await ownAccountCall(endpoint, 'VerifySoftwareToken', { ...token, UserCode: currentCode(key) })).body).toEqual({ Status: 'SUCCESS' });
    const registered = await refresh({ issuer: stack().issuer, clientId: webClientId, refreshToken: first.refreshToken ?? '' });
    expect(scopesOf(registered.accessToken ?? '')).not.toContain(apiScope);
    expect((await ownAccountCall(endpoint, 'SetUserMFAPreference', { ...token, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } })).status).toBe(200);
    expect((await ownAccountCall(endpoint, 'GetUser', token)).body.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);

    // The renewed token opens the API, without signing in again.
    const renewed = await refresh({ issuer: stack().issuer, clientId: webClientId, refreshToken: registered.refreshToken ?? first.refreshToken ?? '' });
    expect(scopesOf(renewed.accessToken ?? '')).toContain(apiScope);
    expect((await call('GET', '/api/me', { token: renewed.accessToken ?? '' })).status).toBe(200);

    // From now on every sign-in asks for the code; a wrong one gets no token.
    const pages: string[] = [];
    await expect(signInWith(colleague.email, ownPassword, { code: '123456', seen: (page) => pages.push(page) })).rejects.toThrow(/status 401/);
    expect(pages.some((page) => page.includes('autocomplete="one-time-code"'))).toBe(true);
    const again = await signInWith(colleague.email, ownPassword, { code: currentCode(key) });
    expect((await call('GET', '/api/me', { token: again.accessToken })).status).toBe(200);
  });

  it('is refused to an admin whose token lacks the API scope on every route, not only /api/me', async () => {
    const colleague = await invite(demoUser('admin'), coordinator.orgId, 'admin');
    const { temporaryPassword } = await invitationOf(colleague.id);
    const tokens = await signInWith(colleague.email, temporaryPassword, { newPassword: ownPassword, enrolWhenAsked: false });
    for (const path of ['/api/organisations', `/api/organisations/${coordinator.orgId}/users`, '/api/memoranda']) {
      expect((await call('GET', path, { token: tokens.accessToken })).status, path).toBe(403);
    }
  });

  it('is not asked of a council officer, who may enrol one and is asked for it from then on', async () => {
    const officer = await invite(demoUser('admin'), councilOrg, 'council');
    const { temporaryPassword } = await invitationOf(officer.id);
    const tokens = await signInWith(officer.email, temporaryPassword, { newPassword: ownPassword, enrolWhenAsked: false });
    expect((await call('GET', '/api/me', { token: tokens.accessToken })).status).toBe(200);

    const endpoint = ownAccountEndpoint();
    const key = String((await ownAccountCall(endpoint, 'AssociateSoftwareToken', { AccessToken: tokens.accessToken })).body.SecretCode);
    await ownAccountCall(endpoint, 'VerifySoftwareToken', { AccessToken: tokens.accessToken, UserCode: currentCode(key) });
    await ownAccountCall(endpoint, 'SetUserMFAPreference', { AccessToken: tokens.accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    await expect(signInWith(officer.email, ownPassword, { code: '000000' })).rejects.toThrow(/status 401/);
    await expect(signInWith(officer.email, ownPassword, { code: currentCode(key) })).resolves.toHaveProperty('accessToken');
  });

  it('answers the own-account API only for a live token with the own-account scope, as Cognito does', async () => {
    const endpoint = ownAccountEndpoint();
    expect(await ownAccountCall(endpoint, 'GetUser', { AccessToken: 'not-a-token' })).toMatchObject({ status: 400, body: { __type: 'NotAuthorizedException' } });
    // The test harness's demo tokens ask for the API scope only.
    const withoutScope = stack().tokens[coordinator.email]?.accessToken ?? '';
    expect(scopesOf(withoutScope)).not.toContain(ownAccountScope);
    expect(await ownAccountCall(endpoint, 'AssociateSoftwareToken', { AccessToken: withoutScope })).toMatchObject({ status: 400, body: { __type: 'NotAuthorizedException' } });
    expect((await ownAccountCall(endpoint, 'ForgetDevice', { AccessToken: withoutScope })).body.__type).toBe('UnknownOperationException');
    // The demo accounts are enrolled with the published key.
    expect(authenticatorKeyOf(coordinator.email)).toMatch(/^[A-Z2-7]+$/);
  });
});
