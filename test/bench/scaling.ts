import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { activity as activityEntity, assistanceTally, programmeFigures, programmeHead } from '../../functions/programmes/entities.js';
import { queryAllPages } from '../../functions/data/query.js';
import { recount } from '../../functions/programmes/figures.js';
import { periodsBetween } from '../../functions/programmes/periods.js';
import { assistanceChannels, assistanceTypes, tallyIdOf, type Activity, type Tally } from '../../functions/programmes/schema.js';
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

export const batchPut = async (ctx: TableContext, items: Record<string, unknown>[]) => {
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
    return toObligationItem(trackedObligationOf({ id: memorandumId, draftingOrgId: ownerOrgId, content: { title } }, { id: `b${number}`, partyOrgId: ownerOrgId, text: { uk: `Зобовʼязання ${number}`, en: `Obligation ${number}` }, dueDate, recurrence: 'once' }, new Date().toISOString()));
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

/**
 * Grows a programme to `total` records: activities spread over its months (and
 * the tally cells its months, types and channels allow), then stores the figures
 * a recount of all of them gives, as the API's transactions would have.
 */
export const growProgramme = async (ctx: TableContext, programmeId: string, period: { start: string; end: string }, total: number) => {
  const months = periodsBetween('monthly', period);
  const cells = months.flatMap((month) => assistanceTypes.flatMap((type) => assistanceChannels.map((channel) => ({ month, type, channel }))));
  const tallies = cells.slice(0, Math.min(cells.length, Math.floor(total / 10))).map((cell, index): Tally => ({ id: tallyIdOf(cell), programmeId, ...cell, people: 3 + (index % 40), families: 1 + (index % 20), version: 1, updatedAt: new Date().toISOString() }));
  const activities = Array.from({ length: total - tallies.length }, (_, index): Activity => {
    const month = months[index % months.length] ?? months[0] ?? period.start.slice(0, 7);
    const held = index % 3 !== 0;
    return {
      id: newId(), programmeId, version: 1, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
      type: (['seminar', 'training', 'campaign', 'public_event'] as const)[index % 4] ?? 'seminar', title: { uk: `Захід ${index}`, en: `Activity ${index}` },
      date: `${month}-${String(1 + (index % 28)).padStart(2, '0')}`, place: { online: index % 2 === 0, city: 'Київ', country: 'UA' },
      organiserOrgId: '01J00000000000000000000003', status: held ? 'held' : 'planned', ...(held ? { attended: { total: 2 + (index % 30) } } : {}),
    };
  });
  await batchPut(ctx, [
    ...activities.map((activity) => activityEntity.item(activity)),
    ...tallies.map((tally) => assistanceTally.item(tally)),
  ]);
  const { client, table } = ctx;
  const existing = await queryAllPages(ctx, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': programmeHead.key(programmeId).PK } });
  const figures = recount({ activities: existing.filter((item) => item.entity === 'activity') as never[], tallies: existing.filter((item) => item.entity === 'assistanceTally') as never[], actuals: existing.filter((item) => item.entity === 'indicatorActual') as never[] });
  // Written past the API, so the revision moves here as every record write moves it there (exports/jobs.ts tells data versions by it).
  const revision = Number(existing.find(programmeFigures.is)?.revision ?? 0) + 1;
  await client.send(new PutCommand({ TableName: table, Item: programmeFigures.item({ ...figures, revision }, programmeFigures.key(programmeId)) }));
  return existing.filter((item) => item.entity === 'activity' || item.entity === 'assistanceTally').length;
};
