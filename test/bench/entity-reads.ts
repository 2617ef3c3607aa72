import type { TableContext } from '../../functions/data/client.js';
import type { StoredItem } from '../../functions/data/entity.js';
import { queryAllPages } from '../../functions/data/query.js';
import { auditEvent, memorandumAttachment, memorandumDigest, memorandumHead, memorandumPartition, pageEndsBefore } from '../../functions/memoranda/entities.js';
import { trackedObligation } from '../../functions/obligations/entities.js';
import { progressReport } from '../../functions/reports/entities.js';

/**
 * What checking every item against its entity's schema costs on the heaviest read,
 * a memorandum's page (head, events, obligations, reports): the same items read
 * with and without the check, interleaved, in this process (no I/O in the loop).
 */
const readers: { readAll: (items: StoredItem[]) => unknown[] }[] = [memorandumHead, auditEvent, memorandumAttachment, trackedObligation, progressReport, memorandumDigest];
const bookkeeping = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'entity', 'entityVersion']);
const unchecked = (items: StoredItem[]) => items.map((item) => Object.fromEntries(Object.entries(item).filter(([name]) => !bookkeeping.has(name))));
const checked = (items: StoredItem[]) => readers.flatMap((entity): unknown[] => entity.readAll(items));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export const measureEntityReads = async (ctx: TableContext, memorandumId: string, rounds = 30, perRound = 50) => {
  const items = await queryAllPages(ctx, { KeyConditionExpression: 'PK = :pk AND SK < :revisions', ExpressionAttributeValues: { ':pk': memorandumPartition(memorandumId), ':revisions': pageEndsBefore } });
  const plain: number[] = [];
  const validated: number[] = [];
  for (let round = 0; round < rounds + 3; round += 1) {
    let started = performance.now();
    for (let i = 0; i < perRound; i += 1) unchecked(items);
    const plainMs = (performance.now() - started) / perRound;
    started = performance.now();
    for (let i = 0; i < perRound; i += 1) checked(items);
    const validatedMs = (performance.now() - started) / perRound;
    if (round >= 3) {
      plain.push(plainMs);
      validated.push(validatedMs);
    }
  }
  return { items: items.length, bytes: JSON.stringify(items).length, uncheckedMs: Number(median(plain).toFixed(3)), checkedMs: Number(median(validated).toFixed(3)) };
};
