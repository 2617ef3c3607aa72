import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { WebConfig } from '../config';

/**
 * Sign-in with authorization code + PKCE against whichever OpenID provider is
 * configured (Cognito on AWS, the local provider on one machine). Tokens live in
 * sessionStorage: they end with the tab.
 */
export interface AuthSession {
  currentUser(): Promise<User | null>;
  accessToken(): Promise<string | undefined>;
  signIn(returnTo: string): Promise<void>;
  completeSignIn(): Promise<string>;
  signOut(): Promise<void>;
}

export const createAuthSession = (config: WebConfig): AuthSession => {
  const origin = window.location.origin;
  const manager = new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: config.scope,
    // Access tokens live 15 minutes: renewed with the refresh token, which signing out revokes.
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Cognito's discovery document names neither its logout nor its revocation endpoint.
    metadataSeed: {
      ...(config.logoutUrl ? { end_session_endpoint: config.logoutUrl } : {}),
      ...(config.revocationUrl ? { revocation_endpoint: config.revocationUrl } : {}),
    },
  });

  const liveUser = async () => {
    const user = await manager.getUser();
    return user && !user.expired ? user : null;
  };

  return {
    currentUser: liveUser,
    accessToken: async () => (await liveUser())?.access_token,
    signIn: (returnTo) => manager.signinRedirect({ state: { returnTo } }),
    async completeSignIn() {
      const user = await manager.signinRedirectCallback();
      const state = user.state as { returnTo?: unknown } | undefined;
      return typeof state?.returnTo === 'string' && state.returnTo.startsWith('/') ? state.returnTo : '/';
    },
    async signOut() {
      const user = await manager.getUser();
      // A refresh token left valid would outlive the sign-out; failing to revoke it must not keep the user in.
      await manager.revokeTokens(['refresh_token']).catch(() => undefined);
      await manager.removeUser();
      await manager.signoutRedirect(user?.id_token ? { id_token_hint: user.id_token } : {});
    },
  };
};
