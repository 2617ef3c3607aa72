import { indicatorsOf } from './policy.js';
import { liesWithin, periodOf } from './periods.js';
import type { Frequency } from './periods.js';
import type { ProgrammeContent } from './schema.js';

/** The latest accepted council-report actual of each sourced indicator, with the date its report runs to. */
export type SourceFigures = Record<string, { value: number; reportedThrough: string }>;

export interface ProgrammeActual { indicatorId: string; period: string; value: number; fromReport?: true }

/** The period a sourced indicator's council-report actual fills: the one its report ran to (pure). */
export const reportedActualOf = (indicator: { id: string; frequency: Frequency }, sources: SourceFigures | undefined): { period: string; value: number } | undefined => {
  const reported = sources?.[indicator.id];
  return reported ? { period: periodOf(indicator.frequency, reported.reportedThrough), value: reported.value } : undefined;
};

/**
 * Every indicator's actuals: what the team recorded, and for an indicator that
 * takes them from council reports, the latest accepted one for the period its
 * report ran to, unless the team recorded that period itself (pure).
 */
export const programmeActuals = (content: ProgrammeContent, recorded: { indicatorId: string; period: string; value: number }[], sources: SourceFigures | undefined): ProgrammeActual[] => [
  ...recorded.map(({ indicatorId, period, value }) => ({ indicatorId, period, value })),
  ...indicatorsOf(content).flatMap(({ indicator }): ProgrammeActual[] => {
    const reported = reportedActualOf(indicator, sources);
    if (!reported || !liesWithin(reported.period, content.period)) return [];
    return recorded.some((actual) => actual.indicatorId === indicator.id && actual.period === reported.period) ? [] : [{ indicatorId: indicator.id, period: reported.period, value: reported.value, fromReport: true }];
  }),
];
