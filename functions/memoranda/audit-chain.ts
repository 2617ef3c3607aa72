import { createHash } from 'node:crypto';
import type { AnchorSource, ChainProblem } from './schema.js';

/**
 * The tamper-evident audit trail: each event's hash covers the previous event's
 * hash and the event itself in canonical JSON, so changing, removing or
 * reordering any stored event breaks every hash after it.
 */
export const genesisHash = '0'.repeat(64);

export interface ChainedEvent {
  seq: number;
  at: string;
  actor: { userId: string; orgId: string };
  action: string;
  detail?: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

const hashOf = (event: Omit<ChainedEvent, 'hash'>): string => createHash('sha256').update(event.prevHash + canonicalJson(event)).digest('hex');

/** The next event of a chain whose head is `head` (undefined for the first). */
export const chainEvent = (head: { seq: number; hash: string } | undefined, event: Omit<ChainedEvent, 'seq' | 'prevHash' | 'hash'>): ChainedEvent => {
  const unsigned = { ...event, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? genesisHash };
  return { ...unsigned, hash: hashOf(unsigned) };
};

/**
 * Where the chain's head is recorded outside the events: the memorandum item (moved in the
 * same transaction as every event), the certificate of completion (the head at the last
 * signature) and the signed daily digests. Events alone only prove they agree with each
 * other; the anchors prove none was cut off the end or rewritten with the hashes recomputed.
 */
export interface ChainAnchor {
  source: AnchorSource;
  seq: number;
  hash: string;
}

/** `problem` is a code clients translate; `reason` says it in English for API users and logs. */
export type ChainVerdict =
  | { valid: true; events: number; headHash: string; anchors: AnchorSource[] }
  | { valid: false; events: number; headHash: string; anchors: AnchorSource[]; firstBrokenSeq: number; problem: ChainProblem; reason: string; anchor?: AnchorSource };

/**
 * Recomputes the chain in order, then holds it against its anchors, and reports the
 * first event that does not hold: for a rewrite that recomputed every hash, the
 * earliest anchored event that differs (nothing earlier can be told apart).
 */
export const verifyChain = (events: ChainedEvent[], anchors: ChainAnchor[] = [], unverifiable?: { source: AnchorSource; seq: number }): ChainVerdict => {
  const summary = { events: events.length, headHash: events.at(-1)?.hash ?? genesisHash, anchors: [...new Set(anchors.map((anchor) => anchor.source))] };
  const broken = (firstBrokenSeq: number, problem: ChainProblem, reason: string, anchor?: AnchorSource): ChainVerdict => ({
    valid: false, ...summary, firstBrokenSeq, problem, reason, ...(anchor ? { anchor } : {}),
  });
  let previous = genesisHash;
  for (const [index, event] of events.entries()) {
    const { hash, ...unsigned } = event;
    if (event.seq !== index + 1) return broken(event.seq, 'missing_event', `Event ${index + 1} is missing or out of order.`);
    if (event.prevHash !== previous) return broken(event.seq, 'not_linked', 'It does not follow the event before it.');
    if (hashOf(unsigned) !== hash) return broken(event.seq, 'content_changed', 'Its content does not match its hash.');
    previous = hash;
  }
  for (const anchor of [...anchors].sort((a, b) => a.seq - b.seq)) {
    const event = events[anchor.seq - 1];
    if (!event) return broken(events.length + 1, 'events_missing_at_end', `The ${anchor.source} records ${anchor.seq} events; ${events.length} are stored.`, anchor.source);
    if (event.hash !== anchor.hash) return broken(anchor.seq, 'differs_from_anchor', `Event ${anchor.seq} differs from the head the ${anchor.source} records.`, anchor.source);
  }
  const head = anchors.find((anchor) => anchor.source === 'memorandum');
  if (head && events.length > head.seq) return broken(head.seq + 1, 'events_after_head', `The memorandum records ${head.seq} events; ${events.length} are stored.`, 'memorandum');
  // An anchor that exists but cannot be read or whose signature does not hold: the chain cannot be vouched for.
  if (unverifiable) return broken(unverifiable.seq, 'anchor_unverifiable', `The ${unverifiable.source} that records event ${unverifiable.seq} is missing or its signature does not hold.`, unverifiable.source);
  return { valid: true, ...summary };
};
