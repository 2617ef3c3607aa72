import type { FieldProblem } from '../core/errors.js';
import type { TrackedObligation } from '../obligations/schema.js';
import type { Report, ReportEntry, ReportEntryInput } from './schema.js';

/** Pure rules for report content. */

export const reportIdOf = (period: { start: string; end: string }, orgId: string): string => `${period.start}_${period.end}_${orgId}`;

/** A new report lists every obligation the organisation owns in the memorandum, as they stand. */
export const entriesFor = (obligations: TrackedObligation[]): ReportEntry[] =>
  obligations.map((obligation) => ({ obligationId: obligation.obligationId, status: obligation.status, percentComplete: obligation.percentComplete, indicatorActuals: [] }));

/** Entries may only be about the organisation's own obligations and their indicators; each at most once. */
export const entryProblems = (entries: ReportEntryInput[], owned: TrackedObligation[]): FieldProblem[] => {
  const byId = new Map(owned.map((obligation) => [obligation.obligationId, obligation]));
  const seen = new Set<string>();
  return entries.flatMap((entry, index): FieldProblem[] => {
    const obligation = byId.get(entry.obligationId);
    if (!obligation) return [{ path: `body.entries.${index}.obligationId`, message: 'Not an obligation of your organisation in this memorandum.' }];
    if (seen.has(entry.obligationId)) return [{ path: `body.entries.${index}.obligationId`, message: 'Reported twice.' }];
    seen.add(entry.obligationId);
    const indicators = new Set(obligation.indicators.map((indicator) => indicator.id));
    return (entry.indicatorActuals ?? []).flatMap((actual, at) =>
      indicators.has(actual.indicatorId) ? [] : [{ path: `body.entries.${index}.indicatorActuals.${at}.indicatorId`, message: 'Not an indicator of this obligation.' }],
    );
  });
};

/** Saving replaces the entries given and keeps the others (and any reviewer comments on untouched ones). */
export const applyEntries = (report: Report, entries: ReportEntryInput[]): ReportEntry[] =>
  report.entries.map((current) => {
    const change = entries.find((entry) => entry.obligationId === current.obligationId);
    return change
      ? { obligationId: current.obligationId, status: change.status, percentComplete: change.percentComplete, indicatorActuals: change.indicatorActuals ?? [], ...(change.narrative ? { narrative: change.narrative } : {}) }
      : current;
  });
