import { describe, expect, it } from 'vitest';
import { environmentFor, mayTouchDocument, mayTouchTable } from '../../functions/core/access.js';
import { functionDefinitions, localEnvironmentFor, passedThroughVariables, standInVariables, type LocalResources } from '../../infra/local/containers.js';
import { dynamoDbActionsOf } from '../../infra/local/iam.js';

const local: LocalResources = {
  webUrl: 'http://127.0.0.1:5173', tableName: 'pakt-local', dynamodbEndpoint: 'http://127.0.0.1:8000', bucket: 'pakt-local-documents', s3Endpoint: 'http://127.0.0.1:4569',
  accountsFile: '/data/accounts.json', outboxDir: '/data/outbox', digestKeyFile: '/data/digest.pem', digestPublicKeyFile: '/data/digest.public.pem', edgeSecret: 'secret',
  renderQueueUrl: 'http://127.0.0.1:9324/000000000000/pakt-render',
};
const aws = { webUrl: 'w', tableName: 't', bucketName: 'b', digestKeyId: 'k', userPoolId: 'u', senderEmail: 's', edgeSecret: 'e', documentRetentionYears: 10, renderQueueUrl: 'q' };

describe('a function\'s local environment', () => {
  it.each(functionDefinitions)('$name: the AWS variables of its grants, each AWS-only one replaced by its stand-in, and nothing for what it was not granted', ({ name, access }) => {
    const environment = localEnvironmentFor(name, access, local);
    const awsVariables = Object.keys(environmentFor(access, aws));
    const localOnly = Object.keys(environment).filter((variable) => !awsVariables.includes(variable));
    expect(localOnly.filter((variable) => !(standInVariables as readonly string[]).includes(variable) && !variable.startsWith('AWS_') && !passedThroughVariables.includes(variable))).toEqual([]);
    expect('DYNAMODB_ENDPOINT' in environment).toBe(access.table !== undefined);
    expect('S3_ENDPOINT' in environment).toBe(access.documents !== undefined);
    expect('LOCAL_ACCOUNTS_FILE' in environment).toBe(access.directory === true);
    expect('DIGEST_SIGNING_KEY_FILE' in environment).toBe(access.digestKey === 'sign');
    expect('DIGEST_PUBLIC_KEY_FILE' in environment).toBe(access.digestKey === 'verify');
    expect('OUTBOX_DIR' in environment).toBe(access.directory === true || access.mail === true);
    // The queue URL is its own endpoint: the same variable on AWS and here, only for those that send.
    expect('RENDER_QUEUE_URL' in environment).toBe(access.renderQueue === 'send');
    for (const awsOnly of ['DIGEST_KMS_KEY_ID', 'USER_POOL_ID', 'SENDER_EMAIL']) expect(environment[awsOnly]).toBeUndefined();
    expect(environment.AWS_ACCESS_KEY_ID).toMatch(/^PAKT[A-Z0-9]+$/);
  });

  it('gives every function an access key of its own', () => {
    const keys = functionDefinitions.map(({ name, access }) => localEnvironmentFor(name, access, local).AWS_ACCESS_KEY_ID);
    expect(new Set(keys).size).toBe(functionDefinitions.length);
  });
});

describe('the actions a DynamoDB request needs, as IAM evaluates them', () => {
  it('names each item of a transaction by its own action', () => {
    const transaction: { TransactItems: Record<string, { TableName: string }>[] } = { TransactItems: [{ Put: { TableName: 't' } }, { ConditionCheck: { TableName: 't' } }, { Update: { TableName: 'u' } }, { Delete: { TableName: 't' } }] };
    expect(dynamoDbActionsOf('TransactWriteItems', transaction)).toEqual([
      { action: 'dynamodb:PutItem', table: 't' }, { action: 'dynamodb:ConditionCheckItem', table: 't' }, { action: 'dynamodb:UpdateItem', table: 'u' }, { action: 'dynamodb:DeleteItem', table: 't' },
    ]);
    expect(dynamoDbActionsOf('TransactGetItems', { TransactItems: [{ Get: { TableName: 't' } }] })).toEqual([{ action: 'dynamodb:GetItem', table: 't' }]);
  });

  it('names every table of a batch, and the table of a single request', () => {
    expect(dynamoDbActionsOf('BatchGetItem', { RequestItems: { t: {}, u: {} } })).toEqual([{ action: 'dynamodb:BatchGetItem', table: 't' }, { action: 'dynamodb:BatchGetItem', table: 'u' }]);
    expect(dynamoDbActionsOf('Query', { TableName: 't' })).toEqual([{ action: 'dynamodb:Query', table: 't' }]);
  });

  it('lets a reader read and check conditions, never write or scan', () => {
    expect(mayTouchTable({ table: 'read' }, 'dynamodb:ConditionCheckItem')).toBe(true);
    expect(mayTouchTable({ table: 'read' }, 'dynamodb:PutItem')).toBe(false);
    expect(mayTouchTable({ table: 'readwrite' }, 'dynamodb:Scan')).toBe(false);
    expect(mayTouchTable({}, 'dynamodb:GetItem')).toBe(false);
  });
});

describe('object actions under key prefixes', () => {
  const access = { documents: { readwrite: ['reports/'], read: ['audit-digests/'] } };
  it('allows the declared actions under the declared prefixes only', () => {
    expect(mayTouchDocument(access, 's3:PutObject', 'reports/a/b')).toBe(true);
    expect(mayTouchDocument(access, 's3:GetObject', 'audit-digests/2026-12-01.json')).toBe(true);
    expect(mayTouchDocument(access, 's3:PutObject', 'audit-digests/2026-12-01.json')).toBe(false);
    expect(mayTouchDocument(access, 's3:GetObject', 'reportsX/a')).toBe(false);
    expect(mayTouchDocument(access, 's3:GetObject', 'memoranda/a')).toBe(false);
    expect(mayTouchDocument({}, 's3:GetObject', 'reports/a')).toBe(false);
  });
});
