import { handlerWith } from './pipeline.js';

/**
 * The handler of a module whose routes are all public (the OpenAPI document):
 * no account check and no idempotency store, so its function reaches no table.
 */
export const publicModuleHandler = handlerWith({});
