import { readFile } from 'node:fs/promises';
import { generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { call, demoUser, stack } from '../support/api.js';

const coordinator = demoUser('coordinator');

/** Tokens minted with the provider's own key, to reach every branch of the check. */
const mint = async (claims: Record<string, unknown>, options: { expiresIn?: string | number; issuer?: string; key?: 'provider' | 'foreign' } = {}) => {
  const jwk = JSON.parse(await readFile(stack().signingKeyFile, 'utf8')) as JWK;
  const key = options.key === 'foreign' ? (await generateKeyPair('RS256')).privateKey : await importJWK(jwk, 'RS256');
  return new SignJWT({ scope: 'pakt/api', client_id: 'pakt-web', 'custom:orgId': coordinator.orgId, 'cognito:groups': ['coordinator'], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid ?? '' })
    .setSubject(coordinator.id)
    .setIssuer(options.issuer ?? stack().issuer)
    .setAudience('urn:pakt:api')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(key);
};

describe('token verification, as the API Gateway JWT authorizer does it', () => {
  it('accepts an access token from the provider\'s sign-in flow', async () => {
    const response = await call<{ userId: string; roles: string[] }>('GET', '/api/me', { as: coordinator });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ userId: coordinator.id, roles: ['coordinator'] });
  });

  it('accepts a correctly minted token (control for the cases below)', async () => {
    expect((await call('GET', '/api/me', { token: await mint({}) })).status).toBe(200);
  });

  it.each([
    ['no token at all', async () => undefined],
    ['garbage', async () => 'not-a-jwt'],
    ['a token signed with another key', async () => mint({}, { key: 'foreign' })],
    ['an expired token', async () => mint({}, { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
    ['a token from another issuer', async () => mint({}, { issuer: 'https://evil.example.org' })],
    ['a token for another client and audience', async () => mintOtherAudience()],
    ['a token without an organisation', async () => mint({ 'custom:orgId': undefined })],
  ])('refuses %s with 401 problem+json', async (_case, token) => {
    const value = await token();
    const response = await call<{ status: number; code: string }>('GET', '/api/me', value ? { token: value } : {});
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('unauthenticated');
  });

  // As API Gateway's JWT authorizer: the token is valid, but not for this API.
  it.each([
    ['an ID token (no scope at all)', async () => stack().tokens[coordinator.email]?.idToken],
    ['a token without the API scope', async () => mint({ scope: 'openid profile' })],
  ])('refuses %s with 403 problem+json', async (_case, token) => {
    const response = await call<{ status: number; code: string }>('GET', '/api/me', { token: (await token()) ?? '' });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('forbidden');
  });

  it('leaves the public OpenAPI document open', async () => {
    const response = await call<{ openapi: string }>('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
  });
});

const mintOtherAudience = async () => {
  const jwk = JSON.parse(await readFile(stack().signingKeyFile, 'utf8')) as JWK;
  return new SignJWT({ scope: 'pakt/api', client_id: 'other-app', 'custom:orgId': coordinator.orgId, 'cognito:groups': ['coordinator'] })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid ?? '' })
    .setSubject(coordinator.id)
    .setIssuer(stack().issuer)
    .setAudience('urn:other:api')
    .setExpirationTime('5m')
    .sign(await importJWK(jwk, 'RS256'));
};

describe('the API\'s own endpoint', () => {
  // On AWS the web distribution's origin adds the secret; WAF and the security headers sit in front of it.
  it.each([
    ['no edge secret', {}],
    ['a wrong edge secret', { 'x-pakt-edge': 'guessed' }],
  ])('answers 403 edge_required to a request with %s, in every module, public routes included', async (_what, headers) => {
    const requests = await Promise.all(['/api/openapi.json', '/api/me', '/api/memoranda', '/api/commitments', `/api/organisations/${coordinator.orgId}`].map((path) =>
      fetch(`${stack().apiUrl}${path}`, { headers: { authorization: `Bearer ${stack().tokens[coordinator.email]?.accessToken ?? ''}`, ...headers } }).then(async (response) => [path, response.status, ((await response.json()) as { code?: string }).code])));
    expect(requests).toEqual(requests.map(([path]) => [path, 403, 'edge_required']));
  });
});

