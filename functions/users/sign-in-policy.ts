import type { Role } from '../core/roles.js';

/**
 * The sign-in rules of the user pool, one definition for Cognito (infra/stacks/auth-stack.ts)
 * and the local OpenID provider (infra/local/oidc.ts).
 */

/** Access tokens live 15 minutes and are renewed with the refresh token, which dies when the account is disabled. */
export const accessTokenSeconds = 15 * 60;

/** The password rules of the user pool (Cognito enforces them on AWS; the local provider here). */
export const passwordPolicy = { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true, temporaryPasswordDays: 7 } as const;

export type PasswordProblem = 'minLength' | 'lowercase' | 'uppercase' | 'digit' | 'symbol';

export const passwordProblems = (password: string): PasswordProblem[] => [
  ...(password.length < passwordPolicy.minLength ? (['minLength'] as const) : []),
  ...(/\p{Ll}/u.test(password) ? [] : (['lowercase'] as const)),
  ...(/\p{Lu}/u.test(password) ? [] : (['uppercase'] as const)),
  ...(/\d/.test(password) ? [] : (['digit'] as const)),
  ...(/[^\p{L}\d\s]/u.test(password) ? [] : (['symbol'] as const)),
];

/**
 * Who must sign in with a second factor (an authenticator app's TOTP code): the people
 * who see case records and administer accounts. Council officers and funders may enrol;
 * once enrolled, every sign-in asks for the code.
 */
export const secondFactorRoles: readonly Role[] = ['coordinator', 'admin'];

/** From roles or from a token's groups (any other group names count for nothing). */
export const secondFactorRequired = (roles: readonly string[]): boolean => roles.some((role) => (secondFactorRoles as readonly string[]).includes(role));

/** The OAuth scope every API route requires (Cognito: resource server `pakt`, scope `api`). */
export const apiScope = 'pakt/api';

/** The scope of a person's own account operations at the identity provider (Cognito's name), e.g. enrolling an authenticator app. */
export const ownAccountScope = 'aws.cognito.signin.user.admin';

/**
 * Whether a new access token is issued without the API scope: to someone who must
 * have a second factor and has not enrolled one yet. Such a token still lets them
 * enrol (own-account scope); once enrolled, the next token (a renewal or a new
 * sign-in, which then asks for the code) opens the API. Cognito's pre-token trigger
 * (functions/identity/pre-token-generation.ts) and the local provider both apply it.
 */
export const apiScopeWithheld = (roles: readonly string[], secondFactorEnrolled: boolean): boolean =>
  !secondFactorEnrolled && secondFactorRequired(roles);
