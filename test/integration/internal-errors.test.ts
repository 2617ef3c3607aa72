import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoUser, stack } from '../support/api.js';

/**
 * A fault in DynamoDB (injected by mocking the client, the one place mocks are
 * allowed) must become an opaque 500 problem: no stack, no internal message.
 */
const coordinator = demoUser('coordinator');

const loadHandler = async () => {
  Object.assign(process.env, { TABLE_NAME: stack().tableName, DYNAMODB_ENDPOINT: stack().dynamodbEndpoint, LOCAL_ACCOUNTS_FILE: stack().accountsFile, LOG_LEVEL: 'SILENT' });
  process.env.AWS_REGION ??= 'eu-central-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  const module = (await import('../../functions/organisations/handler.js')) as {
    handler: (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
  };
  return module.handler;
};

const event = (): APIGatewayProxyEventV2WithJWTAuthorizer =>
  ({
    version: '2.0', routeKey: 'GET /api/organisations', rawPath: '/api/organisations', rawQueryString: '', headers: {}, isBase64Encoded: false,
    requestContext: {
      accountId: '0', apiId: 'test', domainName: 'test', domainPrefix: 'test', requestId: 'req-1', routeKey: 'GET /api/organisations', stage: '$default', time: '', timeEpoch: 0,
      http: { method: 'GET', path: '/api/organisations', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      authorizer: { principalId: '', integrationLatency: 0, jwt: { scopes: ['pakt/api'], claims: { sub: coordinator.id, 'custom:orgId': coordinator.orgId, 'cognito:groups': '[coordinator]' } } },
    },
  }) as APIGatewayProxyEventV2WithJWTAuthorizer;

const context = { awsRequestId: 'req-1', functionName: 'pakt-organisations', getRemainingTimeInMillis: () => 1000 } as Context;

describe('unexpected failures', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answer 500 problem+json without a stack trace or internal detail', async () => {
    const handler = await loadHandler();
    vi.spyOn(DynamoDBDocumentClient.prototype, 'send').mockRejectedValue(new Error('secret-internal-detail at table pakt-local'));

    const response = await handler(event(), context);

    expect(response.statusCode).toBe(500);
    expect(response.headers?.['content-type']).toContain('application/problem+json');
    expect(response.body).not.toMatch(/secret-internal-detail|at .*\.ts|stack/);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ status: 500, code: 'internal' });
  });

  it('the same handler answers normally once the fault is gone (control)', async () => {
    const handler = await loadHandler();
    const response = await handler(event(), context);
    expect(response.statusCode).toBe(200);
  });
});
