import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '../../functions/core/ids.js';
import type { TableContext } from '../../functions/data/client.js';
import { trackedObligationOf } from '../../functions/obligations/model.js';
import { toObligationItem } from '../../functions/obligations/repository.js';
import { reportRepository } from '../../functions/reports/repository.js';

/**
 * Fixtures for the scaling rows of `npm run bench`: an organisation's obligations
 * and its review queue grown to a given size across many memoranda, written in
 * the shapes the API writes them (the tracked-obligation item of signing, the
 * report repository), so that the list routes can be measured at 10 and 1,000.
 */
const title = { uk: 'Меморандум для вимірювань', en: 'Benchmark memorandum' };

const batchPut = async (ctx: TableContext, items: Record<string, unknown>[]) => {
  for (let at = 0; at < items.length; at += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = { [ctx.table]: items.slice(at, at + 25).map((Item) => ({ PutRequest: { Item } })) };
    while (request && Object.keys(request).length > 0) {
      const result = await ctx.client.send(new BatchWriteCommand({ RequestItems: request }));
      request = result.UnprocessedItems as typeof request;
    }
  }
};

/** Adds `count` obligations owned by `ownerOrgId`, ten to a memorandum, due over the coming years (numbered from `from`). */
export const addObligations = async (ctx: TableContext, ownerOrgId: string, count: number, from = 0) => {
  const memorandumIds = Array.from({ length: Math.ceil(count / 10) }, () => newId());
  const items = Array.from({ length: count }, (_, index) => {
    const memorandumId = memorandumIds[Math.floor(index / 10)] ?? newId();
    const number = from + index;
    const dueDate = new Date(Date.UTC(2027, 0, 1) + number * 86_400_000).toISOString().slice(0, 10);
    return toObligationItem(trackedObligationOf(memorandumId, { title }, { id: `b${number}`, partyOrgId: ownerOrgId, text: { uk: `Зобовʼязання ${number}`, en: `Obligation ${number}` }, dueDate, recurrence: 'once' }, new Date().toISOString()));
  });
  await batchPut(ctx, items);
};

/** Adds `count` submitted reports from `reportingOrgId` awaiting `draftingOrgId`'s review, one memorandum each. */
export const addSubmittedReports = async (ctx: TableContext, draftingOrgId: string, reportingOrgId: string, count: number) => {
  const reports = reportRepository(ctx);
  for (let index = 0; index < count; index += 1) {
    const at = new Date(Date.UTC(2026, 6, 1) + index * 60_000).toISOString();
    const period = { start: '2026-04-01', end: '2026-06-30' };
    await reports.create({
      id: `${period.start}_${period.end}_${reportingOrgId}`, memorandumId: newId(), orgId: reportingOrgId, draftingOrgId, period, status: 'submitted',
      entries: [{ obligationId: 'c1', status: 'in_progress', percentComplete: 40, indicatorActuals: [] }], version: 2, createdAt: at, updatedAt: at, submittedAt: at,
    });
  }
};
