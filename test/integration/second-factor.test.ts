import { describe, expect, it } from 'vitest';
import { localAccountStore } from '../../functions/users/local-accounts.js';
import { call, demoUser, stack } from '../support/api.js';
import { authenticatorKeyOf } from '../support/oidc-login.js';
import { invitationOf, invite, ownPassword, signInWith } from '../support/users.js';

/**
 * A second factor for the people who see case records and administer accounts:
 * a coordinator or an admin enrols an authenticator app at the first sign-in and
 * gives its code at every sign-in after; without it there is no token, so no API.
 * Council officers and funders may enrol (functions/users/sign-in-policy.ts).
 */
const coordinator = demoUser('coordinator');
const councilOrg = demoUser('council').orgId;

describe('a second factor at sign-in', () => {
  it('is enrolled by a new coordinator at the first sign-in and asked for at every sign-in after', async () => {
    const colleague = await invite(coordinator, coordinator.orgId, 'coordinator');
    const { temporaryPassword } = await invitationOf(colleague.id);

    // A wrong code at enrolment: no tokens, and nothing is enrolled.
    await expect(signInWith(colleague.email, temporaryPassword, ownPassword, '000000')).rejects.toThrow(/Sign-in stopped at .*\/interaction\/.* with status 401/);
    expect((await localAccountStore(stack().accountsFile).findByEmail(colleague.email))?.totpSecret).toBeUndefined();

    // The new password was kept; the enrolment is offered again, and a code from the app confirms it.
    const tokens = await signInWith(colleague.email, ownPassword);
    expect((await call('GET', '/api/me', { token: tokens.accessToken })).status).toBe(200);
    expect((await localAccountStore(stack().accountsFile).findByEmail(colleague.email))?.totpSecret).toBe(authenticatorKeyOf(colleague.email));

    // From now on the code, never the enrolment again; a wrong one gets no token.
    await expect(signInWith(colleague.email, ownPassword, undefined, '123456')).rejects.toThrow(/status 401/);
    const again = await signInWith(colleague.email, ownPassword);
    expect((await call('GET', '/api/me', { token: again.accessToken })).status).toBe(200);
  });

  it('shows the enrolment as a QR code and the key to type, on the provider\'s page', async () => {
    const colleague = await invite(demoUser('admin'), coordinator.orgId, 'admin');
    const { temporaryPassword } = await invitationOf(colleague.id);
    const page = await enrolmentPageOf(colleague.email, temporaryPassword);
    expect(page).toMatch(/<svg[^>]*viewBox/);
    expect(page).toMatch(/data-secret="[A-Z2-7]{32}"/);
    expect(page).toContain('autocomplete="one-time-code"');
  });

  it('is not asked of a council officer who has not enrolled one', async () => {
    const officer = await invite(demoUser('admin'), councilOrg, 'council');
    const { temporaryPassword } = await invitationOf(officer.id);
    const tokens = await signInWith(officer.email, temporaryPassword, ownPassword, '000000');
    expect((await call('GET', '/api/me', { token: tokens.accessToken })).status).toBe(200);
  });
});

/** Signs in up to the second factor and returns the page the provider shows there. */
const enrolmentPageOf = async (email: string, temporaryPassword: string): Promise<string> => {
  const pages: string[] = [];
  await signInWith(email, temporaryPassword, ownPassword, '000000', (page) => pages.push(page)).catch(() => undefined);
  return pages.find((page) => page.includes('data-secret')) ?? '';
};
