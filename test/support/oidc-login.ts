import { createHash, randomBytes } from 'node:crypto';
import { currentCode, demoTotpSecret } from '../../infra/local/totp.js';

/**
 * Signs in through the local OpenID provider exactly as the SPA does
 * (authorization code + PKCE), but over plain HTTP, and returns the tokens.
 */
export interface Tokens {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
}

export interface SignInOptions {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  email: string;
  password: string;
  /** Chosen when the provider asks for a new password (the first sign-in with a temporary one). */
  newPassword?: string;
  /** What to type as the second factor instead of the authenticator's current code (to see a wrong one refused). */
  code?: string;
  /** Sees each page the provider shows (e.g. the code page). */
  seen?: (page: string) => void;
}

/** The authenticator keys of the accounts this process enrolled (demo accounts use the published demo key). */
const enrolledKeys = new Map<string, string>();
export const authenticatorKeyOf = (email: string): string => enrolledKeys.get(email) ?? demoTotpSecret;

/** The scopes a JWT access token carries. */
export const scopesOf = (accessToken: string): string[] => {
  const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { scope?: unknown };
  return typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
};

/** One call of the provider's own-account API (Cognito's user API, as the SPA calls it). */
export const ownAccountCall = async (endpoint: string, operation: string, input: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/**
 * Enrols an authenticator app as the SPA's enrolment screen does: the provider offers a key,
 * a code from the app confirms it, and the app becomes required at sign-in.
 */
export const enrolAuthenticator = async (endpoint: string, email: string, accessToken: string): Promise<string> => {
  const offered = await ownAccountCall(endpoint, 'AssociateSoftwareToken', { AccessToken: accessToken });
  const key = offered.body.SecretCode;
  if (offered.status !== 200 || typeof key !== 'string') throw new Error(`AssociateSoftwareToken: ${offered.status} ${JSON.stringify(offered.body)}`);
  const verified = await ownAccountCall(endpoint, 'VerifySoftwareToken', { AccessToken: accessToken, UserCode: currentCode(key), FriendlyDeviceName: 'Pakt' });
  if (verified.status !== 200) throw new Error(`VerifySoftwareToken: ${verified.status} ${JSON.stringify(verified.body)}`);
  const preferred = await ownAccountCall(endpoint, 'SetUserMFAPreference', { AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
  if (preferred.status !== 200) throw new Error(`SetUserMFAPreference: ${preferred.status} ${JSON.stringify(preferred.body)}`);
  enrolledKeys.set(email, key);
  return key;
};

/** For a browser test that enrolled through the SPA: the key it read off the screen. */
export const rememberAuthenticatorKey = (email: string, key: string): void => void enrolledKeys.set(email, key);

export const signIn = async (options: SignInOptions): Promise<Tokens> => {
  const cookies = new Map<string, string>();
  const request = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  };

  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = new URL(`${options.issuer}/auth`);
  Object.entries({
    client_id: options.clientId, redirect_uri: options.redirectUri, response_type: 'code', scope: options.scope,
    code_challenge: challenge, code_challenge_method: 'S256', state: randomBytes(8).toString('hex'),
  }).forEach(([name, value]) => authorize.searchParams.set(name, value));

  /** The code page of an enrolled account: the authenticator app's current code (or the one given, to see it refused). */
  const secondFactor = async (response: Response, url: string): Promise<Response> => {
    if (response.status !== 200) return response;
    const page = await response.clone().text();
    options.seen?.(page);
    if (!page.includes('/code"')) return response;
    return request(`${url}/code`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: options.code ?? currentCode(authenticatorKeyOf(options.email)) }).toString(),
    });
  };

  let location = authorize.href;
  let signedIn = false;
  for (let step = 0; step < 12; step += 1) {
    if (location.startsWith(options.redirectUri)) break;
    const url = new URL(location, options.issuer).href;
    let response = await request(url);
    if (response.status === 200 && /\/interaction\//.test(url) && !signedIn) {
      signedIn = true;
      response = await request(`${url}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: options.email, password: options.password }).toString(),
      });
      if (response.status === 200 && (await response.clone().text()).includes('/new-password')) {
        if (options.newPassword === undefined) throw new Error(`The provider asks ${options.email} to choose a new password.`);
        response = await request(`${url}/new-password`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ password: options.newPassword, confirm: options.newPassword }).toString(),
        });
      }
      response = await secondFactor(response, url);
    }
    const next = response.headers.get('location');
    if (!next) throw new Error(`Sign-in stopped at ${url} with status ${response.status}: ${(await response.text()).slice(0, 300)}`);
    location = next;
  }
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`No authorization code in ${location}`);

  const tokenResponse = await fetch(`${options.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, client_id: options.clientId, redirect_uri: options.redirectUri }).toString(),
  });
  const body = (await tokenResponse.json()) as { access_token?: string; id_token?: string; refresh_token?: string; error?: string; error_description?: string };
  if (!body.access_token || !body.id_token) throw new Error(`Token request failed: ${body.error ?? ''} ${body.error_description ?? ''}`);
  return { accessToken: body.access_token, idToken: body.id_token, ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}) };
};

/** Asks the provider for fresh tokens with a refresh token, as the SPA's silent renewal does. */
export const refresh = async (options: { issuer: string; clientId: string; refreshToken: string }): Promise<{ status: number; accessToken?: string; refreshToken?: string; error?: string }> => {
  const response = await fetch(`${options.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: options.refreshToken, client_id: options.clientId }).toString(),
  });
  const body = (await response.json()) as { access_token?: string; refresh_token?: string; error?: string };
  return {
    status: response.status, ...(body.access_token ? { accessToken: body.access_token } : {}),
    // The local provider rotates refresh tokens (Cognito may too): the next renewal uses this one.
    ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}), ...(body.error ? { error: body.error } : {}),
  };
};
