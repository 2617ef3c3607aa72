import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routes, type AppRoute } from '../../functions/routes.js';
import { demoOrganisations } from '../../infra/local/seed.js';
import { call, demoUser, table } from '../support/api.js';

/**
 * Property: whatever malformed path, query, body or header a client sends to any
 * route, the answer is a 4xx problem+json (never a 5xx) and nothing is written.
 * Each generated request carries at least one defect that the contract forbids.
 */
const ulidPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const admin = demoUser('admin');

const snapshotTable = async (): Promise<string> => {
  const { client, table: name } = table();
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: name, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const sorted = items.map((item) => JSON.stringify(item, Object.keys(item).sort())).sort();
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
};

type Defect =
  | { kind: 'path'; value: string }
  | { kind: 'query'; name: string; value: string }
  | { kind: 'body'; value: unknown }
  | { kind: 'rawBody'; value: string }
  | { kind: 'ifMatch'; value: string }
  | { kind: 'idempotencyKey'; value: string }
  | { kind: 'contentType'; value: string };

const badPathValue = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('..', '%2e%2e', ' ', 'ORG#1', "' OR 1=1 --", 'x'.repeat(300)), fc.string({ unit: 'binary', maxLength: 30 }))
  .filter((value) => value.length > 0 && !ulidPattern.test(value) && !/^[0-9A-Za-z-]{10,64}$/.test(value) && !value.includes('/') && !value.includes('?') && !value.includes('#'));

const nonObjectJson = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string(), fc.array(fc.jsonValue(), { maxLength: 4 }));
const objectWithUnknownField = fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }).map((object) => ({ ...object, ['__fuzz_unknown']: true }));

const defectsFor = (route: AppRoute): fc.Arbitrary<Defect>[] => [
  ...(route.path.includes('{') ? [badPathValue.map((value): Defect => ({ kind: 'path', value }))] : []),
  fc.record({ name: fc.string({ minLength: 1, maxLength: 12 }).filter((name) => !['limit', 'cursor'].includes(name)), value: fc.string({ maxLength: 20 }) }).map((q): Defect => ({ kind: 'query', ...q })),
  ...('body' in route
    ? [
        fc.oneof(nonObjectJson, objectWithUnknownField).map((value): Defect => ({ kind: 'body', value })),
        fc.oneof(fc.constantFrom('{', '{"a":', 'nul', '[1,]', '{"name": undefined}'), fc.string({ minLength: 1, maxLength: 30 }).filter((text) => { try { JSON.parse(text); return false; } catch { return true; } })).map((value): Defect => ({ kind: 'rawBody', value })),
        fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data').map((value): Defect => ({ kind: 'contentType', value })),
      ]
    : route.method === 'GET' ? [] : [fc.jsonValue().map((value): Defect => ({ kind: 'rawBody', value: JSON.stringify(value) ?? 'null' }))]),
  ...('requiresIfMatch' in route ? [fc.string({ maxLength: 20 }).filter((value) => !/^\s*(W\/)?"?\d{1,12}"?\s*$/.test(value) && value.trim() !== '' && !/[\r\n\0]/.test(value)).map((value): Defect => ({ kind: 'ifMatch', value }))] : []),
  ...('idempotent' in route ? [fc.oneof(fc.string({ maxLength: 7 }), fc.constantFrom('has spaces in it', 'ключ-ідемпотентності', 'x'.repeat(129))).filter((value) => value !== '' && !/[\r\n\0]/.test(value) && /^[\x20-\x7e]*$/.test(value) || value.startsWith('ключ')).map((value): Defect => ({ kind: 'idempotencyKey', value }))] : []),
];

const validParams: Record<string, string> = { orgId: demoOrganisations.relativesNgo, userId: demoUser('council').id, memorandumId: '01J00000000000000000000999', reportId: '2026-01-15_2026-03-31_01J00000000000000000000002', evidenceId: '01J00000000000000000000998', programmeId: '01J00000000000000000000997', activityId: '01J00000000000000000000996', tallyId: '2026-03_legal_in_person', indicatorId: 'trained', period: '2026-Q1', file: 'indicators.csv', token: 'not-the-secret-of-this-calendar', memberId: '01J00000000000000000000995', caseId: '01J00000000000000000000994', month: '2026-03', lineId: 'training' };

const send = async (route: AppRoute, defect: Defect) => {
  let path = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => (defect.kind === 'path' ? encodeURIComponent(defect.value) : validParams[name] ?? ''));
  if (defect.kind === 'query') path += `?${new URLSearchParams({ [defect.name]: defect.value }).toString()}`;
  const headers: Record<string, string> = {};
  if ('requiresIfMatch' in route) headers['if-match'] = defect.kind === 'ifMatch' ? defect.value : '"1"';
  if (defect.kind === 'idempotencyKey') headers['idempotency-key'] = encodeURIComponent(defect.value) === defect.value ? defect.value : encodeURIComponent(defect.value) + ' !';
  if (defect.kind === 'contentType') headers['content-type'] = defect.value;
  const body = defect.kind === 'body' ? { body: defect.value } : defect.kind === 'rawBody' ? { rawBody: defect.value } : defect.kind === 'contentType' ? { rawBody: '{}' } : 'body' in route ? { body: {} } : {};
  return call(route.method, path, { as: admin, headers, ...body });
};

describe('bad-input fuzz', () => {
  const fuzzed = routes.filter((route) => route.access !== 'public');

  it.each(fuzzed.map((route) => ({ route, name: `${route.method} ${route.path}` })))('$name answers malformed requests with a 4xx problem and writes nothing', async ({ route }) => {
    const before = await snapshotTable();
    await fc.assert(
      fc.asyncProperty(fc.oneof(...defectsFor(route)), async (defect) => {
        const response = await send(route, defect);
        const described = `${response.status} for ${JSON.stringify(defect)}`;
        expect(response.status, described).toBeGreaterThanOrEqual(400);
        expect(response.status, described).toBeLessThan(500);
        expect(response.headers.get('content-type'), described).toContain('application/problem+json');
      }),
      { numRuns: 40 },
    );
    expect(await snapshotTable()).toBe(before);
  });
});
