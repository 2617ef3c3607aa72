import { createApiClient, type ApiClient } from './api/client';
import { createAuthSession, type AuthSession } from './auth/session';
import type { WebConfig } from './config';

/** The app's connections to the outside, created once at start-up in main.ts. */
export interface Services {
  config: WebConfig;
  auth: AuthSession;
  api: ApiClient;
}

let current: Services | undefined;

export const initServices = (config: WebConfig, onUnauthenticated: () => void): Services => {
  const auth = createAuthSession(config);
  current = { config, auth, api: createApiClient(config.apiBaseUrl, () => auth.accessToken(), onUnauthenticated, () => auth.subject()) };
  return current;
};

export const services = (): Services => {
  if (!current) throw new Error('Services are used before initServices()');
  return current;
};
