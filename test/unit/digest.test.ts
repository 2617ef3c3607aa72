import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { daysToDigest } from '../../functions/jobs/digest.js';
import { digestBytes, parseDigest, type DigestPayload } from '../../functions/memoranda/digest.js';
import { localDigestSigner } from '../../functions/memoranda/digest-signer.js';

const payload: DigestPayload = {
  kind: 'pakt-audit-digest', version: 1, day: '2026-11-30', createdAt: '2026-12-01T04:00:00.000Z', previous: { day: '2026-11-29', sha256: 'a'.repeat(64) },
  heads: [{ memorandumId: 'M2', seq: 7, hash: 'b'.repeat(64) }, { memorandumId: 'M1', seq: 3, hash: 'c'.repeat(64) }],
};

describe('daily audit digest', () => {
  it('is the same bytes for the same day, whatever order the heads were read in', () => {
    expect(digestBytes({ ...payload, heads: [...payload.heads].reverse() })).toEqual(digestBytes(payload));
    expect(parseDigest(digestBytes(payload))?.heads.map((head) => head.memorandumId)).toEqual(['M1', 'M2']);
  });

  it.each([
    ['the first run: yesterday', undefined, '2026-12-01', ['2026-11-30']],
    ['the day after the last digest: yesterday only', '2026-11-29', '2026-12-01', ['2026-11-30']],
    ['after two missed runs: each missed day in order', '2026-11-27', '2026-12-01', ['2026-11-28', '2026-11-29', '2026-11-30']],
    ['run twice on one day: nothing', '2026-11-30', '2026-12-01', []],
    ['across a month end', '2026-11-30', '2026-12-02', ['2026-12-01']],
  ])('covers %s', (_case, latest, today, days) => {
    expect(daysToDigest(latest, today)).toEqual(days);
  });

  it('catches up at most a month in one run', () => {
    expect(daysToDigest('2026-01-01', '2026-12-01')).toHaveLength(31);
  });

  it('is signed so that any change to it, or another key, fails verification', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pakt-digest-'));
    const signer = localDigestSigner(join(folder, 'key.pem'));
    const bytes = digestBytes(payload);
    const signature = await signer.sign(bytes);
    expect(await signer.verify(bytes, signature)).toBe(true);
    expect(await signer.verify(digestBytes({ ...payload, heads: [{ memorandumId: 'M1', seq: 3, hash: 'd'.repeat(64) }] }), signature)).toBe(false);
    expect(await localDigestSigner(join(folder, 'other.pem')).verify(bytes, signature)).toBe(false);
    expect(await signer.verify(bytes, new Uint8Array([1, 2, 3]))).toBe(false);
    // The key is kept: a signer made again from the same file verifies what the first signed.
    expect(await localDigestSigner(join(folder, 'key.pem')).verify(bytes, signature)).toBe(true);
  });
});
