import { tableContext } from '../data/client.js';
import { accountAccess } from '../users/access.js';
import { handlerWith } from './pipeline.js';

export { createdResponse } from './pipeline.js';

/**
 * A module's Lambda handler (core/pipeline.ts) with the account check on every
 * signed-in route and idempotent writes kept in the table.
 */
export const moduleHandler = handlerWith({ checkAccount: (actor, issuedAt) => accountAccess.check(actor, issuedAt), idempotencyTable: tableContext });
