import type { TestProject } from 'vitest/node';
import { freePort } from '../../infra/local/ports.js';
import { apiScope, webClientId } from '../../infra/local/oidc.js';
import { demoPassword, demoUsers } from '../../infra/local/seed.js';
import { startLocalStack } from '../../infra/local/stack.js';
import { signIn, type Tokens } from './oidc-login.js';

/**
 * Starts the real local stack on free ports (DynamoDB Local in memory, s3rver in
 * a temporary folder, the OpenID provider, the API) with demo data, signs in
 * each demo user through the provider, and hands endpoints and tokens to tests.
 */
export interface StackInfo {
  apiUrl: string;
  issuer: string;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  bucket: string;
  accountsFile: string;
  outboxDir: string;
  signingKeyFile: string;
  edgeSecret: string;
  digestKeyFile: string;
  renderDeadLetterUrl: string;
  renderQueueUrl: string;
  webOrigin: string;
  tokens: Record<string, Tokens>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

export const webOriginForTests = 'http://127.0.0.1:5999';

/** Signs in each demo user through the provider and hands the endpoints and tokens to the tests (API fixtures use them). */
export const provideStack = async (project: TestProject, stack: Awaited<ReturnType<typeof startLocalStack>>, webOrigin: string) => {
  const tokens: Record<string, Tokens> = {};
  for (const user of demoUsers) {
    tokens[user.email] = await signIn({
      issuer: stack.issuer, clientId: webClientId, redirectUri: `${webOrigin}/auth/callback`,
      scope: `openid profile email ${apiScope}`, email: user.email, password: demoPassword,
    });
  }
  project.provide('stack', {
    apiUrl: stack.apiUrl, issuer: stack.issuer, dynamodbEndpoint: stack.dynamodbEndpoint, s3Endpoint: stack.s3Endpoint,
    tableName: stack.tableName, bucket: stack.bucket, accountsFile: stack.accountsFile, outboxDir: stack.outboxDir, signingKeyFile: stack.signingKeyFile,
    edgeSecret: stack.edgeSecret, digestKeyFile: stack.digestKeyFile, renderDeadLetterUrl: stack.renderDeadLetterUrl, renderQueueUrl: stack.renderQueueUrl, webOrigin, tokens,
  });
};

export default async function setup(project: TestProject) {
  process.env.LOG_LEVEL ??= 'SILENT';
  const stack = await startLocalStack({
    ports: { dynamodb: await freePort(), s3: await freePort(), oidc: await freePort(), api: await freePort() },
    webOrigins: [webOriginForTests],
    seed: true,
  });
  try {
    await provideStack(project, stack, webOriginForTests);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return () => stack.stop();
}
