import { memorandumHead } from '../../functions/memoranda/entities.js';
import { newId } from '../../functions/core/ids.js';
import type { TableContext } from '../../functions/data/client.js';
import type { DailyJobsResult } from '../../functions/jobs/handler.js';
import { trackedObligationOf } from '../../functions/obligations/model.js';
import { toObligationItem } from '../../functions/obligations/repository.js';
import type { LocalStack } from '../../infra/local/stack.js';
import { batchPut } from './scaling.js';

/**
 * The daily job's worst day: `count` obligations of one council, ten to a
 * memorandum in force, all overdue, so that every one is reminded of (to the
 * council's officers and the drafting NGO's coordinators) and claimed. Sizes
 * the job's timeout and memory (infra/stacks/api-stack.ts).
 */
export const measureDailyJob = async (stack: Pick<LocalStack, 'dailyJob'>, ctx: TableContext, ownerOrgId: string, draftingOrgId: string, count: number) => {
  const memorandumIds = Array.from({ length: Math.ceil(count / 10) }, () => newId());
  const title = { uk: 'Меморандум для вимірювань', en: 'Benchmark memorandum' };
  const heads = memorandumIds.map((id) => ({ ...memorandumHead.key(id), entity: memorandumHead.tag, id, status: 'active', draftingOrgId, content: { title } }));
  const obligations = Array.from({ length: count }, (_, index) => {
    const memorandumId = memorandumIds[Math.floor(index / 10)] ?? newId();
    return toObligationItem(trackedObligationOf({ id: memorandumId, draftingOrgId, content: { title } }, { id: `d${index}`, partyOrgId: ownerOrgId, text: { uk: `Зобовʼязання ${index}`, en: `Obligation ${index}` }, dueDate: '2026-01-15', recurrence: 'once' }, new Date().toISOString()));
  });
  await batchPut(ctx, [...heads, ...obligations]);

  let peakRss = process.memoryUsage().rss;
  const before = peakRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const result = await stack.dailyJob.invoke<DailyJobsResult>({}, 15 * 60_000);
    return { obligations: count, seconds: Number(((performance.now() - started) / 1000).toFixed(1)), reminders: result.reminders, peakRssGrowthMb: Math.round((peakRss - before) / 1024 / 1024) };
  } finally {
    clearInterval(sampler);
  }
};
