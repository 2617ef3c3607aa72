import { describe, expect, it } from 'vitest';
import { canonicalJson, chainEvent, genesisHash, verifyChain, type ChainedEvent } from '../../functions/memoranda/audit-chain.js';

const build = (count: number): ChainedEvent[] => {
  const events: ChainedEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    events.push(chainEvent(events.at(-1), { at: `2026-01-0${i + 1}T00:00:00.000Z`, actor: { userId: 'u', orgId: 'o' }, action: `action-${i}`, detail: { n: i, text: 'Молочанська' } }));
  }
  return events;
};

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: 0 }], c: 'й' } })).toBe('{"a":{"c":"й","d":[2,{"x":0,"z":1}]},"b":1}');
  });
});

describe('audit hash chain', () => {
  it('starts from the genesis hash and links each event to the one before', () => {
    const events = build(3);
    expect(events[0]?.prevHash).toBe(genesisHash);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(verifyChain(events)).toEqual({ valid: true, events: 3, headHash: events[2]?.hash, anchors: [] });
  });

  it('catches an edited event at its own position', () => {
    const events = build(4);
    const tampered = events.map((event) => (event.seq === 2 ? { ...event, detail: { n: 99 } } : event));
    expect(verifyChain(tampered)).toMatchObject({ valid: false, firstBrokenSeq: 2, problem: 'content_changed' });
  });

  it('catches a removed event', () => {
    const events = build(4);
    expect(verifyChain(events.filter((event) => event.seq !== 3))).toMatchObject({ valid: false, firstBrokenSeq: 4 });
  });

  it('catches an event whose hash was recomputed after editing (the next link breaks)', () => {
    const events = build(3);
    const edited = chainEvent(events[0], { at: 'x', actor: { userId: 'u', orgId: 'o' }, action: 'forged' });
    expect(verifyChain([events[0] as ChainedEvent, edited, events[2] as ChainedEvent])).toMatchObject({ valid: false, firstBrokenSeq: 3 });
  });

  it('accepts an empty trail', () => {
    expect(verifyChain([])).toEqual({ valid: true, events: 0, headHash: genesisHash, anchors: [] });
  });
});

/** Every event from `from` on rewritten with recomputed hashes: the chain agrees with itself. */
const rewrittenFrom = (events: ChainedEvent[], from: number): ChainedEvent[] => {
  const rewritten = events.slice(0, from - 1);
  for (const event of events.slice(from - 1)) rewritten.push(chainEvent(rewritten.at(-1), { at: event.at, actor: event.actor, action: `${event.action}-rewritten` }));
  return rewritten;
};

describe('audit hash chain held against its anchors', () => {
  const events = build(7);
  const head = { source: 'memorandum' as const, seq: 7, hash: events[6]?.hash ?? '' };
  const certificate = { source: 'certificate' as const, seq: 5, hash: events[4]?.hash ?? '' };

  it('holds when every anchor names the event it recorded', () => {
    expect(verifyChain(events, [head, certificate])).toEqual({ valid: true, events: 7, headHash: head.hash, anchors: ['memorandum', 'certificate'] });
  });

  it('reports the last event deleted: the record says 7, 6 are stored', () => {
    expect(verifyChain(events.slice(0, 6), [head])).toMatchObject({ valid: false, events: 6, firstBrokenSeq: 7, problem: 'events_missing_at_end', anchor: 'memorandum' });
  });

  it('reports events rewritten from the second on with their hashes recomputed, at the earliest anchor that differs', () => {
    const rewritten = rewrittenFrom(events, 2);
    expect(verifyChain(rewritten)).toMatchObject({ valid: true });
    expect(verifyChain(rewritten, [head])).toMatchObject({ valid: false, firstBrokenSeq: 7, problem: 'differs_from_anchor', anchor: 'memorandum' });
    expect(verifyChain(rewritten, [head, certificate])).toMatchObject({ valid: false, firstBrokenSeq: 5, anchor: 'certificate' });
  });

  it('reports a rewrite that moved the memorandum\'s head too, against the certificate', () => {
    const rewritten = rewrittenFrom(events, 3);
    const movedHead = { source: 'memorandum' as const, seq: 7, hash: rewritten[6]?.hash ?? '' };
    expect(verifyChain(rewritten, [movedHead, certificate])).toMatchObject({ valid: false, firstBrokenSeq: 5, anchor: 'certificate' });
  });

  it('reports events appended after the recorded head', () => {
    const appended = [...events, chainEvent(events[6], { at: 'x', actor: { userId: 'u', orgId: 'o' }, action: 'appended' })];
    expect(verifyChain(appended, [head])).toMatchObject({ valid: false, firstBrokenSeq: 8, problem: 'events_after_head' });
  });
});
