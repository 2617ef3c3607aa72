import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { WebConfig } from '../config';

/** The OpenID Connect client (authorization code + PKCE), loaded only when a protocol step needs it (auth/session.ts). */
export const createUserManager = (config: WebConfig): UserManager => {
  const origin = window.location.origin;
  return new UserManager({
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
};

