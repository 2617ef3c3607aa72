import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in Lambda bundles
 * (infra/bundling.ts aliases it here). Lambda puts the function role's
 * credentials in the environment, so the default chain's other links (SSO,
 * profiles, web identity, login, the instance metadata service) are never
 * reached there — but they carry the STS and SSO clients, ≈90 KB of every
 * bundle and its cold start. Tests and tools run unbundled with the full chain.
 */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}): ReturnType<typeof fromEnv> => fromEnv(init);
