import { AppError } from './errors.js';
import { isRole, type Role } from './roles.js';

/** Who is calling: taken only from the verified token, never from the request. */
export interface Actor {
  userId: string;
  orgId: string;
  roles: Role[];
}

/** The claim names Cognito puts in access tokens (orgId is added by the pre-token trigger). */
export const claimNames = {
  subject: 'sub',
  orgId: 'custom:orgId',
  groups: 'cognito:groups',
} as const;

/**
 * API Gateway's JWT authorizer hands claims to Lambda as strings; array claims
 * arrive as "[a b]". Accept that shape and a real array (as tests may pass).
 */
export const parseGroupsClaim = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  const inner = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  return inner.split(/[\s,]+/).filter((part) => part.length > 0);
};

export const actorFromClaims = (claims: Record<string, unknown> | undefined): Actor => {
  const userId = claims?.[claimNames.subject];
  const orgId = claims?.[claimNames.orgId];
  if (typeof userId !== 'string' || userId === '' || typeof orgId !== 'string' || orgId === '') {
    throw new AppError('unauthenticated', 'The access token does not identify a user of an organisation.');
  }
  const actorRoles = parseGroupsClaim(claims?.[claimNames.groups]).filter(isRole);
  return { userId, orgId, roles: actorRoles };
};

/** The token's issue time (epoch seconds); API Gateway hands it on as a string. */
export const issuedAtOf = (claims: Record<string, unknown> | undefined): number | undefined => {
  const value = Number(claims?.iat);
  return Number.isFinite(value) && value > 0 ? value : undefined;
};

export const hasRole = (actor: Actor, ...wanted: Role[]): boolean => actor.roles.some((role) => wanted.includes(role));
