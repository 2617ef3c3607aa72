import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ownAccountScope } from '../../functions/users/sign-in-policy.js';
import { apiScope, webClientId } from '../../infra/local/oidc.js';
import { ownAccountPath } from '../../infra/local/own-account-api.js';
import type { DemoUser } from '../../infra/local/seed.js';
import { call, stack } from './api.js';
import { enrolAuthenticator, refresh, scopesOf, signIn, type Tokens } from './oidc-login.js';

/** Invited users, signed in through the local provider as the invitation email tells them to. */
export interface InvitedUser {
  id: string;
  orgId: string;
  email: string;
  version: number;
}

export const ownPassword = 'Vlasnyi-Parol-2026!';

export const invite = async (as: DemoUser, orgId: string, role: string, name = 'Марія Шевченко'): Promise<InvitedUser> => {
  const response = await call<InvitedUser>('POST', `/api/organisations/${orgId}/users`, { as, body: { name, email: `invited.${crypto.randomUUID().slice(0, 8)}@example.org`, role } });
  if (response.status !== 201) throw new Error(`Invitation failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
};

/** The invitation email of a user, as written to the local outbox. */
export const invitationOf = async (userId: string): Promise<{ text: string; temporaryPassword: string }> => {
  const files = (await readdir(stack().outboxDir)).filter((file) => file.includes(`invitation-${userId}`));
  const message = JSON.parse(await readFile(join(stack().outboxDir, files[0] ?? 'missing'), 'utf8')) as { text: string };
  const temporaryPassword = /temporary password (\S+)/.exec(message.text)?.[1];
  if (!temporaryPassword) throw new Error(`No temporary password in the invitation of ${userId}`);
  return { text: message.text, temporaryPassword };
};

export interface SignInSteps {
  /** Chosen at the first sign-in, when the provider asks to replace the temporary password. */
  newPassword?: string;
  /** What to type as the second factor instead of the app's code. */
  code?: string;
  /** Sees each page the provider showed. */
  seen?: (page: string) => void;
  /**
   * A token without the API scope (a coordinator or admin without a second factor) is, by default,
   * followed as the SPA follows it: the authenticator app is enrolled and the token renewed.
   */
  enrolWhenAsked?: boolean;
}

export const ownAccountEndpoint = () => `${stack().issuer}${ownAccountPath}`;

/** Signs in as the SPA does (with the own-account scope). */
export const signInWith = async (email: string, password: string, steps: SignInSteps = {}): Promise<Tokens> => {
  const tokens = await signIn({
    issuer: stack().issuer, clientId: webClientId, redirectUri: `${stack().webOrigin}/auth/callback`, scope: `openid profile email ${ownAccountScope} ${apiScope}`, email, password,
    ...(steps.newPassword ? { newPassword: steps.newPassword } : {}), ...(steps.code ? { code: steps.code } : {}), ...(steps.seen ? { seen: steps.seen } : {}),
  });
  if (steps.enrolWhenAsked === false || scopesOf(tokens.accessToken).includes(apiScope)) return tokens;
  await enrolAuthenticator(ownAccountEndpoint(), email, tokens.accessToken);
  const renewed = await refresh({ issuer: stack().issuer, clientId: webClientId, refreshToken: tokens.refreshToken ?? '' });
  if (!renewed.accessToken) throw new Error(`Renewal after the enrolment failed: ${renewed.status} ${renewed.error ?? ''}`);
  return { ...tokens, accessToken: renewed.accessToken, ...(renewed.refreshToken ? { refreshToken: renewed.refreshToken } : {}) };
};

/** Invites, then signs in for the first time: the temporary password, then one's own (and the second factor where it is required). */
export const invitedAndSignedIn = async (as: DemoUser, orgId: string, role: string, name?: string): Promise<InvitedUser & { tokens: Tokens }> => {
  const user = await invite(as, orgId, role, name);
  const { temporaryPassword } = await invitationOf(user.id);
  return { ...user, tokens: await signInWith(user.email, temporaryPassword, { newPassword: ownPassword }) };
};
