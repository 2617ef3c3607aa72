import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { claimNames } from '../../functions/core/actor.js';
import { issuedNoLaterThan } from '../../functions/core/revocation.js';
import { hashPassword, localAccountStore, secondFactorEnrolled, verifyPassword, type LocalAccount, type LocalAccountStore } from '../../functions/users/local-accounts.js';
import { accessTokenSeconds, apiScope, apiScopeWithheld, ownAccountScope, passwordProblems } from '../../functions/users/sign-in-policy.js';
import type { RunningService } from './dynamodb.js';
import { ownAccountApi, ownAccountPath } from './own-account-api.js';
import { codePage, htmlEscape, logoutPage, messagePage, newPasswordPage, signInPage, type DemoAccount } from './pages.js';
import { currentCode, isValidCode } from './totp.js';

/**
 * The local OpenID Connect provider: the part Cognito plays on AWS. Access tokens
 * are RS256 JWTs with the claim names Cognito uses (`sub`, `cognito:groups`,
 * `custom:orgId`, `client_id`, `scope`), so the API verifies them the way the
 * API Gateway JWT authorizer does. Like Cognito with the pre-token trigger, it
 * withholds the API scope from a coordinator or admin without a second factor.
 */
export { apiScope };
export const apiResource = 'urn:pakt:api';
export const webClientId = 'pakt-web';

export interface OidcOptions {
  port: number;
  issuer: string;
  accountsFile: string;
  /** Persisted signing key, so tokens survive a restart; omitted → a fresh key. */
  keyFile?: string;
  webOrigins: string[];
  demo?: { password: string; emails: string[] };
}

const loadSigningKey = async (keyFile: string | undefined): Promise<JWK> => {
  if (keyFile) {
    try {
      return JSON.parse(await readFile(keyFile, 'utf8')) as JWK;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
  if (keyFile) {
    await mkdir(dirname(keyFile), { recursive: true });
    await writeFile(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  }
  return jwk;
};

const readForm = async (req: IncomingMessage): Promise<URLSearchParams> => {
  let raw = '';
  for await (const chunk of req) {
    raw += String(chunk);
    if (raw.length > 10_000) break;
  }
  return new URLSearchParams(raw);
};

const sendHtml = (res: ServerResponse, status: number, html: string): void => {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'self' http://localhost:* http://127.0.0.1:*; frame-ancestors 'none'",
  });
  res.end(html);
};

const providerConfiguration = (options: OidcOptions, accounts: LocalAccountStore, jwk: JWK): Configuration => ({
  clients: [
    {
      client_id: webClientId,
      client_name: 'Pakt',
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: options.webOrigins.map((origin) => `${origin}/auth/callback`),
      post_logout_redirect_uris: options.webOrigins.map((origin) => `${origin}/`),
    },
  ],
  jwks: { keys: [jwk] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'offline_access'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', claimNames.orgId, claimNames.groups] },
  conformIdTokenClaims: false,
  // As the Cognito app client: short access tokens, renewed with a refresh token (issued to the web client
  // without asking for offline_access, as Cognito does) that dies when the account is disabled.
  ttl: { AccessToken: accessTokenSeconds, AuthorizationCode: 60, IdToken: accessTokenSeconds, Interaction: 3600, Session: 12 * 3600, Grant: 12 * 3600, RefreshToken: 12 * 3600 },
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: (ctx, form) => {
        ctx.type = 'html';
        ctx.body = logoutPage(form);
      },
      postLogoutSuccessSource: (ctx) => {
        ctx.type = 'html';
        ctx.body = messagePage('Pakt', 'Ви вийшли з системи · You are signed out.');
      },
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => apiResource,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resourceIndicator) => {
        if (resourceIndicator !== apiResource) throw new errors.InvalidTarget();
        return { scope: `${apiScope} ${ownAccountScope}`, audience: apiResource, accessTokenTTL: accessTokenSeconds, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  clientBasedCORS: (_ctx, origin) => options.webOrigins.includes(origin),
  renderError: (ctx, out) => {
    ctx.type = 'html';
    ctx.body = messagePage('Pakt', `${String(out.error)}: ${String(out.error_description ?? '')}`);
  },
  findAccount: async (_ctx, sub, token) => {
    const account = await accounts.findBySub(sub);
    if (!account || account.disabled) return undefined;
    // Signed out everywhere (disabled, even if enabled again since): tokens and sessions from before are dead.
    const issuedAt = token && 'iat' in token && typeof token.iat === 'number' ? token.iat : undefined;
    if (account.signedOutAt && issuedAt !== undefined && issuedNoLaterThan(issuedAt, Date.parse(account.signedOutAt))) return undefined;
    return {
      accountId: sub,
      claims: () => ({
        sub,
        email: account.email,
        email_verified: true,
        name: account.name,
        [claimNames.orgId]: account.orgId,
        [claimNames.groups]: account.groups,
      }),
    };
  },
  formats: {
    customizers: {
      // What Cognito's pre-token trigger does (functions/identity/pre-token-generation.ts), at every issue and renewal.
      jwt: async (_ctx, token, jwt) => {
        if (token.kind !== 'AccessToken' || !('accountId' in token) || typeof token.accountId !== 'string') return;
        const account = await accounts.findBySub(token.accountId);
        if (!account || !apiScopeWithheld(account.groups, secondFactorEnrolled(account))) return;
        jwt.payload.scope = String(jwt.payload.scope ?? '').split(' ').filter((scope) => scope !== apiScope).join(' ');
      },
    },
  },
  extraTokenClaims: async (_ctx: KoaContextWithOIDC, token) => {
    if (!('accountId' in token) || typeof token.accountId !== 'string') return undefined;
    const account = await accounts.findBySub(token.accountId);
    return account ? { [claimNames.orgId]: account.orgId, [claimNames.groups]: account.groups } : undefined;
  },
});

export const startOidcProvider = async (options: OidcOptions): Promise<RunningService> => {
  const accounts = localAccountStore(options.accountsFile);
  const signingKey = await loadSigningKey(options.keyFile);
  const provider = new Provider(options.issuer, providerConfiguration(options, accounts, signingKey));
  const callback = provider.callback();
  const ownAccount = ownAccountApi({ issuer: options.issuer, signingKey, accounts, webOrigins: options.webOrigins });

  const demoAccounts = async (): Promise<DemoAccount[]> => {
    if (!options.demo) return [];
    const all = await accounts.all();
    return options.demo.emails.flatMap((email) => {
      const account = all.find((candidate) => candidate.email === email);
      return account ? [{ email, name: account.name, role: account.groups.join(', ') }] : [];
    });
  };

  const renderSignIn = async (res: ServerResponse, uid: string, status: number, email?: string, error?: string) =>
    sendHtml(res, status, signInPage({ action: `/interaction/${uid}/login`, demoAccounts: await demoAccounts(), ...(options.demo ? { demoPassword: options.demo.password } : {}), ...(email ? { email } : {}), ...(error ? { error } : {}) }));

  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return sendHtml(res, 400, messagePage('Pakt', 'This sign-in link has expired. Go back to Pakt and try again.'));

    if (details.prompt.name === 'consent') {
      // Pakt's own web app: its scopes are granted without a consent screen, as Cognito does.
      const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session?.accountId ?? '', clientId: webClientId });
      if (!grant) throw new Error('Grant not found');
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '));
      const grantId = await grant.save();
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }

    if (req.method === 'GET' && action === undefined) return renderSignIn(res, uid, 200);
    if (req.method !== 'POST' || action === undefined) return sendHtml(res, 405, messagePage('Pakt', 'Not allowed.'));

    const form = await readForm(req);
    if (action === 'new-password') return chooseNewPassword(req, res, uid, form);
    if (action === 'code') return verifyCode(req, res, uid, form);
    const email = (form.get('email') ?? '').trim().toLowerCase();
    const password = form.get('password') ?? '';
    const account = await accounts.findByEmail(email);
    const valid = account !== undefined && !account.disabled && (await verifyPassword(password, account.passwordHash));
    if (!account || !valid) {
      return renderSignIn(res, uid, 401, email, account?.disabled ? 'Обліковий запис вимкнено · This account is disabled.' : 'Невірна пошта або пароль · Wrong email or password.');
    }
    if (account.temporaryPasswordExpiresAt !== undefined) {
      if (Date.parse(account.temporaryPasswordExpiresAt) <= Date.now()) {
        return renderSignIn(res, uid, 401, email, 'Тимчасовий пароль прострочено: попросіть координатора запросити вас знову · The temporary password has expired: ask your coordinator to invite you again.');
      }
      passwordsVerified.set(uid, account.sub);
      return sendHtml(res, 200, newPasswordPage({ action: `/interaction/${uid}/new-password`, email }));
    }
    passwordsVerified.set(uid, account.sub);
    return askSecondFactor(req, res, uid, account);
  };

  /** Within one sign-in (interaction), the account whose password was verified: the next steps act for it only. */
  const passwordsVerified = new Map<string, string>();
  const verifiedAccount = async (uid: string) => {
    const sub = passwordsVerified.get(uid);
    const account = sub ? await accounts.findBySub(sub) : undefined;
    return account && !account.disabled ? account : undefined;
  };
  const isDemoAccount = (email: string) => options.demo?.emails.includes(email) === true;

  /**
   * An enrolled account gives its code, as in Cognito's managed login. One without (whoever must have
   * a second factor gets a token without the API scope) enrols in the SPA, through the own-account API.
   */
  const askSecondFactor = (req: IncomingMessage, res: ServerResponse, uid: string, account: LocalAccount, error?: string) => {
    if (!account.totpSecret || !secondFactorEnrolled(account)) return signedIn(req, res, uid, account, ['pwd']);
    return sendHtml(res, error ? 401 : 200, codePage({ action: `/interaction/${uid}/code`, email: account.email, ...(error ? { error } : {}), ...(isDemoAccount(account.email) ? { demoCode: currentCode(account.totpSecret) } : {}) }));
  };

  const signedIn = (req: IncomingMessage, res: ServerResponse, uid: string, account: LocalAccount, amr = ['pwd', 'otp']) => {
    passwordsVerified.delete(uid);
    return provider.interactionFinished(req, res, { login: { accountId: account.sub, amr } }, { mergeWithLastSubmission: false });
  };

  const wrongCode = 'Невірний або прострочений код · Wrong or expired code.';

  const verifyCode = async (req: IncomingMessage, res: ServerResponse, uid: string, form: URLSearchParams) => {
    const account = await verifiedAccount(uid);
    if (!account?.totpSecret || !secondFactorEnrolled(account)) return renderSignIn(res, uid, 401, undefined, 'Увійдіть знову · Sign in again.');
    if (!isValidCode(account.totpSecret, (form.get('code') ?? '').trim())) return askSecondFactor(req, res, uid, account, wrongCode);
    return signedIn(req, res, uid, account);
  };

  /** After a valid temporary password, within the same sign-in: the new password, by the pool's rules. */
  const chooseNewPassword = async (req: IncomingMessage, res: ServerResponse, uid: string, form: URLSearchParams) => {
    const account = await verifiedAccount(uid);
    if (!account) return renderSignIn(res, uid, 401, undefined, 'Увійдіть знову · Sign in again.');
    const password = form.get('password') ?? '';
    const problems = passwordProblems(password);
    if (password !== form.get('confirm')) return sendHtml(res, 400, newPasswordPage({ action: `/interaction/${uid}/new-password`, email: account.email, error: 'Паролі не збігаються · The passwords differ.' }));
    if (problems.length > 0) return sendHtml(res, 400, newPasswordPage({ action: `/interaction/${uid}/new-password`, email: account.email, problems }));
    const changed = await accounts.update(account.sub, { passwordHash: await hashPassword(password), temporaryPasswordExpiresAt: undefined });
    return askSecondFactor(req, res, uid, changed ?? account);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', options.issuer).pathname;
    if (path === ownAccountPath) {
      return void ownAccount(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ __type: 'InternalErrorException', message: error instanceof Error ? error.message : 'unknown error' }));
      });
    }
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|new-password|code))?$/.exec(path);
    if (!match?.[1]) return void callback(req, res);
    interaction(req, res, match[1], match[2]).catch((error: unknown) => {
      const expired = error instanceof errors.SessionNotFound;
      sendHtml(res, expired ? 400 : 500, messagePage('Pakt', expired ? 'This sign-in has expired. Go back to Pakt and sign in again.' : `Sign-in failed: ${htmlEscape(error instanceof Error ? error.message : 'unknown error')}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    url: options.issuer,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
