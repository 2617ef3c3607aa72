import * as z from 'zod/mini';
import { defineEntity, sortable } from '../data/entity.js';
import { User } from './schema.js';

const profileKey = (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' });
const emailKey = (email: string) => ({ PK: `EMAIL#${email.toLowerCase()}`, SK: 'EMAIL' });

/** GSI1: the users of one organisation, by name. */
export const usersOfOrganisation = (orgId: string) => ({ GSI1PK: `ORG#${orgId}#USERS` });

/** A user's profile, listed in its organisation by name. */
export const userProfile = defineEntity({
  tag: 'user',
  version: 1,
  schema: User,
  key: profileKey,
  keyOf: (user) => profileKey(user.id),
  indexKeysOf: (user) => ({ ...usersOfOrganisation(user.orgId), GSI1SK: `${sortable(user.name)}#${user.id}` }),
});

/** Guards email uniqueness across concurrent invitations. */
export const userEmail = defineEntity({
  tag: 'userEmail',
  version: 1,
  schema: z.object({ email: z.string(), userId: z.string() }),
  key: emailKey,
  keyOf: (claim) => emailKey(claim.email),
});
