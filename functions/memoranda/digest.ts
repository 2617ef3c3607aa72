import { canonicalJson } from './audit-chain.js';

/**
 * The daily digest of audit chains, as CloudTrail's digest files are: once a day, one
 * file lists the chain head of every memorandum whose chain moved that day, names the
 * previous digest by its SHA-256, and is signed with a key the table cannot reach (KMS
 * on AWS, a local key here). Rewriting events together with the head recorded on the
 * memorandum is then still told apart: the chain disagrees with its latest digest.
 */
export interface DigestHead {
  memorandumId: string;
  seq: number;
  hash: string;
}

export interface DigestPayload {
  kind: 'pakt-audit-digest';
  version: 1;
  day: string;
  createdAt: string;
  /** The digest before this one, or null for the first. */
  previous: { day: string; sha256: string } | null;
  heads: DigestHead[];
}

/** Where a day's digest and its signature are stored (the daily job writes them, functions only read them). */
export const digestPrefix = 'audit-digests/';
export const digestKeys = (day: string) => ({ payload: `${digestPrefix}${day}.json`, signature: `${digestPrefix}${day}.sig` });

/** The bytes that are signed: canonical JSON, heads in memorandum order, so the same day gives the same file. */
export const digestBytes = (payload: DigestPayload): Uint8Array =>
  new TextEncoder().encode(canonicalJson({ ...payload, heads: [...payload.heads].sort((a, b) => (a.memorandumId < b.memorandumId ? -1 : a.memorandumId > b.memorandumId ? 1 : 0)) }));

export const parseDigest = (bytes: Uint8Array): DigestPayload | undefined => {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as Partial<DigestPayload>;
    return parsed.kind === 'pakt-audit-digest' && Array.isArray(parsed.heads) && typeof parsed.day === 'string' ? (parsed as DigestPayload) : undefined;
  } catch {
    return undefined;
  }
};
