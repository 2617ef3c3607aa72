import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionAccess } from '../../functions/core/access.js';
import { ensureLocalDigestKey } from '../../functions/memoranda/digest-signer.js';
import { evidencePrefix } from '../../functions/reports/document-keys.js';
import { startApiServer } from '../../infra/local/api-server.js';
import { localCredentials, startContainer, type Container, type LocalResources } from '../../infra/local/containers.js';
import type { RunningService } from '../../infra/local/dynamodb.js';
import { apiResource, webClientId } from '../../infra/local/oidc.js';
import { freePort } from '../../infra/local/ports.js';
import { call, demoUser, stack, tokenOf } from '../support/api.js';
import { postToS3, samplePdf } from '../support/memoranda.js';
import { createActivity, createProgramme } from '../support/programmes.js';

/**
 * The local stack holds each function to its module's declaration, as IAM does
 * on AWS: its own access key, the table actions and S3 key prefixes it declared,
 * nothing else. A handler reaching past its declaration fails here, not first on AWS.
 */
const region = 'eu-central-1';
const tableOf = (name: string) =>
  DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack().dynamodbEndpoint, region, credentials: localCredentials(name) }));
const documentsOf = (name: string) =>
  new S3Client({ endpoint: stack().s3Endpoint, region, forcePathStyle: true, credentials: localCredentials(name), requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
const refusal = (promise: Promise<unknown>) => promise.then(() => 'allowed', (error: Error) => error.name);
const anyKey = { PK: 'ORG#00000000000000000000000000', SK: 'PROFILE' };

describe('the table, as each function may use it', () => {
  it('answers AccessDeniedException for an action or a principal the declaration does not allow', async () => {
    const table = stack().tableName;
    expect(await refusal(tableOf('obligations').send(new GetCommand({ TableName: table, Key: anyKey })))).toBe('allowed');
    expect(await refusal(tableOf('obligations').send(new PutCommand({ TableName: table, Item: { ...anyKey, entity: 'probe' } })))).toBe('AccessDeniedException');
    expect(await refusal(tableOf('organisations').send(new ScanCommand({ TableName: table, Limit: 1 })))).toBe('AccessDeniedException');
    expect(await refusal(tableOf('openapi').send(new GetCommand({ TableName: table, Key: anyKey })))).toBe('AccessDeniedException');
    expect(await refusal(tableOf('organisations').send(new GetCommand({ TableName: 'another-table', Key: anyKey })))).toBe('AccessDeniedException');
    expect(await refusal(tableOf('stranger').send(new GetCommand({ TableName: table, Key: anyKey })))).toBe('AccessDeniedException');
  });
});

describe('the render queue, as each function may use it', () => {
  it('takes jobs from the exports module only, and no other action from it', async () => {
    const queueOf = (name: string) => new SQSClient({ region, credentials: localCredentials(name), endpoint: new URL(stack().renderQueueUrl).origin });
    const job = JSON.stringify({ kind: 'export', programmeId: '00000000000000000000000000', jobId: '0'.repeat(32) });
    expect(await refusal(queueOf('exports').send(new SendMessageCommand({ QueueUrl: stack().renderQueueUrl, MessageBody: job })))).toBe('allowed');
    expect(await refusal(queueOf('programmes').send(new SendMessageCommand({ QueueUrl: stack().renderQueueUrl, MessageBody: job })))).toBe('AccessDenied');
    expect(await refusal(queueOf('renderer').send(new SendMessageCommand({ QueueUrl: stack().renderQueueUrl, MessageBody: job })))).toBe('AccessDenied');
    expect(await refusal(queueOf('exports').send(new ReceiveMessageCommand({ QueueUrl: stack().renderDeadLetterUrl })))).toBe('AccessDenied');
  });
});

describe('the documents bucket, as each function may use it', () => {
  const put = (name: string, key: string) => refusal(documentsOf(name).send(new PutObjectCommand({ Bucket: stack().bucket, Key: key, Body: 'probe', ContentType: 'text/plain' })));
  const get = (name: string, key: string) => refusal(documentsOf(name).send(new GetObjectCommand({ Bucket: stack().bucket, Key: key })));

  it('allows object actions under the declared prefixes only', async () => {
    expect(await put('reports', `${evidencePrefix}probe/${crypto.randomUUID()}`)).toBe('allowed');
    expect(await put('reports', `memoranda/probe/${crypto.randomUUID()}`)).toBe('AccessDenied');
    expect(await put('programmes', `programmes/probe/${crypto.randomUUID()}`)).toBe('allowed');
    expect(await get('programmes', `${evidencePrefix}probe`)).toBe('AccessDenied');
    // The signing function reads the audit digests (a missing one is NoSuchKey, past IAM) but never writes them.
    expect(await get('signing', 'audit-digests/none.json')).toBe('NoSuchKey');
    expect(await put('signing', 'audit-digests/forged.json')).toBe('AccessDenied');
    expect(await put('obligations', `${evidencePrefix}probe`)).toBe('AccessDenied');
  });

  it('asks for the retention grant to write under Object Lock', async () => {
    const locked = (name: string, key: string) => refusal(documentsOf(name).send(new PutObjectCommand({
      Bucket: stack().bucket, Key: key, Body: 'probe', ContentType: 'text/plain', ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date(Date.now() + 86_400_000),
    })));
    expect(await locked('signing', `memoranda/probe/${crypto.randomUUID()}`)).toBe('allowed');
    expect(await locked('reports', `${evidencePrefix}probe/${crypto.randomUUID()}`)).toBe('AccessDenied');
    expect(await put('stranger', `${evidencePrefix}probe`)).toBe('AccessDenied');
  });

  it('holds a presigned link to its signer\'s prefixes, as S3 does', async () => {
    const key = `memoranda/probe/${crypto.randomUUID()}`;
    expect(await put('signing', key)).toBe('allowed');
    const bySigning = await getSignedUrl(documentsOf('signing'), new GetObjectCommand({ Bucket: stack().bucket, Key: key }), { expiresIn: 60 });
    const byReports = await getSignedUrl(documentsOf('reports'), new GetObjectCommand({ Bucket: stack().bucket, Key: key }), { expiresIn: 60 });
    expect((await fetch(bySigning)).status).toBe(200);
    expect((await fetch(byReports)).status).toBe(403);
  });
});

describe('a handler that uses what its module did not declare', () => {
  // The programmes handler deployed with two wrong declarations, each behind an API of its own.
  const running: (Container | RunningService)[] = [];
  const apiWith = async (name: string, access: FunctionAccess) => {
    const local: LocalResources = {
      webUrl: stack().webOrigin, tableName: stack().tableName, dynamodbEndpoint: stack().dynamodbEndpoint, bucket: stack().bucket, s3Endpoint: stack().s3Endpoint,
      accountsFile: stack().accountsFile, outboxDir: stack().outboxDir, digestKeyFile: stack().digestKeyFile, digestPublicKeyFile: ensureLocalDigestKey(stack().digestKeyFile),
    };
    const container = await startContainer({ name, entry: 'programmes/handler.ts', access }, local);
    running.push(container);
    const api = await startApiServer({ port: await freePort(), authorizer: { issuer: stack().issuer, audiences: [webClientId, apiResource] }, functions: new Map([['programmes', container]]) });
    running.push(api);
    return api.url;
  };
  let withoutDocuments = '';
  let withOtherPrefix = '';
  beforeAll(async () => {
    withoutDocuments = await apiWith('programmes', { table: 'readwrite' });
    // Signing as the reports function: the bucket is named, but only the evidence prefix is granted.
    withOtherPrefix = await apiWith('reports', { table: 'readwrite', documents: { readwrite: [evidencePrefix] } });
  });
  afterAll(async () => {
    for (const service of running.reverse()) await service.stop();
  });

  const requestUpload = (apiUrl: string, base: string) =>
    fetch(`${apiUrl}${base}/materials/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenOf(demoUser('coordinator'))}`, 'content-type': 'application/json' },
      body: JSON.stringify({ filename: 'programme.pdf', contentType: 'application/pdf', size: samplePdf.byteLength }),
    });

  it('fails with the 500 an AWS deployment would answer, while the declared function serves the same request', async () => {
    const programme = await createProgramme();
    const { base } = await createActivity(programme.id);

    const missing = await requestUpload(withoutDocuments, base);
    expect([missing.status, missing.headers.get('content-type')?.split(';')[0]]).toEqual([500, 'application/problem+json']);

    const form = (await (await requestUpload(withOtherPrefix, base)).json()) as { url: string; fields: Record<string, string> };
    await expect(postToS3(form, { bytes: samplePdf, storedType: 'application/pdf', filename: 'programme.pdf' })).rejects.toThrow(/S3 upload failed: 403 .*AccessDenied/);

    const declared = await call('POST', `${base}/materials/uploads`, { as: demoUser('coordinator'), body: { filename: 'programme.pdf', contentType: 'application/pdf', size: samplePdf.byteLength } });
    expect(declared.status).toBe(200);
  });
});
