import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

/**
 * Verifies a bearer token the way API Gateway's HTTP API JWT authorizer does:
 * signature against the issuer's JWKS, `iss`, expiry, `aud` or `client_id` among
 * the configured audiences, and the route's scopes among the token's scopes.
 * Claims are then handed on as strings, arrays as "[a b]", as API Gateway does.
 */
export interface JwtAuthorizerConfig {
  issuer: string;
  audiences: string[];
  jwksUri?: string;
}

export type AuthorizerResult = { ok: true; claims: Record<string, string>; scopes: string[] } | { ok: false; reason: string };

const asApiGatewayClaim = (value: unknown): string =>
  Array.isArray(value) ? `[${value.map(String).join(' ')}]` : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);

export const jwtAuthorizer = (config: JwtAuthorizerConfig) => {
  const jwks = createRemoteJWKSet(new URL(config.jwksUri ?? `${config.issuer.replace(/\/$/, '')}/jwks`));
  return async (authorization: string | undefined, requiredScopes: string[]): Promise<AuthorizerResult> => {
    if (!authorization) return { ok: false, reason: 'missing token' };
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer: config.issuer, algorithms: ['RS256'], clockTolerance: 0 }));
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.name : 'invalid token' };
    }
    const audiences = [payload.aud ?? []].flat();
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : undefined;
    if (!audiences.some((aud) => config.audiences.includes(aud)) && !(clientId && config.audiences.includes(clientId))) {
      return { ok: false, reason: 'audience' };
    }
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    if (!requiredScopes.every((scope) => scopes.includes(scope))) return { ok: false, reason: 'scope' };
    const claims = Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, asApiGatewayClaim(value)]));
    return { ok: true, claims, scopes };
  };
};
