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

export const secondFactorRequired = (roles: readonly Role[]): boolean => roles.some((role) => secondFactorRoles.includes(role));
