import { describe, expect, it } from 'vitest';
import { demoOrganisations } from '../../infra/local/seed.js';
import { call, demoUser, uniqueKey } from '../support/api.js';

const coordinator = demoUser('coordinator');
const admin = demoUser('admin');
const council = demoUser('council');

const newOrganisation = (suffix = crypto.randomUUID().slice(0, 8)) => ({
  name: { uk: `Тестова організація ${suffix}`, en: `Test organisation ${suffix}` },
  type: 'ngo',
  registrationCode: '12345678',
  contacts: { email: 'Office@Example.org', phone: '+380 44 123 4567' },
});

interface Organisation {
  id: string;
  name: { uk: string; en: string };
  version: number;
  contacts: Record<string, string>;
}
interface Page {
  items: Organisation[];
  nextCursor?: string;
}
interface Problem {
  status: number;
  code: string;
  errors?: { path: string; message: string }[];
}

describe('organisations', () => {
  it('a coordinator creates an organisation and reads it back with its ETag', async () => {
    const created = await call<Organisation>('POST', '/api/organisations', { as: coordinator, body: newOrganisation() });

    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`/api/organisations/${created.body.id}`);
    expect(created.body.contacts.email).toBe('office@example.org');
    const read = await call<Organisation>('GET', `/api/organisations/${created.body.id}`, { as: council.orgId === created.body.id ? council : coordinator });
    expect(read.body).toEqual(created.body);
  });

  it('lists the seeded organisations by name, page by page with an opaque cursor', async () => {
    const first = await call<Page>('GET', '/api/organisations?limit=2', { as: coordinator });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const second = await call<Page>('GET', `/api/organisations?limit=2&cursor=${first.body.nextCursor ?? ''}`, { as: coordinator });
    expect(second.body.items).toHaveLength(2);
    expect(second.body.items.map((item) => item.id)).not.toContain(first.body.items[0]?.id);
    const names = [...first.body.items, ...second.body.items].map((item) => item.name.uk.toLocaleLowerCase('uk'));
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('refuses a cursor that points into another list', async () => {
    const forged = Buffer.from(JSON.stringify({ PK: 'USER#x', SK: 'PROFILE', GSI1PK: 'ORG#x#USERS', GSI1SK: 'a' })).toString('base64url');
    const response = await call<Problem>('GET', `/api/organisations?cursor=${forged}`, { as: coordinator });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.path).toBe('query.cursor');
  });

  it('shows a council officer only their own organisation', async () => {
    const list = await call<Page>('GET', '/api/organisations', { as: council });
    expect(list.body.items.map((item) => item.id)).toEqual([council.orgId]);
    const other = await call<Problem>('GET', `/api/organisations/${demoOrganisations.funder}`, { as: council });
    expect(other.status).toBe(404);
  });

  it('names every bad field in one 400 and writes nothing', async () => {
    const before = await call<Page>('GET', '/api/organisations?limit=100', { as: admin });
    const response = await call<Problem>('POST', '/api/organisations', {
      as: coordinator,
      body: { name: { uk: '', en: 'x'.repeat(300) }, type: 'club', contacts: { email: 'not-an-email', website: 'ftp://x' }, status: 'active', version: 7, orgId: 'x' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors?.map((error) => error.path).sort()).toEqual(
      ['body.contacts.email', 'body.contacts.website', 'body.name.en', 'body.name.uk', 'body.orgId', 'body.status', 'body.type', 'body.version'].sort(),
    );
    const after = await call<Page>('GET', '/api/organisations?limit=100', { as: admin });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('updates with If-Match, rejects a stale version with 412 and a missing one with 428', async () => {
    const created = await call<Organisation>('POST', '/api/organisations', { as: coordinator, body: newOrganisation() });
    const path = `/api/organisations/${created.body.id}`;

    const missing = await call<Problem>('PATCH', path, { as: admin, body: { type: 'other' } });
    const updated = await call<Organisation>('PATCH', path, { as: admin, body: { type: 'other', registrationCode: null }, headers: { 'if-match': '"1"' } });
    const stale = await call<Problem>('PATCH', path, { as: admin, body: { type: 'ngo' }, headers: { 'if-match': '"1"' } });

    expect(missing.status).toBe(428);
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    expect(updated.body).toMatchObject({ type: 'other', version: 2 });
    expect(updated.body).not.toHaveProperty('registrationCode');
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('stale_version');
  });

  it('lets a coordinator edit only their own organisation', async () => {
    const own = await call('PATCH', `/api/organisations/${coordinator.orgId}`, { as: coordinator, body: { contacts: { phone: '+380 44 000 0002' } }, headers: { 'if-match': '"1"' } });
    const other = await call<Problem>('PATCH', `/api/organisations/${demoOrganisations.funder}`, { as: coordinator, body: { type: 'other' }, headers: { 'if-match': '"1"' } });
    expect([200, 412]).toContain(own.status);
    expect(other.status).toBe(403);
  });

  it('lets the coordinator whose organisation registered a partner maintain it, and no other coordinator', async () => {
    const created = await call<Organisation & { registeredByOrgId: string }>('POST', '/api/organisations', { as: coordinator, body: newOrganisation() });
    expect(created.body.registeredByOrgId).toBe(coordinator.orgId);
    const path = `/api/organisations/${created.body.id}`;
    const byRegistrar = await call('PATCH', path, { as: coordinator, body: { type: 'council' }, headers: { 'if-match': '"1"' } });
    const byOtherCoordinator = await call('PATCH', path, { as: 'resource.center@pakt.local', body: { type: 'other' }, headers: { 'if-match': '"2"' } });
    expect(byRegistrar.status).toBe(200);
    expect(byOtherCoordinator.status).toBe(403);
  });

  it('stops the registering organisation from editing a partner once the partner has a coordinator of its own', async () => {
    const created = await call<Organisation>('POST', '/api/organisations', { as: coordinator, body: newOrganisation() });
    const path = `/api/organisations/${created.body.id}`;
    const council = await call('POST', `${path}/users`, { as: admin, body: { name: 'Посадовиця ради', email: `officer.${crypto.randomUUID().slice(0, 8)}@example.org`, role: 'council' } });
    expect(council.status).toBe(201);
    expect((await call('PATCH', path, { as: coordinator, body: { type: 'council' }, headers: { 'if-match': '"1"' } })).status).toBe(200);

    const own = await call('POST', `${path}/users`, { as: admin, body: { name: 'Власна координаторка', email: `own.${crypto.randomUUID().slice(0, 8)}@example.org`, role: 'coordinator' } });
    expect(own.status).toBe(201);
    const partner = await call<Organisation & { ownCoordinatorSince?: string }>('GET', path, { as: coordinator });
    expect(partner.body).toMatchObject({ version: 3, ownCoordinatorSince: expect.any(String) });
    const refused = await call<Problem>('PATCH', path, { as: coordinator, body: { type: 'other' }, headers: { 'if-match': '"3"' } });
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    expect((await call('PATCH', path, { as: admin, body: { type: 'other' }, headers: { 'if-match': '"3"' } })).status).toBe(200);
  });

  it('applies two concurrent edits of the same version exactly once', async () => {
    const created = await call<Organisation>('POST', '/api/organisations', { as: admin, body: newOrganisation() });
    const path = `/api/organisations/${created.body.id}`;
    const results = await Promise.all(
      ['government', 'other', 'funder'].map((type) => call('PATCH', path, { as: admin, body: { type }, headers: { 'if-match': '"1"' } })),
    );
    const statuses = results.map((result) => result.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412 || status === 409)).toHaveLength(2);
    const final = await call<Organisation>('GET', path, { as: admin });
    expect(final.body.version).toBe(2);
  });

  describe('Idempotency-Key', () => {
    it('returns the first result to a retry and creates one record', async () => {
      const key = uniqueKey();
      const body = newOrganisation();
      const first = await call<Organisation>('POST', '/api/organisations', { as: coordinator, body, headers: { 'idempotency-key': key } });
      const retry = await call<Organisation>('POST', '/api/organisations', { as: coordinator, body, headers: { 'idempotency-key': key } });
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(first.body.id);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      const all = await call<Page>('GET', '/api/organisations?limit=100', { as: admin });
      expect(all.body.items.filter((item) => item.name.uk === body.name.uk)).toHaveLength(1);
    });

    it('creates one record when identical requests race', async () => {
      const key = uniqueKey();
      const body = newOrganisation();
      const results = await Promise.all([1, 2, 3].map(() => call<Organisation>('POST', '/api/organisations', { as: coordinator, body, headers: { 'idempotency-key': key } })));
      const ids = new Set(results.filter((result) => result.status === 201).map((result) => result.body.id));
      expect(ids.size).toBe(1);
      results.forEach((result) => expect([201, 409]).toContain(result.status));
      const all = await call<Page>('GET', '/api/organisations?limit=100', { as: admin });
      expect(all.body.items.filter((item) => item.name.uk === body.name.uk)).toHaveLength(1);
    });

    it('answers 422 when the key is reused with a different body', async () => {
      const key = uniqueKey();
      await call('POST', '/api/organisations', { as: coordinator, body: newOrganisation(), headers: { 'idempotency-key': key } });
      const reused = await call<Problem>('POST', '/api/organisations', { as: coordinator, body: newOrganisation(), headers: { 'idempotency-key': key } });
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('idempotency_key_reused');
    });

    it('never replays one user\'s response to another user using the same key', async () => {
      const key = uniqueKey();
      const body = newOrganisation();
      const mine = await call<Organisation>('POST', '/api/organisations', { as: coordinator, body, headers: { 'idempotency-key': key } });
      const theirs = await call<Organisation>('POST', '/api/organisations', { as: admin, body, headers: { 'idempotency-key': key } });
      expect(theirs.status).toBe(201);
      expect(theirs.headers.get('idempotent-replayed')).toBeNull();
      expect(theirs.body.id).not.toBe(mine.body.id);
    });
  });
});

describe('query parameters with prototype names', () => {
  it('are unknown parameters, not silently ignored', async () => {
    const response = await call<Problem>('GET', '/api/organisations?__proto__=x', { as: coordinator });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.path).toBe('query.__proto__');
  });
});
