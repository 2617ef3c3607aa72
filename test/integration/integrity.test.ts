import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { auditEvent, memorandumHead, memorandumPartition } from '../../functions/memoranda/entities.js';
import { createS3Client, s3DocumentStore } from '../../functions/files/document-store.js';
import { writeDigest } from '../../functions/jobs/digest.js';
import { digestKeys } from '../../functions/memoranda/digest.js';
import { localDigestSigner } from '../../functions/memoranda/digest-signer.js';
import { chainEvent, type ChainedEvent } from '../../functions/memoranda/audit-chain.js';
import { call, demoUser, stack, table } from '../support/api.js';
import { createActiveMemorandum, createApprovedMemorandum, createCaseMemorandum } from '../support/memoranda.js';

/**
 * Nothing is signed over a record that fails its checks, and an audit chain
 * cannot be cut short or rewritten: it is held against the heads recorded
 * outside it (the memorandum item, the certificate of completion).
 */
const coordinator = demoUser('coordinator');
const council = demoUser('council');

interface Memorandum {
  id: string;
  status: string;
  version: number;
  signedBy: string[];
  documents: { final?: { sha256: string; key: string } };
}
interface Verification {
  valid: boolean;
  events: number;
  firstBrokenSeq?: number;
  problem?: string;
  anchor?: string;
  anchors: string[];
}
interface Problem {
  code: string;
  status: number;
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const sign = (memorandum: Memorandum, as: typeof council, fullName: string) =>
  call<Memorandum & Problem>('POST', `/api/memoranda/${memorandum.id}/sign`, { as, body: { fullName, position: 'Посада', documentHash: memorandum.documents.final?.sha256 ?? '', confirm: true }, headers: ifMatch(memorandum.version) });
const verify = async (memorandumId: string) => (await call<Verification>('GET', `/api/memoranda/${memorandumId}/audit/verify`, { as: coordinator })).body;
const stored = async (memorandumId: string) => (await call<{ memorandum: Memorandum; events: ChainedEvent[] }>('GET', `/api/memoranda/${memorandumId}`, { as: coordinator })).body;

const eventsOf = async (memorandumId: string): Promise<ChainedEvent[]> => {
  const { Items = [] } = await table().client.send(new QueryCommand({ TableName: table().table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :evt)', ExpressionAttributeValues: { ':pk': memorandumPartition(memorandumId), ':evt': 'EVT#' } }));
  return Items.map(({ seq, at, actor, action, detail, prevHash, hash }) => ({ seq, at, actor, action, detail, prevHash, hash }) as ChainedEvent);
};

/** What an attacker with write access to the table would do: rewrite every event from `from` on, hashes recomputed. */
const rewriteFrom = async (memorandumId: string, from: number): Promise<ChainedEvent[]> => {
  const events = await eventsOf(memorandumId);
  const rewritten = events.slice(0, from - 1);
  for (const event of events.slice(from - 1)) {
    const forged = chainEvent(rewritten.at(-1), { at: event.at, actor: event.actor, action: event.action, detail: { ...event.detail, rewritten: true } });
    rewritten.push(forged);
    await table().client.send(new PutCommand({ TableName: table().table, Item: auditEvent.item(forged, auditEvent.key(memorandumId, forged.seq)) }));
  }
  return rewritten;
};

const integrityEmailsFor = async (memorandumId: string) => {
  const files = await readdir(stack().outboxDir);
  const messages = await Promise.all(files.map(async (file) => JSON.parse(await readFile(join(stack().outboxDir, file), 'utf8')) as { to: string; subject: string; text: string }));
  return messages.filter((message) => message.subject.includes('integrity check failed') && message.text.includes(memorandumId)).map((message) => message.to);
};

describe('signing over a tampered record', () => {
  it('is refused when the stored final text was overwritten: nothing written, the drafting organisation\'s coordinators told', async () => {
    const approved = (await createApprovedMemorandum()) as Memorandum;
    await createS3Client(stack().s3Endpoint).send(new PutObjectCommand({ Bucket: stack().bucket, Key: approved.documents.final?.key ?? '', Body: new TextEncoder().encode('%PDF-1.7 swapped'), ContentType: 'application/pdf' }));
    const before = await stored(approved.id);

    const refused = await sign(approved, council, 'Ігор Петренко');

    expect([refused.status, refused.body.code]).toEqual([500, 'integrity_failure']);
    const after = await stored(approved.id);
    expect(after.memorandum).toMatchObject({ version: before.memorandum.version, signedBy: [] });
    expect(after.events).toHaveLength(before.events.length);
    expect(await integrityEmailsFor(approved.id)).toContain(coordinator.email);
  });

  it('is refused when an audit event was altered, and the signature is not appended to the broken chain', async () => {
    const approved = (await createApprovedMemorandum()) as Memorandum;
    await table().client.send(new UpdateCommand({ TableName: table().table, Key: auditEvent.key(approved.id, 2), UpdateExpression: 'SET #action = :forged', ExpressionAttributeNames: { '#action': 'action' }, ExpressionAttributeValues: { ':forged': 'approved-by-nobody' } }));
    const refused = await sign(approved, council, 'Ігор Петренко');
    expect([refused.status, refused.body.code]).toEqual([500, 'integrity_failure']);
    expect((await eventsOf(approved.id)).map((event) => event.action)).not.toContain('signed');
  });

  it('the last approval is refused over a broken chain (no final text is rendered)', async () => {
    const inReview = await createCaseMemorandum({ submit: true });
    const byCouncil = await call<Memorandum>('POST', `/api/memoranda/${inReview.id}/approve`, { as: council, headers: ifMatch(inReview.version) });
    await rewriteFrom(inReview.id, 2);
    const refused = await call<Memorandum & Problem>('POST', `/api/memoranda/${inReview.id}/approve`, { as: coordinator, headers: ifMatch(byCouncil.body.version) });
    expect([refused.status, refused.body.code]).toEqual([500, 'integrity_failure']);
    expect((await stored(inReview.id)).memorandum.documents.final).toBeUndefined();
  });
});

describe('audit chain verification against the signed daily digest', () => {
  const today = new Date().toISOString().slice(0, 10);
  const digestOfToday = () => writeDigest(table(), s3DocumentStore(createS3Client(stack().s3Endpoint), stack().bucket), localDigestSigner(stack().digestKeyFile), today, new Date().toISOString());

  it('reports events and the memorandum\'s head rewritten together (no certificate yet), against the latest digest; and a forged digest', async () => {
    const draft = await createCaseMemorandum({ submit: true });
    const digest = await digestOfToday();
    expect(digest.written).toBe(true);
    const listed = (await eventsOf(draft.id)).length;
    expect(await verify(draft.id)).toMatchObject({ valid: true, anchors: ['memorandum', 'digest'] });

    const events = await rewriteFrom(draft.id, 2);
    const head = events.at(-1);
    await table().client.send(new UpdateCommand({ TableName: table().table, Key: memorandumHead.key(draft.id), UpdateExpression: 'SET auditHead = :head', ExpressionAttributeValues: { ':head': { seq: head?.seq, hash: head?.hash } } }));
    expect(await verify(draft.id)).toMatchObject({ valid: false, firstBrokenSeq: listed, problem: 'differs_from_anchor', anchor: 'digest' });

    // The digest itself rewritten to match: its signature no longer holds.
    const files = digestKeys(today);
    const s3 = createS3Client(stack().s3Endpoint);
    const original = new TextDecoder().decode(await (await s3.send(new GetObjectCommand({ Bucket: stack().bucket, Key: files.payload }))).Body?.transformToByteArray());
    await s3.send(new PutObjectCommand({ Bucket: stack().bucket, Key: files.payload, Body: original.replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${head?.hash ?? ''}"`), ContentType: 'application/json' }));
    expect(await verify(draft.id)).toMatchObject({ valid: false, problem: 'anchor_unverifiable', anchor: 'digest' });
    expect((await digestOfToday()).written).toBe(false);
  });
});

describe('audit chain verification', () => {
  it('reports the last event deleted (the memorandum records one more)', async () => {
    const draft = await createCaseMemorandum({ submit: true });
    const events = await eventsOf(draft.id);
    expect(await verify(draft.id)).toMatchObject({ valid: true, events: events.length, anchors: ['memorandum'] });
    await table().client.send(new DeleteCommand({ TableName: table().table, Key: auditEvent.key(draft.id, events.length) }));
    expect(await verify(draft.id)).toMatchObject({ valid: false, events: events.length - 1, firstBrokenSeq: events.length, problem: 'events_missing_at_end', anchor: 'memorandum' });
  });

  it('reports every event from the second on rewritten with recomputed hashes', async () => {
    const draft = await createCaseMemorandum({ submit: true });
    const events = await rewriteFrom(draft.id, 2);
    expect(await verify(draft.id)).toMatchObject({ valid: false, firstBrokenSeq: events.length, problem: 'differs_from_anchor', anchor: 'memorandum' });
  });

  it('of a signed memorandum, reports events and head rewritten together, against the certificate\'s head', async () => {
    const active = (await createActiveMemorandum()) as Memorandum;
    const verified = await verify(active.id);
    expect(verified).toMatchObject({ valid: true, anchors: ['memorandum', 'certificate'] });
    const events = await rewriteFrom(active.id, 2);
    const head = events.at(-1);
    await table().client.send(new UpdateCommand({ TableName: table().table, Key: memorandumHead.key(active.id), UpdateExpression: 'SET auditHead = :head', ExpressionAttributeValues: { ':head': { seq: head?.seq, hash: head?.hash } } }));
    const signedAt = events.findIndex((event) => event.action === 'signed_by_all') + 1;
    expect(await verify(active.id)).toMatchObject({ valid: false, firstBrokenSeq: signedAt, problem: 'differs_from_anchor', anchor: 'certificate' });
  });
});
