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
    expect(verifyChain(events)).toEqual({ valid: true, events: 3, headHash: events[2]?.hash });
  });

  it('catches an edited event at its own position', () => {
    const events = build(4);
    const tampered = events.map((event) => (event.seq === 2 ? { ...event, detail: { n: 99 } } : event));
    expect(verifyChain(tampered)).toMatchObject({ valid: false, firstBrokenSeq: 2 });
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
    expect(verifyChain([])).toEqual({ valid: true, events: 0, headHash: genesisHash });
  });
});
