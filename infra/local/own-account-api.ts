import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import { issuedNoLaterThan } from '../../functions/core/revocation.js';
import { secondFactorEnrolled, type LocalAccount, type LocalAccountStore } from '../../functions/users/local-accounts.js';
import { ownAccountScope } from '../../functions/users/sign-in-policy.js';
import { isValidCode, newTotpSecret } from './totp.js';

/**
 * The part of Cognito's user API (AWS JSON 1.1, `X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>`) that the SPA calls with a person's
 * own access token to enrol an authenticator app: GetUser, AssociateSoftwareToken,
 * VerifySoftwareToken and SetUserMFAPreference. Requests, answers and errors have
 * Cognito's shapes, so the SPA's code is the same against both.
 */
export const ownAccountPath = '/cognito-idp/';

interface CognitoError {
  status: number;
  type: string;
  message: string;
}

const refused = (type: string, message: string, status = 400): CognitoError => ({ status, type, message });
const isRefusal = (value: unknown): value is CognitoError => typeof value === 'object' && value !== null && 'type' in value && 'status' in value;

const publicKeyOf = ({ kty, n, e, kid, alg }: JWK): JWK => ({ kty, n, e, kid, alg, use: 'sig' });

export const ownAccountApi = (options: { issuer: string; signingKey: JWK; accounts: LocalAccountStore; webOrigins: string[] }) => {
  const keys = createLocalJWKSet({ keys: [publicKeyOf(options.signingKey)] });
  /** Keys offered by AssociateSoftwareToken, until a code from the app confirms one (Cognito keeps them the same way). */
  const offered = new Map<string, string>();

  /** The account of a live access token with the own-account scope, as Cognito requires. */
  const accountOf = async (accessToken: unknown): Promise<LocalAccount | CognitoError> => {
    if (typeof accessToken !== 'string') return refused('InvalidParameterException', 'AccessToken is required.');
    try {
      const { payload } = await jwtVerify(accessToken, keys, { issuer: options.issuer, algorithms: ['RS256'] });
      if (typeof payload.scope !== 'string' || !payload.scope.split(' ').includes(ownAccountScope)) return refused('NotAuthorizedException', 'Access Token does not have required scopes');
      const account = typeof payload.sub === 'string' ? await options.accounts.findBySub(payload.sub) : undefined;
      if (!account || account.disabled) return refused('NotAuthorizedException', 'User is disabled.');
      if (account.signedOutAt && issuedNoLaterThan(payload.iat, Date.parse(account.signedOutAt))) return refused('NotAuthorizedException', 'Access Token has been revoked');
      return account;
    } catch {
      return refused('NotAuthorizedException', 'Invalid Access Token');
    }
  };

  const operations: Record<string, (account: LocalAccount, input: Record<string, unknown>) => Promise<object | CognitoError>> = {
    GetUser: async (account) => ({
      Username: account.sub,
      UserAttributes: [{ Name: 'sub', Value: account.sub }, { Name: 'email', Value: account.email }, { Name: 'name', Value: account.name }],
      UserMFASettingList: secondFactorEnrolled(account) ? ['SOFTWARE_TOKEN_MFA'] : [],
      ...(secondFactorEnrolled(account) ? { PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' } : {}),
    }),
    AssociateSoftwareToken: async (account) => {
      const secret = newTotpSecret();
      offered.set(account.sub, secret);
      return { SecretCode: secret };
    },
    VerifySoftwareToken: async (account, input) => {
      const secret = offered.get(account.sub);
      if (!secret) return refused('InvalidParameterException', 'No software token was associated with this user.');
      // Cognito answers a wrong code with this exception, not CodeMismatchException.
      if (typeof input.UserCode !== 'string' || !isValidCode(secret, input.UserCode)) return refused('EnableSoftwareTokenMFAException', 'Code mismatch');
      offered.delete(account.sub);
      await options.accounts.update(account.sub, { totpSecret: secret, totpEnabled: false });
      return { Status: 'SUCCESS' };
    },
    SetUserMFAPreference: async (account, input) => {
      const settings = input.SoftwareTokenMfaSettings as { Enabled?: unknown } | undefined;
      if (settings?.Enabled === undefined) return {};
      if (settings.Enabled === true && !account.totpSecret) return refused('InvalidParameterException', 'User has not set up software token mfa');
      await options.accounts.update(account.sub, { totpEnabled: settings.Enabled === true });
      return {};
    },
  };

  const cors = (req: IncomingMessage): Record<string, string> => {
    const origin = req.headers.origin;
    return origin && options.webOrigins.includes(origin)
      ? { 'access-control-allow-origin': origin, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type, x-amz-target, x-amz-user-agent', 'access-control-max-age': '600', vary: 'origin' }
      : {};
  };

  const answer = (req: IncomingMessage, res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'cache-control': 'no-store', ...cors(req) });
    res.end(JSON.stringify(body));
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors(req));
      return void res.end();
    }
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = operations[target.replace(/^AWSCognitoIdentityProviderService\./, '')];
    if (req.method !== 'POST' || !target.startsWith('AWSCognitoIdentityProviderService.') || !operation) {
      return answer(req, res, 400, { __type: 'UnknownOperationException', message: `Unknown operation ${target}` });
    }
    let raw = '';
    for await (const chunk of req) {
      raw += String(chunk);
      if (raw.length > 10_000) return answer(req, res, 413, { __type: 'SerializationException', message: 'Request too large' });
    }
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(raw || '{}') as Record<string, unknown>;
    } catch {
      return answer(req, res, 400, { __type: 'SerializationException', message: 'Malformed JSON' });
    }
    const account = await accountOf(input.AccessToken);
    const result = isRefusal(account) ? account : await operation(account, input);
    if (isRefusal(result)) return answer(req, res, result.status, { __type: result.type, message: result.message });
    return answer(req, res, 200, result);
  };
};
