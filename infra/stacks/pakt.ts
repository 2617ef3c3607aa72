import type { App } from 'aws-cdk-lib';
import type { DeploymentConfig } from '../config.js';
import { ApiStack } from './api-stack.js';
import { AuthStack } from './auth-stack.js';
import { DataStack } from './data-stack.js';
import { WebStack } from './web-stack.js';

/** All of Pakt for one stage: data → auth → api → web. */
export const buildStacks = (app: App, config: DeploymentConfig) => {
  const env = { account: config.account, region: config.region };
  const prefix = `Pakt-${config.stage}`;
  const data = new DataStack(app, `${prefix}-Data`, config, { env, description: 'Pakt records table and documents bucket' });
  const auth = new AuthStack(app, `${prefix}-Auth`, config, { env, description: 'Pakt sign-in (Cognito)' });
  const api = new ApiStack(app, `${prefix}-Api`, config, { table: data.table, documents: data.documents, digestKey: data.digestKey, dataKey: data.dataKey, userPool: auth.userPool, webClient: auth.webClient }, { env, description: 'Pakt HTTP API and functions' });
  const web = new WebStack(app, `${prefix}-Web`, config, { api: api.api, edgeSecret: api.edgeSecret, userPool: auth.userPool, webClient: auth.webClient, hostedUiBaseUrl: auth.hostedUiBaseUrl }, { env, description: 'Pakt web app' });
  return { data, auth, api, web };
};
