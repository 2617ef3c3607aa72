import type { TableContext } from '../data/client.js';
import { digestRepository } from '../memoranda/digest-repository.js';
import type { DocumentStore } from '../files/document-store.js';
import { sha256Hex } from '../files/document-store.js';
import { digestBytes, digestKeys, type DigestPayload } from '../memoranda/digest.js';
import type { DigestSigner } from '../memoranda/digest-signer.js';
import { addDays } from '../core/calendar.js';

/**
 * The daily job's digest of audit chains (see memoranda/digest.ts): for each finished day
 * since the last digest (at most a month a run), one signed file listing the chain head of
 * every memorandum whose chain moved that day, chained to the digest before it. A day is
 * written once: running the job twice writes nothing twice.
 */
const maxCatchUpDays = 31;

/** The finished days not yet digested, oldest first: from the day after the latest digest (or yesterday) to yesterday. */
export const daysToDigest = (latest: string | undefined, today: string): string[] => {
  const yesterday = addDays(today, -1);
  const days: string[] = [];
  for (let day = latest ? addDays(latest, 1) : yesterday; day <= yesterday && days.length < maxCatchUpDays; day = addDays(day, 1)) days.push(day);
  return days;
};

export const writeDigest = async (ctx: TableContext, store: DocumentStore, signer: DigestSigner, day: string, createdAt: string): Promise<{ day: string; memoranda: number; written: boolean }> => {
  const digests = digestRepository(ctx);
  const done = await digests.ofDay(day);
  if (done) return { day, memoranda: done.count, written: false };
  const heads = await digests.headsOfDay(day);
  const previous = await digests.latest();
  const payload: DigestPayload = {
    kind: 'pakt-audit-digest', version: 1, day, createdAt,
    previous: previous && previous.day < day ? { day: previous.day, sha256: previous.sha256 } : null,
    heads: heads.map(({ memorandumId, seq, hash }) => ({ memorandumId, seq, hash })),
  };
  const bytes = digestBytes(payload);
  const signature = await signer.sign(bytes);
  const files = digestKeys(day);
  await store.put(files.payload, bytes, 'application/json');
  await store.put(files.signature, signature, 'application/octet-stream');
  await digests.record({ day, sha256: sha256Hex(bytes), key: files.payload, keyId: signer.keyId, count: payload.heads.length, createdAt }, payload.heads);
  return { day, memoranda: payload.heads.length, written: true };
};

/** Every finished day not yet digested, in order (so each names the one before it). */
export const writeDueDigests = async (ctx: TableContext, store: DocumentStore, signer: DigestSigner, today: string, createdAt: string) => {
  const results = [];
  for (const day of daysToDigest((await digestRepository(ctx).latest())?.day, today)) results.push(await writeDigest(ctx, store, signer, day, createdAt));
  return results;
};
