import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, demoUser, stack, table, throughEdge, tokenOf, uniqueKey } from '../support/api.js';
import { pdfText } from '../support/pdf.js';
import { activist, caseRecord, createActivity, createProgramme, exported } from '../support/programmes.js';

/**
 * Canary: personal data planted in the network and the case records, under
 * unique markers, must appear in no funder response, export, error body,
 * idempotency record or log line.
 */
const coordinator = demoUser('coordinator');
const funder = demoUser('funder');
const marker = `CANARY${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
const caseCode = `Z-${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
const leaks = (text: string) => text.includes(marker) || text.includes(caseCode);

const raw = async (path: string, as: ReturnType<typeof demoUser>) => {
  const response = await fetch(`${stack().apiUrl}${path}`, { headers: { authorization: `Bearer ${tokenOf(as)}`, ...throughEdge() } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if ((response.headers.get('content-type') ?? '').includes('pdf')) {
    return { status: response.status, text: pdfText(bytes) };
  }
  return { status: response.status, text: new TextDecoder().decode(bytes) };
};

const plantPersonalData = async () => {
  const programme = await createProgramme();
  const base = `/api/programmes/${programme.id}`;
  const { activity, base: activityPath } = await createActivity(programme.id, { status: 'held', attended: { total: 12 } });
  const memberIds: string[] = [];
  for (let index = 0; index < 6; index += 1) {
    const added = await call<{ id: string }>('POST', `${base}/network`, {
      as: coordinator, headers: { 'idempotency-key': uniqueKey() },
      body: activist({ name: `${marker} Активістка ${index}`, city: `${marker}-city`, contact: `${marker}@example.org` }),
    });
    expect(added.status).toBe(201);
    expect(JSON.stringify(added.body)).not.toContain(marker);
    memberIds.push(added.body.id);
  }
  const linked = await call('PUT', `${activityPath}/participants`, { as: coordinator, body: { changes: memberIds.map((memberId) => ({ memberId, status: 'attended' })) }, headers: { 'if-match': `"${activity.version}"` } });
  expect(linked.status).toBe(200);
  expect(JSON.stringify(linked.body)).not.toContain(marker);
  const opened = await call('POST', `${base}/cases`, { as: coordinator, headers: { 'idempotency-key': uniqueKey() }, body: caseRecord({ pseudonym: caseCode }) });
  expect(opened.status).toBe(201);
  expect(JSON.stringify(opened.body)).not.toContain(caseCode);
  return { programme, base };
};

describe('canary: personal data stays with the implementing NGO', () => {
  afterEach(() => vi.restoreAllMocks());

  it('appears in no funder response, export or error body, and in no idempotency record', async () => {
    const { base } = await plantPersonalData();
    // The coordinators who keep them do see them.
    expect(leaks((await raw(`${base}/network`, coordinator)).text)).toBe(true);
    expect(leaks((await raw(`${base}/cases`, coordinator)).text)).toBe(true);

    const funderReads = ['/api/programmes?limit=100', base, `${base}/dashboard`];
    for (const path of funderReads) {
      const response = await raw(path, funder);
      expect(response.status, path).toBe(200);
      expect(leaks(response.text), path).toBe(false);
    }
    for (const kind of ['indicators.csv', 'activities.csv', 'assistance.csv', 'iati.xml', 'report.pdf']) {
      const file = await exported(base, kind, funder);
      expect(leaks(file.text), kind).toBe(false);
      expect(leaks(JSON.stringify(file.job)), kind).toBe(false);
    }
    const dashboard = JSON.parse((await raw(`${base}/dashboard`, funder)).text) as { network: { byCountry: { country: string; activists: unknown }[] } };
    expect(dashboard.network.byCountry).toEqual([{ country: 'DE', activists: { value: 6 }, organisations: { value: 0 }, attended: { value: 6 } }]);

    for (const path of [`${base}/network`, `${base}/cases`, `${base}/activities`, `${base}/tallies`]) {
      const probe = await raw(path, funder);
      expect(probe.status, path).toBe(403);
      expect(leaks(probe.text), path).toBe(false);
    }
    // A refused write names the field, never the value.
    const refused = await call('POST', `${base}/cases`, { as: coordinator, body: caseRecord({ pseudonym: `${marker} Олена` }) });
    expect(refused.status).toBe(400);
    expect(leaks(JSON.stringify(refused.body))).toBe(false);

    const { client, table: name } = table();
    // Every page of the shared table: a filtered Scan page may hold none of them.
    const records: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: name, FilterExpression: 'begins_with(PK, :idem)', ExpressionAttributeValues: { ':idem': 'IDEM#' }, ExclusiveStartKey: start }));
      records.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    expect(records.length).toBeGreaterThan(0);
    expect(leaks(JSON.stringify(records))).toBe(false);
  });

  it('appears in no log line, even at debug level', async () => {
    const { programme, base } = await plantPersonalData();
    Object.assign(process.env, { TABLE_NAME: stack().tableName, DYNAMODB_ENDPOINT: stack().dynamodbEndpoint, LOG_LEVEL: 'DEBUG', POWERTOOLS_LOGGER_LOG_EVENT: 'false' });
    process.env.AWS_REGION ??= 'eu-central-1';
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
    const { handler } = (await import('../../functions/programmes/handler.js')) as { handler: (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2> };
    const written: string[] = [];
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const invoke = (method: string, routePath: string, path: string, body?: unknown, as = coordinator) =>
      handler({
        version: '2.0', routeKey: `${method} ${routePath}`, rawPath: path, rawQueryString: '', isBase64Encoded: false,
        headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        pathParameters: { programmeId: programme.id },
        requestContext: {
          accountId: '0', apiId: 'test', domainName: 'test', domainPrefix: 'test', requestId: 'req-canary', routeKey: `${method} ${routePath}`, stage: '$default', time: '', timeEpoch: 0,
          http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
          authorizer: { principalId: '', integrationLatency: 0, jwt: { scopes: ['pakt/api'], claims: { sub: as.id, 'custom:orgId': as.orgId, 'cognito:groups': `[${as.role}]` } } },
        },
      } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer, { awsRequestId: 'req-canary', functionName: 'pakt-programmes', getRemainingTimeInMillis: () => 1000 } as Context);

    const added = await invoke('POST', '/api/programmes/{programmeId}/network', `${base}/network`, activist({ name: `${marker} Логи`, contact: `${marker}@example.org` }));
    const listed = await invoke('GET', '/api/programmes/{programmeId}/network', `${base}/network`);
    const refused = await invoke('POST', '/api/programmes/{programmeId}/cases', `${base}/cases`, caseRecord({ pseudonym: `${marker}` }));
    const dashboard = await invoke('GET', '/api/programmes/{programmeId}/dashboard', `${base}/dashboard`, undefined, funder);
    vi.restoreAllMocks();
    expect([added.statusCode, listed.statusCode, refused.statusCode, dashboard.statusCode]).toEqual([201, 200, 400, 200]);
    expect(leaks(listed.body ?? '')).toBe(true);
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter(leaks)).toEqual([]);
  });
});
