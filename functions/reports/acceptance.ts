import type { TrackedObligation } from '../obligations/schema.js';
import type { ReportEntry } from './schema.js';

/**
 * What accepting a report does to the obligations it reports on, and the change
 * to the party's figures (pure): the transaction applies both at once.
 */
export interface ProgressDelta {
  done: number;
  percentSum: number;
}

export const acceptedObligation = (obligation: TrackedObligation, entry: ReportEntry, periodEnd: string): TrackedObligation => ({
  ...obligation,
  reportedThrough: obligation.reportedThrough && obligation.reportedThrough > periodEnd ? obligation.reportedThrough : periodEnd,
  status: entry.status,
  percentComplete: entry.percentComplete,
  indicators: obligation.indicators.map((indicator) => {
    const actual = entry.indicatorActuals.find((candidate) => candidate.indicatorId === indicator.id);
    return actual ? { ...indicator, latestActual: actual.value } : indicator;
  }),
  version: (obligation.version ?? 1) + 1,
});

export const progressDelta = (before: TrackedObligation[], after: TrackedObligation[]): ProgressDelta => ({
  done: after.filter((obligation) => obligation.status === 'done').length - before.filter((obligation) => obligation.status === 'done').length,
  percentSum: after.reduce((sum, obligation) => sum + obligation.percentComplete, 0) - before.reduce((sum, obligation) => sum + obligation.percentComplete, 0),
});

/** The figures recounted from the obligations themselves: what the stored figures must always equal. */
export const recount = (obligations: TrackedObligation[]) => ({
  total: obligations.length,
  done: obligations.filter((obligation) => obligation.status === 'done').length,
  percentSum: obligations.reduce((sum, obligation) => sum + obligation.percentComplete, 0),
});
