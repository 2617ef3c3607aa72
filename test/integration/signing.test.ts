import { createHash } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createS3Client } from '../../functions/files/document-store.js';
import { demoOrganisations } from '../../infra/local/seed.js';
import { call, demoUser, stack, table } from '../support/api.js';
import { activateDueMemoranda } from '../../functions/jobs/daily.js';
import { memorandumRepository } from '../../functions/memoranda/repository.js';
import { invitationOf, ownPassword, signInWith } from '../support/users.js';
import { caseContent, createApprovedMemorandum, createCaseMemorandum, samplePdf, uploadSignedFile, withDocument } from '../support/memoranda.js';
import { addDays, today } from '../../functions/core/calendar.js';

const coordinator = demoUser('coordinator');
const council = demoUser('council');

interface Memorandum {
  id: string;
  status: string;
  version: number;
  signedBy: string[];
  signatures: { orgId: string; fullName: string; documentHash: string; sourceIp: string }[];
  documents: { final?: { sha256: string; key: string }; certificate?: { sha256: string; key: string } };
}
interface Problem {
  code: string;
  errors?: { path: string }[];
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const signBody = (memorandum: Memorandum, fullName: string) => ({ fullName, position: 'Посада', documentHash: memorandum.documents.final?.sha256 ?? '', confirm: true });

const sign = (memorandum: Memorandum, as: typeof coordinator, fullName: string) =>
  call<Memorandum>('POST', `/api/memoranda/${memorandum.id}/sign`, { as, body: signBody(memorandum, fullName), headers: ifMatch(memorandum.version) });

const download = async (memorandumId: string, kind: 'final' | 'certificate') => {
  const link = await call<{ url: string; sha256: string; filename: string }>('GET', `/api/memoranda/${memorandumId}/documents/${kind}`, { as: council });
  return { link, bytes: link.status === 200 ? new Uint8Array(await (await fetch(link.body.url)).arrayBuffer()) : new Uint8Array() };
};

describe('signing', () => {
  it('renders the final PDF on the last approval and serves it with its SHA-256', async () => {
    const approved = (await createApprovedMemorandum()) as Memorandum;
    expect(approved.status).toBe('approved');
    const { link, bytes } = await download(approved.id, 'final');
    expect(link.status).toBe(200);
    expect(link.body.filename).toBe(`pakt-${approved.id}-final.pdf`);
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(approved.documents.final?.sha256);
  });

  it('seals the memorandum with the last signature: certificate stored, obligations tracked, in force from its start date, all in the audit trail', async () => {
    const approved = (await createApprovedMemorandum()) as Memorandum;
    const first = await sign(approved, council, 'Ігор Петренко');
    expect(first.body).toMatchObject({ status: 'approved', signedBy: [council.orgId] });
    expect(first.body.documents.certificate).toBeUndefined();
    const last = await sign(first.body, coordinator, 'Олена Коваль');
    expect(last.body.status).toBe('active');
    expect(last.body.signatures.map((signature) => signature.fullName)).toEqual(['Ігор Петренко', 'Олена Коваль']);
    expect(last.body.signatures[0]?.documentHash).toBe(approved.documents.final?.sha256);
    // The renderer makes the certificate off the request path; until it is stored, asking for it says so.
    expect(last.body.documents.certificate).toBeUndefined();
    const sealed = await withDocument<Memorandum>(approved.id, 'certificate');
    expect(sealed.documents.certificate?.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(sealed.version).toBe(last.body.version + 1);

    const { link } = await download(approved.id, 'certificate');
    expect(link.status).toBe(200);

    const { client, table: tableName } = table();
    // The council's five, in the memorandum's partition (the council's list across memoranda is shared by every test and pages).
    const tracked = await client.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :obl)', ExpressionAttributeValues: { ':pk': `MOU#${approved.id}`, ':obl': 'OBL#' } }));
    expect((tracked.Items ?? []).filter((item) => item.ownerOrgId === demoOrganisations.molochanskCouncil && typeof item.GSI1PK === 'string' && item.GSI1PK === `ORG#${demoOrganisations.molochanskCouncil}#OBL`)).toHaveLength(5);

    const verified = await call<{ valid: boolean; events: number }>('GET', `/api/memoranda/${approved.id}/audit/verify`, { as: coordinator });
    expect(verified.body).toMatchObject({ valid: true, events: 7 });
    const view = await call<{ events: { action: string; actor: { userId: string } }[] }>('GET', `/api/memoranda/${approved.id}`, { as: council });
    expect(view.body.events.slice(-2).map((event) => [event.action, event.actor.userId])).toEqual([['signed_by_all', coordinator.id], ['activated', 'system']]);
    const again = await call<Problem>('PUT', `/api/memoranda/${approved.id}/draft`, { as: coordinator, body: { content: caseContent() }, headers: ifMatch(sealed.version) });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_transition');
  });

  it('records the viewer\'s address passed on through the web distribution, and refuses a request without its secret', async () => {
    const approved = (await createApprovedMemorandum()) as Memorandum;
    const viaEdge = { 'x-pakt-edge': stack().edgeSecret, 'x-pakt-viewer-address': '203.0.113.44' };
    const spoofed = { 'x-pakt-edge': 'not-the-secret', 'x-pakt-viewer-address': '198.51.100.99' };
    const first = await call<Memorandum>('POST', `/api/memoranda/${approved.id}/sign`, { as: council, body: signBody(approved, 'Ігор Петренко'), headers: { ...ifMatch(approved.version), ...viaEdge } });
    const refused = await call<Problem>('POST', `/api/memoranda/${approved.id}/sign`, { as: coordinator, body: signBody(approved, 'Олена Коваль'), headers: { ...ifMatch(first.body.version), ...spoofed } });
    expect([refused.status, refused.body.code]).toEqual([403, 'edge_required']);
    const second = await call<Memorandum>('POST', `/api/memoranda/${approved.id}/sign`, { as: coordinator, body: signBody(approved, 'Олена Коваль'), headers: ifMatch(first.body.version) });
    expect(second.body.signatures.map((signature) => signature.sourceIp)).toEqual(['203.0.113.44', '127.0.0.1']);
  });

  it('refuses a council officer who is not the named signatory', async () => {
    const colleague = await call<{ id: string; email: string }>('POST', `/api/organisations/${council.orgId}/users`, { as: demoUser('admin'), body: { name: 'Друга посадовиця', email: `second.${crypto.randomUUID().slice(0, 8)}@example.org`, role: 'council' } });
    const tokens = await signInWith(colleague.body.email, (await invitationOf(colleague.body.id)).temporaryPassword, { newPassword: ownPassword });
    const approved = (await createApprovedMemorandum()) as Memorandum;
    const response = await call<Problem>('POST', `/api/memoranda/${approved.id}/sign`, { token: tokens.accessToken, body: signBody(approved, 'Друга посадовиця'), headers: ifMatch(approved.version) });
    expect(response.status).toBe(403);
    expect((await call<{ memorandum: Memorandum }>('GET', `/api/memoranda/${approved.id}`, { as: council })).body.memorandum.signedBy).toEqual([]);
  });

  it('refuses a signature over a document hash other than the one on record', async () => {
    const approved = (await createApprovedMemorandum()) as Memorandum;
    const response = await call<Problem>('POST', `/api/memoranda/${approved.id}/sign`, { as: council, body: { ...signBody(approved, 'Ігор Петренко'), documentHash: 'f'.repeat(64) }, headers: ifMatch(approved.version) });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('document_mismatch');
  });

  it('lets only a party\'s named signatory sign, once, and only after approval', async () => {
    const inReview = (await createCaseMemorandum({ submit: true })) as Memorandum;
    const early = await call<Problem>('POST', `/api/memoranda/${inReview.id}/sign`, { as: council, body: { fullName: 'Ігор Петренко', position: 'Секретар', documentHash: 'a'.repeat(64), confirm: true }, headers: ifMatch(inReview.version) });
    expect(early.status).toBe(409);
    const approved = (await createApprovedMemorandum()) as Memorandum;
    const signed = await sign(approved, council, 'Ігор Петренко');
    const twice = await sign(signed.body, council, 'Ігор Петренко');
    expect(twice.status).toBe(409);
    expect((twice.body as unknown as Problem).code).toBe('already_done');
    const notConfirmed = await call<Problem>('POST', `/api/memoranda/${approved.id}/sign`, { as: coordinator, body: { ...signBody(approved, 'Олена Коваль'), confirm: false }, headers: ifMatch(signed.body.version) });
    expect(notConfirmed.body.errors?.map((error) => error.path)).toEqual(['body.confirm']);
  });

  it('refuses to serve a stored PDF whose bytes no longer match its SHA-256', async () => {
    const approved = (await createApprovedMemorandum()) as Memorandum;
    const s3 = createS3Client(stack().s3Endpoint);
    await s3.send(new PutObjectCommand({ Bucket: stack().bucket, Key: approved.documents.final?.key ?? '', Body: new TextEncoder().encode('%PDF-1.7 forged'), ContentType: 'application/pdf' }));
    const response = await call<Problem>('GET', `/api/memoranda/${approved.id}/documents/final`, { as: coordinator });
    expect(response.status).toBe(500);
    expect(response.body.code).toBe('integrity_failure');
  });
});

describe('a storage fault while the renderer makes the final PDF', () => {
  afterEach(() => vi.restoreAllMocks());

  /** The signing and renderer functions in this process, their render queue unreachable: this test delivers the job itself. */
  const inProcess = async () => {
    Object.assign(process.env, {
      TABLE_NAME: stack().tableName, DYNAMODB_ENDPOINT: stack().dynamodbEndpoint, S3_ENDPOINT: stack().s3Endpoint, DOCUMENTS_BUCKET: stack().bucket, LOCAL_ACCOUNTS_FILE: stack().accountsFile,
      RENDER_QUEUE_URL: 'http://127.0.0.1:9/000000000000/unreachable', LOG_LEVEL: 'SILENT',
    });
    process.env.AWS_REGION ??= 'eu-central-1';
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
    const signing = ((await import('../../functions/signing/handler.js')) as { handler: (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2> }).handler;
    const renderer = ((await import('../../functions/renderer/handler.js')) as { handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> }).handler;
    return { signing, renderer };
  };

  const approveEvent = (memorandumId: string, version: number): APIGatewayProxyEventV2WithJWTAuthorizer =>
    ({
      version: '2.0', routeKey: 'POST /api/memoranda/{memorandumId}/approve', rawPath: `/api/memoranda/${memorandumId}/approve`, rawQueryString: '',
      headers: { 'if-match': `"${version}"` }, pathParameters: { memorandumId }, isBase64Encoded: false,
      requestContext: {
        accountId: '0', apiId: 'test', domainName: 'test', domainPrefix: 'test', requestId: 'fault', routeKey: 'POST /api/memoranda/{memorandumId}/approve', stage: '$default', time: '', timeEpoch: 0,
        http: { method: 'POST', path: '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
        authorizer: { principalId: '', integrationLatency: 0, jwt: { scopes: ['pakt/api'], claims: { sub: coordinator.id, 'custom:orgId': coordinator.orgId, 'cognito:groups': '[coordinator]' } } },
      },
    }) as APIGatewayProxyEventV2WithJWTAuthorizer;
  const finalTextJob = (memorandumId: string, receive: number): SQSEvent => ({
    Records: [{
      messageId: `final-${receive}`, receiptHandle: 'r', body: JSON.stringify({ kind: 'memorandum-document', memorandumId, document: 'final' }), md5OfBody: '', messageAttributes: {},
      attributes: { ApproximateReceiveCount: String(receive), SentTimestamp: '0', SenderId: 'test', ApproximateFirstReceiveTimestamp: '0' }, eventSource: 'aws:sqs', eventSourceARN: 'arn', awsRegion: 'eu-central-1',
    }],
  });

  it('keeps the approval, refuses signing until the text is stored (409), and the retried job stores it', async () => {
    const inReview = await createCaseMemorandum({ submit: true });
    const byCouncil = await call<Memorandum>('POST', `/api/memoranda/${inReview.id}/approve`, { as: council, headers: ifMatch(inReview.version) });
    const { signing, renderer } = await inProcess();
    const context = { awsRequestId: 'fault', functionName: 'pakt-renderer', getRemainingTimeInMillis: () => 60_000 } as Context;
    // The queue cannot be reached: the approval stands all the same.
    const approved = await signing(approveEvent(inReview.id, byCouncil.body.version), context);
    expect(approved.statusCode).toBe(200);
    expect(JSON.parse(approved.body ?? '{}')).toMatchObject({ status: 'approved' });

    const realSend = S3Client.prototype.send as (this: S3Client, command: unknown) => Promise<unknown>;
    vi.spyOn(S3Client.prototype, 'send').mockImplementation(function (this: S3Client, command: unknown) {
      if (command instanceof PutObjectCommand) return Promise.reject(new Error('S3 is down'));
      return realSend.call(this, command);
    } as S3Client['send']);
    const failed = await renderer(finalTextJob(inReview.id, 1), context);
    expect(failed.batchItemFailures).toEqual([{ itemIdentifier: 'final-1' }]);
    const waiting = await call<{ memorandum: Memorandum }>('GET', `/api/memoranda/${inReview.id}`, { as: coordinator });
    expect(waiting.body.memorandum.documents.final).toBeUndefined();
    const early = await call<Problem>('POST', `/api/memoranda/${inReview.id}/sign`, { as: council, body: { ...signBody(waiting.body.memorandum, 'Ігор Петренко'), documentHash: '0'.repeat(64) }, headers: ifMatch(waiting.body.memorandum.version) });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('document_pending');
    expect((await call<Problem>('GET', `/api/memoranda/${inReview.id}/documents/final`, { as: council })).body.code).toBe('document_pending');

    vi.restoreAllMocks();
    expect((await renderer(finalTextJob(inReview.id, 2), context)).batchItemFailures).toEqual([]);
    const ready = await withDocument<Memorandum>(inReview.id, 'final');
    expect(ready.version).toBe(waiting.body.memorandum.version + 1);
    // A second delivery of the same job leaves it as it is.
    expect((await renderer(finalTextJob(inReview.id, 3), context)).batchItemFailures).toEqual([]);
    expect((await withDocument<Memorandum>(inReview.id, 'final')).documents.final).toEqual(ready.documents.final);
    expect((await sign(ready, council, 'Ігор Петренко')).status).toBe(200);
  });
});

describe('memoranda whose term starts later', () => {
  it('stay signed until the daily job brings them into force on their start date, once', async () => {
    // Dates in Kyiv, as the API decides coming into force.
    const tomorrow = addDays(today(), 1);
    const content = caseContent();
    content.term.start = tomorrow;
    const created = await call<Memorandum>('POST', '/api/memoranda', { as: coordinator, body: { content } });
    const submitted = await call<Memorandum>('POST', `/api/memoranda/${created.body.id}/submit`, { as: coordinator, headers: ifMatch(created.body.version) });
    const byCouncil = await call<Memorandum>('POST', `/api/memoranda/${created.body.id}/approve`, { as: council, headers: ifMatch(submitted.body.version) });
    await call<Memorandum>('POST', `/api/memoranda/${created.body.id}/approve`, { as: coordinator, headers: ifMatch(byCouncil.body.version) });
    const first = await sign(await withDocument<Memorandum>(created.body.id, 'final'), council, 'Ігор Петренко');
    const signed = await sign(first.body, coordinator, 'Олена Коваль');
    expect(signed.body.status).toBe('signed');
    await withDocument(created.body.id, 'certificate');

    const repository = memorandumRepository({ table: stack().tableName, client: table().client });
    expect((await activateDueMemoranda(repository, today())).activated).not.toContain(created.body.id);
    const onStart = await activateDueMemoranda(repository, tomorrow);
    expect(onStart.activated).toContain(created.body.id);
    expect((await activateDueMemoranda(repository, tomorrow)).activated).not.toContain(created.body.id);

    const view = await call<{ memorandum: Memorandum; events: { action: string }[] }>('GET', `/api/memoranda/${created.body.id}`, { as: council });
    expect(view.body.memorandum.status).toBe('active');
    expect(view.body.events.filter((event) => event.action === 'activated')).toHaveLength(1);
  });
});

describe('externally signed files', () => {
  it('are stored after the API checks them, shown as "not verified", and chained into the audit trail', async () => {
    const approved = await createApprovedMemorandum();
    const attached = await (await uploadSignedFile(approved.id, council)).confirm();
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ verification: 'not_verified', sha256: createHash('sha256').update(samplePdf).digest('hex') });
    const view = await call<{ attachments: { id: string; orgId: string }[]; events: { action: string }[] }>('GET', `/api/memoranda/${approved.id}`, { as: coordinator });
    expect(view.body.attachments).toEqual([expect.objectContaining({ id: attached.body.id, orgId: council.orgId })]);
    expect(view.body.events.at(-1)?.action).toBe('attached');
    const link = await call<{ url: string }>('GET', `/api/memoranda/${approved.id}/attachments/${attached.body.id}`, { as: coordinator });
    expect(new Uint8Array(await (await fetch(link.body.url)).arrayBuffer())).toEqual(samplePdf);
    expect((await call<{ valid: boolean }>('GET', `/api/memoranda/${approved.id}/audit/verify`, { as: council })).body.valid).toBe(true);
  });

  it.each([
    ['whose bytes do not match the declared type', { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), contentType: 'application/pdf' }, 'body.contentType'],
    ['stored with another content type than declared', { bytes: samplePdf, contentType: 'application/zip', declared: 'application/pdf' }, 'body.contentType'],
    ['over the size limit (declared small)', { bytes: new Uint8Array([...samplePdf, ...new Uint8Array(20 * 1024 * 1024)]), contentType: 'application/pdf', declaredSize: 1000 }, 'body.uploadId'],
  ])('refuses a file %s, deletes it and records nothing', async (_case, file, path) => {
    const approved = await createApprovedMemorandum();
    const { uploadId, confirm } = await uploadSignedFile(approved.id, council, file);
    const refused = await confirm();
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as Problem).errors?.[0]?.path).toBe(path);
    const s3 = createS3Client(stack().s3Endpoint);
    await expect(s3.send(new HeadObjectCommand({ Bucket: stack().bucket, Key: `memoranda/${approved.id}/attachments/${council.orgId}/${uploadId}` }))).rejects.toThrow();
    const view = await call<{ memorandum: Memorandum; attachments: unknown[] }>('GET', `/api/memoranda/${approved.id}`, { as: council });
    expect(view.body.attachments).toEqual([]);
    expect(view.body.memorandum.version).toBe(approved.version);
  });

  it('can only come from a party\'s named signatory once the final text exists', async () => {
    const inReview = await createCaseMemorandum({ submit: true });
    const early = await call<Problem>('POST', `/api/memoranda/${inReview.id}/attachments/uploads`, { as: council, body: { filename: 'a.pdf', contentType: 'application/pdf', size: 10 } });
    expect(early.status).toBe(409);
    const approved = await createApprovedMemorandum();
    const byOther = await call<Problem>('POST', `/api/memoranda/${approved.id}/attachments/uploads`, { as: 'resource.center@pakt.local', body: { filename: 'a.pdf', contentType: 'application/pdf', size: 10 } });
    expect(byOther.status).toBe(404);
  });
});
