import { createHash } from 'node:crypto';

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

export type ChainVerdict = { valid: true; events: number; headHash: string } | { valid: false; events: number; headHash: string; firstBrokenSeq: number; reason: string };

/** Recomputes the chain in order and reports the first event that does not hold. */
export const verifyChain = (events: ChainedEvent[]): ChainVerdict => {
  let previous = genesisHash;
  for (const [index, event] of events.entries()) {
    const { hash, ...unsigned } = event;
    const broken = (reason: string): ChainVerdict => ({ valid: false, events: events.length, headHash: events.at(-1)?.hash ?? genesisHash, firstBrokenSeq: event.seq, reason });
    if (event.seq !== index + 1) return broken(`Event ${index + 1} is missing or out of order.`);
    if (event.prevHash !== previous) return broken('It does not follow the event before it.');
    if (hashOf(unsigned) !== hash) return broken('Its content does not match its hash.');
    previous = hash;
  }
  return { valid: true, events: events.length, headHash: previous };
};
