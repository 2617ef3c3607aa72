import * as z from 'zod/mini';
import { roles } from '../core/roles.js';
import { email, isoTimestamp, pageOf, text, ulid, userId } from '../core/schemas.js';
import { Organisation } from '../organisations/schema.js';

/** The contract of the users routes and of `GET /api/me`. */

export const Role = z.enum(roles);
export const userStatuses = ['active', 'disabled'] as const;
export const UserStatus = z.enum(userStatuses);

export const UserInvite = z.strictObject({
  name: text(2, 120),
  position: z.optional(text(2, 120)),
  email,
  role: Role,
});

export const UserStatusChange = z.strictObject({ status: UserStatus });

export const User = z.object({
  id: z.string(),
  orgId: ulid,
  name: z.string(),
  position: z.optional(z.string()),
  email: z.string(),
  role: Role,
  status: UserStatus,
  /** When the account's sign-ins were last revoked (it was disabled): tokens issued before are refused. */
  accessRevokedAt: z.optional(isoTimestamp),
  version: z.number(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

/**
 * A user in an organisation's list: in full for the organisation itself, admins and
 * organisations it works with; for anyone else only what choosing a person needs.
 */
export const NamedUser = z.object({ id: z.string(), orgId: ulid, name: z.string(), position: z.optional(z.string()), role: Role, status: UserStatus });
export const UserPage = pageOf(z.union([User, NamedUser]));

export const Me = z.object({
  userId: z.string(),
  roles: z.array(Role),
  organisation: z.nullable(Organisation),
  profile: z.nullable(User),
});

export const OrganisationUsersParams = z.strictObject({ orgId: ulid });
export const UserParams = z.strictObject({ userId });

export type Role = z.infer<typeof Role>;
export type UserStatus = z.infer<typeof UserStatus>;
export type UserInvite = z.infer<typeof UserInvite>;
export type User = z.infer<typeof User>;
export type NamedUser = z.infer<typeof NamedUser>;
export type UserPage = z.infer<typeof UserPage>;
export type Me = z.infer<typeof Me>;
