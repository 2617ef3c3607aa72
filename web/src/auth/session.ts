import type { UserManager } from 'oidc-client-ts';
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
  signIn(returnTo: string): Promise<void>;
  completeSignIn(): Promise<string>;
  signOut(): Promise<void>;
}

/** The fields of oidc-client-ts's stored user that Pakt reads. */
interface StoredUser {
  access_token?: unknown;
  expires_at?: unknown;
}

// A token this close to its end is left to the client, which renews it.
const renewalMarginSeconds = 30;

export const createAuthSession = (config: WebConfig): AuthSession => {
  let client: Promise<UserManager> | undefined;
  const oidc = () => (client ??= import('./oidc').then(({ createUserManager }) => createUserManager(config)));
  const storageKey = `oidc.user:${config.issuer}:${config.clientId}`;

  const storedToken = (): string | undefined => {
    try {
      const user = JSON.parse(window.sessionStorage.getItem(storageKey) ?? 'null') as StoredUser | null;
      const live = typeof user?.access_token === 'string' && typeof user.expires_at === 'number' && user.expires_at - renewalMarginSeconds > Date.now() / 1000;
      return live ? (user.access_token as string) : undefined;
    } catch {
      return undefined;
    }
  };
  const liveUser = async () => {
    const user = await (await oidc()).getUser();
    return user && !user.expired ? user : null;
  };
  const accessToken = async () => storedToken() ?? (await liveUser())?.access_token;

  // A signed-in tab starts the client once the page is idle, so that it renews the token before it ends.
  if (storedToken()) {
    const start = () => void oidc();
    if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 5000 });
    else setTimeout(start, 1000);
  }

  return {
    isSignedIn: async () => (await accessToken()) !== undefined,
    accessToken,
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
