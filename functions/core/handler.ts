import { tableContext } from '../data/client.js';
import { accountAccess } from '../users/access.js';
import { idempotencyContext } from './idempotency.js';
import { handlerWith } from './pipeline.js';

export { createdResponse } from './pipeline.js';

/**
 * A module's Lambda handler (core/pipeline.ts) with the account check on every
 * signed-in route and idempotent writes kept in the table.
 */
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export const moduleHandler = handlerWith({
  checkAccount: (actor, issuedAt) => accountAccess.check(actor, issuedAt),
  idempotency: (actor, key, request) => idempotencyContext(tableContext(), actor, key, request, nowSeconds),
});
