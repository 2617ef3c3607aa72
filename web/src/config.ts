/**
 * Runtime configuration, fetched once from /config.json: the web stack writes it
 * on AWS (Cognito issuer and client) and `npm start` serves it locally, so one
 * build runs everywhere.
 */
export interface WebConfig {
  issuer: string;
  clientId: string;
  scope: string;
  apiBaseUrl: string;
  /** The identity provider's user API (Cognito's, or the local provider's), where people enrol an authenticator app. */
  directoryEndpoint: string;
  /** Cognito's hosted-UI logout and token revocation endpoints (it advertises neither in its metadata). */
  logoutUrl?: string;
  revocationUrl?: string;
  /** Only on the local stack: the outbox of emails is viewable at /dev/outbox. */
  devOutbox?: boolean;
}

const isWebConfig = (value: unknown): value is WebConfig => {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ['issuer', 'clientId', 'scope', 'apiBaseUrl', 'directoryEndpoint'].every((key) => typeof candidate[key] === 'string');
};

export const loadConfig = async (): Promise<WebConfig> => {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const config: unknown = await response.json();
  if (!isWebConfig(config)) throw new Error('config.json lacks issuer, clientId, scope, apiBaseUrl or directoryEndpoint');
  return config;
};
