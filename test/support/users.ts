import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiScope, webClientId } from '../../infra/local/oidc.js';
import type { DemoUser } from '../../infra/local/seed.js';
import { call, stack } from './api.js';
import { signIn, type Tokens } from './oidc-login.js';

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

/** `code`: what to type as the second factor instead of the app's code; `seen`: each page the provider showed. */
export const signInWith = (email: string, password: string, newPassword?: string, code?: string, seen?: (page: string) => void): Promise<Tokens> =>
  signIn({
    issuer: stack().issuer, clientId: webClientId, redirectUri: `${stack().webOrigin}/auth/callback`, scope: `openid profile email ${apiScope}`, email, password,
    ...(newPassword ? { newPassword } : {}), ...(code ? { code } : {}), ...(seen ? { seen } : {}),
  });

/** Invites, then signs in for the first time: the temporary password, then one's own. */
export const invitedAndSignedIn = async (as: DemoUser, orgId: string, role: string, name?: string): Promise<InvitedUser & { tokens: Tokens }> => {
  const user = await invite(as, orgId, role, name);
  const { temporaryPassword } = await invitationOf(user.id);
  return { ...user, tokens: await signInWith(user.email, temporaryPassword, ownPassword) };
};
