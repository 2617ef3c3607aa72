import type { UserManager } from 'oidc-client-ts';
import { apiScope } from '../../../functions/users/sign-in-policy';
import type { WebConfig } from '../config';

/**
 * Sign-in with authorization code + PKCE against whichever OpenID provider is
 * configured (Cognito on AWS, the local provider on one machine). Tokens live in
 * sessionStorage: they end with the tab.
 *
 * The OpenID client (oidc-client-ts, a sixth of the app's first load) is needed
 * only for protocol steps — signing in and out, the callback, renewing tokens —
 * so it loads after the first screen; a page opened with a live token reads it
 * from the client's own storage entry.
 */
export interface AuthSession {
  isSignedIn(): Promise<boolean>;
  accessToken(): Promise<string | undefined>;
  /**
   * Whether the access token opens the API: the identity provider withholds its scope
   * from someone who must have a second factor and has not enrolled one yet.
   */
  opensApi(): Promise<boolean>;
  /**
   * Who signed in on this device, while their tokens are kept — also after the access token expired
   * offline (their saved data and outbox stay theirs; sending waits for a fresh sign-in).
   */
  subject(): string | undefined;
  /** The signed-in person's email, from the ID token. */
  email(): Promise<string | undefined>;
  /** Fresh tokens with the refresh token (after an enrolment: now with the API scope). */
  renew(): Promise<void>;
  signIn(returnTo: string): Promise<void>;
  completeSignIn(): Promise<string>;
  signOut(): Promise<void>;
}

/** The fields of oidc-client-ts's stored user that Pakt reads. */
interface StoredUser {
  access_token?: unknown;
  expires_at?: unknown;
  profile?: { email?: unknown; sub?: unknown };
}

/** The scopes a JWT access token carries (its signature is the API's business, not the page's). */
export const scopesOf = (token: string | undefined): string[] => {
  try {
    const payload = JSON.parse(atob((token ?? '').split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? '')) as { scope?: unknown };
    return typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
  } catch {
    return [];
  }
};

// A token this close to its end is left to the client, which renews it.
const renewalMarginSeconds = 30;
const clientStartBeforeExpirySeconds = 180;

export const createAuthSession = (config: WebConfig): AuthSession => {
  let client: Promise<UserManager> | undefined;
  const oidc = () => (client ??= import('./oidc').then(({ createUserManager }) => createUserManager(config)));
  const storageKey = `oidc.user:${config.issuer}:${config.clientId}`;

  const storedUser = (): StoredUser | null => {
    try {
      return JSON.parse(window.sessionStorage.getItem(storageKey) ?? 'null') as StoredUser | null;
    } catch {
      return null;
    }
  };
  const storedToken = (): string | undefined => {
    const user = storedUser();
    const live = typeof user?.access_token === 'string' && typeof user.expires_at === 'number' && user.expires_at - renewalMarginSeconds > Date.now() / 1000;
    return live ? (user.access_token as string) : undefined;
  };
  const liveUser = async () => {
    const user = await (await oidc()).getUser();
    return user && !user.expired ? user : null;
  };
  const accessToken = async () => storedToken() ?? (await liveUser())?.access_token;

  // A signed-in tab starts the client a few minutes before the token ends (it renews a minute before),
  // not while the first screen is drawn: on a phone its 68 KB are a long task of their own.
  const stored = storedUser();
  if (storedToken() && typeof stored?.expires_at === 'number') {
    setTimeout(() => void oidc(), Math.max(0, (stored.expires_at - clientStartBeforeExpirySeconds) * 1000 - Date.now()));
  }

  return {
    isSignedIn: async () => (await accessToken()) !== undefined,
    accessToken,
    subject: () => {
      const sub = storedUser()?.profile?.sub;
      return typeof sub === 'string' ? sub : undefined;
    },
    opensApi: async () => scopesOf(await accessToken()).includes(apiScope),
    email: async () => {
      const email = storedUser()?.profile?.email ?? (await liveUser())?.profile.email;
      return typeof email === 'string' ? email : undefined;
    },
    renew: async () => void (await (await oidc()).signinSilent()),
    signIn: async (returnTo) => (await oidc()).signinRedirect({ state: { returnTo } }),
    async completeSignIn() {
      const user = await (await oidc()).signinRedirectCallback();
      const state = user.state as { returnTo?: unknown } | undefined;
      return typeof state?.returnTo === 'string' && state.returnTo.startsWith('/') ? state.returnTo : '/';
    },
    async signOut() {
      const manager = await oidc();
      const user = await manager.getUser();
      // A refresh token left valid would outlive the sign-out; failing to revoke it must not keep the user in.
      await manager.revokeTokens(['refresh_token']).catch(() => undefined);
      await manager.removeUser();
      await manager.signoutRedirect(user?.id_token ? { id_token_hint: user.id_token } : {});
    },
  };
};
