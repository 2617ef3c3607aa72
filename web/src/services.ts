import { createApiClient, type ApiClient, type DeviceReads } from './api/client';
import { createAuthSession, type AuthSession } from './auth/session';
import type { WebConfig } from './config';

/** The app's connections to the outside, created once at start-up in main.ts. */
export interface Services {
  config: WebConfig;
  auth: AuthSession;
  api: ApiClient;
}

let current: Services | undefined;

/** `deviceReads`: the offline store's loader, passed in by main.ts (its dynamic import stays in the entry script). */
export const initServices = (config: WebConfig, onUnauthenticated: () => void, deviceReads: DeviceReads): Services => {
  const auth = createAuthSession(config);
  current = { config, auth, api: createApiClient(config.apiBaseUrl, () => auth.accessToken(), onUnauthenticated, { subject: () => auth.subject(), reads: deviceReads }) };
  return current;
};

export const services = (): Services => {
  if (!current) throw new Error('Services are used before initServices()');
  return current;
};
