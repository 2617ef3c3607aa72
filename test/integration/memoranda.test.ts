import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { auditEvent } from '../../functions/memoranda/entities.js';
import { demoOrganisations } from '../../infra/local/seed.js';
import { call, demoUser, stack, table, uniqueKey } from '../support/api.js';
import { caseContent, createCaseMemorandum, createOtherMemorandum } from '../support/memoranda.js';

const coordinator = demoUser('coordinator');
const council = demoUser('council');
const funder = demoUser('funder');

interface Memorandum {
  id: string;
  status: string;
  version: number;
  revision: number;
  reviewRevision?: number;
  parties: { orgId: string; approval: string }[];
  content: ReturnType<typeof caseContent>;
  directory: { organisations: Record<string, { uk: string }>; people: Record<string, { name: string }> };
  comments: { comment: string; orgId: string; anchor?: { section: string; id?: string } }[];
}
interface View {
  memorandum: Memorandum;
  events: { seq: number; action: string; hash: string; prevHash: string }[];
}
interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

describe('memoranda: the source case from draft to approval', () => {
  it('drafts the real memorandum with its purposes, areas and each party\'s obligations', async () => {
    const created = await call<Memorandum>('POST', '/api/memoranda', { as: coordinator, body: { content: caseContent() }, headers: { 'idempotency-key': uniqueKey() } });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const { content, directory } = created.body;
    expect([content.purposes.length, content.areas.length]).toEqual([3, 7]);
    expect(content.obligations.filter((item) => item.partyOrgId === demoOrganisations.molochanskCouncil)).toHaveLength(5);
    expect(content.obligations.filter((item) => item.partyOrgId === demoOrganisations.relativesNgo)).toHaveLength(4);
    expect(content.areas[6]?.text.en).toContain('de-occupation of the region');
    expect(directory.organisations[demoOrganisations.molochanskCouncil]?.uk).toBe('Молочанська міська рада Запорізької області');
    expect(directory.people[council.id]?.name).toBe(council.name);
    expect(created.body).toMatchObject({ status: 'draft', revision: 1 });
  });

  it('goes draft → returned with a comment → edited → resubmitted → approved by both, every step in the audit chain', async () => {
    const draft = await createCaseMemorandum();
    const path = `/api/memoranda/${draft.id}`;

    const submitted = await call<Memorandum>('POST', `${path}/submit`, { as: coordinator, headers: ifMatch(draft.version) });
    expect(submitted.body).toMatchObject({ status: 'in_review', reviewRevision: 1 });

    const councilSees = await call<View>('GET', path, { as: council });
    expect(councilSees.status).toBe(200);
    const returned = await call<Memorandum>('POST', `${path}/return`, {
      as: council, body: { comment: 'Додайте строки звітування до зобов’язання c2.', anchor: { section: 'obligations', id: 'c2' } }, headers: ifMatch(submitted.body.version),
    });
    expect(returned.body).toMatchObject({ status: 'draft', comments: [{ orgId: council.orgId, anchor: { section: 'obligations', id: 'c2' } }] });

    const edited = caseContent();
    const obligation = edited.obligations.find((item) => item.id === 'c2');
    if (obligation) obligation.dueDate = '2026-06-30';
    const saved = await call<Memorandum>('PUT', `${path}/draft`, { as: coordinator, body: { content: edited }, headers: ifMatch(returned.body.version) });
    expect(saved.body).toMatchObject({ revision: 2, status: 'draft' });

    const diff = await call<{ sections: { section: string; changes: { kind: string; id: string }[] }[] }>('GET', `${path}/diff?from=1&to=2`, { as: council });
    expect(diff.body.sections).toEqual([{ section: 'obligations', changes: [expect.objectContaining({ kind: 'changed', id: 'c2' })] }]);

    const resubmitted = await call<Memorandum>('POST', `${path}/submit`, { as: coordinator, headers: ifMatch(saved.body.version) });
    expect(resubmitted.body.reviewRevision).toBe(2);
    const byCouncil = await call<Memorandum>('POST', `${path}/approve`, { as: council, headers: ifMatch(resubmitted.body.version) });
    expect(byCouncil.body).toMatchObject({ status: 'in_review', parties: expect.arrayContaining([{ orgId: council.orgId, approval: 'approved' }]) });
    const byNgo = await call<Memorandum>('POST', `${path}/approve`, { as: coordinator, headers: ifMatch(byCouncil.body.version) });
    expect(byNgo.body.status).toBe('approved');

    const view = await call<View>('GET', path, { as: council });
    expect(view.body.events.map((event) => event.action)).toEqual(['created', 'submitted', 'returned', 'edited', 'submitted', 'approved', 'approved_by_all']);
    const verified = await call<{ valid: boolean; events: number; headHash: string }>('GET', `${path}/audit/verify`, { as: council });
    expect(verified.body).toEqual({ valid: true, events: 7, headHash: view.body.events.at(-1)?.hash, anchors: ['memorandum'] });

    const revisions = await call<{ items: { revision: number }[] }>('GET', `${path}/revisions`, { as: coordinator });
    expect(revisions.body.items.map((item) => item.revision)).toEqual([1, 2]);

    const edit = await call<Problem>('PUT', `${path}/draft`, { as: coordinator, body: { content: edited }, headers: ifMatch(byNgo.body.version) });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('invalid_transition');
  });

  it('catches an audit event edited directly in the table, naming the first broken link', async () => {
    const draft = await createCaseMemorandum({ submit: true });
    const { client, table: tableName } = table();
    await client.send(new UpdateCommand({ TableName: tableName, Key: auditEvent.key(draft.id, 1), UpdateExpression: 'SET #action = :forged', ExpressionAttributeNames: { '#action': 'action' }, ExpressionAttributeValues: { ':forged': 'created-by-someone-else' } }));
    const verified = await call<{ valid: boolean; firstBrokenSeq: number }>('GET', `/api/memoranda/${draft.id}/audit/verify`, { as: coordinator });
    expect(verified.body).toMatchObject({ valid: false, firstBrokenSeq: 1 });
  });

  it('applies two approvals sent at once exactly once each', async () => {
    const inReview = await createCaseMemorandum({ submit: true });
    const path = `/api/memoranda/${inReview.id}`;
    const [first, second] = await Promise.all([
      call<Memorandum>('POST', `${path}/approve`, { as: council, headers: ifMatch(inReview.version) }),
      call<Memorandum>('POST', `${path}/approve`, { as: coordinator, headers: ifMatch(inReview.version) }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses[0]).toBe(200);
    expect([409, 412]).toContain(statuses[1]);
    const loser = first.status === 200 ? coordinator : council;
    const current = await call<View>('GET', path, { as: loser });
    const retry = await call<Memorandum>('POST', `${path}/approve`, { as: loser, headers: ifMatch(current.body.memorandum.version) });
    expect(retry.body.status).toBe('approved');
    const view = await call<View>('GET', path, { as: council });
    expect(view.body.events.filter((event) => event.action.startsWith('approved'))).toHaveLength(2);
  });

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const draft = await createCaseMemorandum();
    const path = `/api/memoranda/${draft.id}`;
    await call('PUT', `${path}/draft`, { as: coordinator, body: { content: caseContent() }, headers: ifMatch(draft.version) });
    const stale = await call<Problem>('PUT', `${path}/draft`, { as: coordinator, body: { content: caseContent() }, headers: ifMatch(draft.version) });
    expect(stale.status).toBe(412);
    expect((await call<View>('GET', path, { as: coordinator })).body.memorandum.revision).toBe(2);
  });

  it('emails the approvers when submitted and the submitter when returned (local outbox)', async () => {
    const inReview = await createCaseMemorandum({ submit: true });
    await call('POST', `/api/memoranda/${inReview.id}/return`, { as: council, body: { comment: 'Уточніть строки.' }, headers: ifMatch(inReview.version) });
    const messages = await Promise.all((await readdir(stack().outboxDir)).filter((file) => !file.includes('invitation')).map(async (file) => JSON.parse(await readFile(join(stack().outboxDir, file), 'utf8')) as { to: string; subject: string; text: string }));
    const about = messages.filter((message) => message.text.includes(`/memoranda/${inReview.id}`));
    expect(about.map((message) => [message.to, message.subject.split(' · ')[1]]).sort()).toEqual([
      ['coordinator@pakt.local', 'a memorandum awaits your approval'],
      ['coordinator@pakt.local', 'a memorandum was returned with a comment'],
      ['council@pakt.local', 'a memorandum awaits your approval'],
    ]);
  });

  it('returns the first result to a retried create', async () => {
    const key = uniqueKey();
    const body = { content: caseContent() };
    const first = await call<Memorandum>('POST', '/api/memoranda', { as: coordinator, body, headers: { 'idempotency-key': key } });
    const retry = await call<Memorandum>('POST', '/api/memoranda', { as: coordinator, body, headers: { 'idempotency-key': key } });
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it('only a party\'s named approver approves, once', async () => {
    const inReview = await createCaseMemorandum({ submit: true });
    const path = `/api/memoranda/${inReview.id}`;
    const notNamed = await call<Problem>('POST', `${path}/approve`, { as: 'resource.center@pakt.local', headers: ifMatch(inReview.version) });
    expect(notNamed.status).toBe(404);
    const approved = await call<Memorandum>('POST', `${path}/approve`, { as: council, headers: ifMatch(inReview.version) });
    const again = await call<Problem>('POST', `${path}/approve`, { as: council, headers: ifMatch(approved.body.version) });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_done');
  });

  it('needs named approvers and signatories to submit', async () => {
    const created = await call<Memorandum>('POST', '/api/memoranda', { as: coordinator, body: { content: caseContent(false) } });
    const submit = await call<Problem>('POST', `/api/memoranda/${created.body.id}/submit`, { as: coordinator, headers: ifMatch(created.body.version) });
    expect(submit.status).toBe(400);
    expect(submit.body.errors?.map((error) => error.path)).toEqual([
      'content.parties.0.approverUserId', 'content.parties.0.signatoryUserId', 'content.parties.1.approverUserId', 'content.parties.1.signatoryUserId',
    ]);
  });

  it('names every inconsistency of a draft in one 400', async () => {
    const content = caseContent();
    content.parties.push({ orgId: demoOrganisations.molochanskCouncil, role: { en: 'Again' } });
    content.term.end = '2020-01-01';
    content.obligations.push({ id: 'c1', partyOrgId: demoOrganisations.funder, text: { en: 'Not a party' } });
    const parties = content.parties[1];
    if (parties) parties.approverUserId = funder.id;
    const response = await call<Problem>('POST', '/api/memoranda', { as: coordinator, body: { content } });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.path).sort()).toEqual([
      'body.content.obligations.9.id', 'body.content.obligations.9.partyOrgId', 'body.content.parties.1.approverUserId', 'body.content.parties.2.orgId', 'body.content.term.end',
    ].sort());
  });

  it('is invisible to organisations that are not parties', async () => {
    const other = await createOtherMemorandum();
    expect((await call('GET', `/api/memoranda/${other.id}`, { as: coordinator })).status).toBe(404);
    expect((await call('GET', `/api/memoranda/${other.id}`, { as: funder })).status).toBe(404);
    const list = await call<{ items: { id: string }[] }>('GET', '/api/memoranda?limit=100', { as: coordinator });
    expect(list.body.items.map((item) => item.id)).not.toContain(other.id);
  });

  it('is the drafting organisation\'s alone until it is first submitted, and stays shared when returned', async () => {
    const template = await createCaseMemorandum();
    const copy = await call<Memorandum>('POST', '/api/memoranda', { as: coordinator, body: { templateId: template.id } });
    const councilSees = async (id: string) => {
      const [read, revisions, audit, list] = await Promise.all([
        call('GET', `/api/memoranda/${id}`, { as: council }),
        call('GET', `/api/memoranda/${id}/revisions`, { as: council }),
        call('GET', `/api/memoranda/${id}/audit/verify`, { as: council }),
        call<{ items: { id: string }[] }>('GET', '/api/memoranda?limit=100', { as: council }),
      ]);
      return { read: read.status, revisions: revisions.status, audit: audit.status, listed: list.body.items.some((item) => item.id === id) };
    };
    for (const id of [template.id, copy.body.id]) expect(await councilSees(id)).toEqual({ read: 404, revisions: 404, audit: 404, listed: false });
    expect((await call('GET', `/api/memoranda/${copy.body.id}`, { as: coordinator })).status).toBe(200);

    const submitted = await call<Memorandum>('POST', `/api/memoranda/${copy.body.id}/submit`, { as: coordinator, headers: ifMatch(copy.body.version) });
    expect(submitted.status).toBe(200);
    expect(await councilSees(copy.body.id)).toEqual({ read: 200, revisions: 200, audit: 200, listed: true });
    const returned = await call<Memorandum>('POST', `/api/memoranda/${copy.body.id}/return`, { as: council, body: { comment: 'Уточніть строки.' }, headers: ifMatch(submitted.body.version) });
    expect(returned.body.status).toBe('draft');
    expect(await councilSees(copy.body.id)).toEqual({ read: 200, revisions: 200, audit: 200, listed: true });
  });

  it('lists my organisation\'s memoranda, latest first, filtered by status', async () => {
    const inReview = await createCaseMemorandum({ submit: true });
    const inReviewList = await call<{ items: { id: string; status: string }[] }>('GET', '/api/memoranda?status=in_review&limit=100', { as: council });
    expect(inReviewList.body.items[0]?.id).toBe(inReview.id);
    expect(inReviewList.body.items.every((item) => item.status === 'in_review')).toBe(true);
  });

  it('names a revision that does not exist', async () => {
    const draft = await createCaseMemorandum();
    const response = await call<Problem>('GET', `/api/memoranda/${draft.id}/diff?from=1&to=9`, { as: coordinator });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.path)).toEqual(['query.to']);
  });

  it('starts a draft from a template', async () => {
    const template = await createCaseMemorandum();
    const copy = await call<Memorandum>('POST', '/api/memoranda', { as: coordinator, body: { templateId: template.id } });
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(template.id);
    expect(copy.body.content.obligations).toHaveLength(9);
    expect(copy.body.status).toBe('draft');
  });
});

describe('memoranda lists', () => {
  it('sort by last change, newest or oldest first', async () => {
    const newest = await call<{ items: { updatedAt: string }[] }>('GET', '/api/memoranda?limit=100', { as: coordinator });
    const oldest = await call<{ items: { updatedAt: string }[] }>('GET', '/api/memoranda?limit=100&order=oldest', { as: coordinator });
    const newestTimes = newest.body.items.map((item) => item.updatedAt);
    const oldestTimes = oldest.body.items.map((item) => item.updatedAt);
    expect(newestTimes).toEqual([...newestTimes].sort().reverse());
    expect(oldestTimes).toEqual([...oldestTimes].sort());
    expect(oldestTimes[0]).toBe('2026-01-15T09:00:00.000Z');
    expect((newestTimes[0] ?? '') >= (oldestTimes.at(-1) ?? '')).toBe(true);
  });
});
