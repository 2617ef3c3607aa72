import { tableContext } from '../data/client.js';
import { accessChecker } from '../core/revocation.js';
import { userRepository } from './repository.js';

/** The container's account access check (see core/revocation.ts), read from the user profiles. */
export const accountAccess = accessChecker((userId) => userRepository(tableContext()).accessOf(userId));
