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
  /** Sees each page the provider shows (e.g. the enrolment page). */
  seen?: (page: string) => void;
}

/** The authenticator keys of the accounts this process enrolled (demo accounts use the published demo key). */
const enrolledKeys = new Map<string, string>();
export const authenticatorKeyOf = (email: string): string => enrolledKeys.get(email) ?? demoTotpSecret;

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

  /** The code page (an enrolled account) or the enrolment page (its first sign-in: the key is read off the page, as an app scans it). */
  const secondFactor = async (response: Response, url: string): Promise<Response> => {
    if (response.status !== 200) return response;
    const page = await response.clone().text();
    options.seen?.(page);
    const offered = /data-secret="([A-Z2-7]+)"/.exec(page)?.[1];
    const step = offered ? 'enrol' : page.includes('/code"') ? 'code' : undefined;
    if (!step) return response;
    const key = offered ?? authenticatorKeyOf(options.email);
    const answer = await request(`${url}/${step}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: options.code ?? currentCode(key) }).toString(),
    });
    // A redirect means the provider accepted the code (a refusal answers 401 with the page again).
    if (offered && answer.status >= 300 && answer.status < 400) enrolledKeys.set(options.email, offered);
    return answer;
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
export const refresh = async (options: { issuer: string; clientId: string; refreshToken: string }): Promise<{ status: number; accessToken?: string; error?: string }> => {
  const response = await fetch(`${options.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: options.refreshToken, client_id: options.clientId }).toString(),
  });
  const body = (await response.json()) as { access_token?: string; error?: string };
  return { status: response.status, ...(body.access_token ? { accessToken: body.access_token } : {}), ...(body.error ? { error: body.error } : {}) };
};
