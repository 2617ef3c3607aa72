import { addDays, dateIn } from '../core/calendar.js';
import { logger } from '../core/logger.js';
import type { MemorandumRepository } from '../memoranda/repository.js';
import { memorandumUseCases } from '../memoranda/use-cases.js';

/**
 * The daily job: signed memoranda whose term has started come into force. Runs
 * once a day (EventBridge Scheduler on AWS; `npm start` runs it at start-up and
 * daily); running it twice does nothing twice, because activation is a
 * workflow transition that only a signed memorandum allows.
 */
/**
 * Signed memoranda whose term has started today in their own time zone come into
 * force. `now` is the run's moment: a memorandum in a zone ahead of Kyiv may already
 * be in its start date (the candidates run a day ahead); without it, Kyiv's `today`.
 */
export const activateDueMemoranda = async (memoranda: MemorandumRepository, today: string, now?: Date): Promise<{ activated: string[]; failed: string[] }> => {
  const { transition } = memorandumUseCases(memoranda);
  const activated: string[] = [];
  const failed: string[] = [];
  const candidates = await memoranda.awaitingStart(now ? addDays(today, 1) : today);
  const due = now ? candidates.filter((candidate) => candidate.start <= dateIn(now, candidate.timeZone)) : candidates;
  for (const { id: memorandumId, timeZone } of due) {
    try {
      await transition({ actor: 'system', memorandumId, action: 'activate', detail: { on: now ? dateIn(now, timeZone) : today } });
      activated.push(memorandumId);
    } catch (error) {
      failed.push(memorandumId);
      logger.error('A memorandum could not be activated', { memorandumId, error: error instanceof Error ? error.name : 'unknown' });
    }
  }
  return { activated, failed };
};

/** Some items failed after all the others were done; the run is retried, and after the retries dead-lettered and alarmed on. */
export class DailyJobsIncomplete extends Error {
  override readonly name = 'DailyJobsIncomplete';
}

/** Pure: the failure a run ends with, if any item of it failed. */
export const incompletenessOf = (result: { failed: readonly string[]; reminders: { failed: number } }): DailyJobsIncomplete | undefined =>
  result.failed.length === 0 && result.reminders.failed === 0
    ? undefined
    : new DailyJobsIncomplete(`Daily jobs incomplete: ${result.failed.length} memoranda could not come into force, ${result.reminders.failed} reminder emails could not be sent.`);
