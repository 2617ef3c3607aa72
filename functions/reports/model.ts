import type { FieldProblem } from '../core/errors.js';
import type { TrackedObligation } from '../obligations/schema.js';
import { evidencePerEntry, type Evidence, type Report, type ReportEntry, type ReportEntryInput, type ReportStep, type ReportSummary } from './schema.js';
import { addDays, dateIn } from '../core/calendar.js';

/** Pure rules for report content. */

export const reportIdOf = (period: { start: string; end: string }, orgId: string, completes?: string): string => `${period.start}_${period.end}_${orgId}${completes ? `~${completes}` : ''}`;

/** A one-off obligation is reported as done once (a completion report); a recurring one, per period. */
export const isOneOff = (obligation: Pick<TrackedObligation, 'recurrence'>): boolean => obligation.recurrence === undefined || obligation.recurrence === 'once';

/** Whether the organisation may report `obligationId` as done on its own. */
export const completionProblems = (obligationId: string, owned: TrackedObligation[]): FieldProblem[] => {
  const obligation = owned.find((candidate) => candidate.obligationId === obligationId);
  if (!obligation) return [{ path: 'body.completes', message: 'Not an obligation of your organisation in this memorandum.' }];
  if (!isOneOff(obligation)) return [{ path: 'body.completes', message: 'A recurring obligation is reported per period, not as done once.' }];
  if (obligation.status === 'done' || obligation.status === 'cancelled') return [{ path: 'body.completes', message: 'This obligation is already done or cancelled.' }];
  return [];
};

/** A completion report's period unless the organisation names one: from the obligation's signing (within the term) to today. */
export const completionPeriod = (obligation: Pick<TrackedObligation, 'createdAt'>, term: { start: string }, today: string): { start: string; end: string } => {
  const signed = dateIn(obligation.createdAt);
  const start = signed < term.start ? term.start : signed;
  return { start: start > today ? today : start, end: today };
};

/**
 * The reports a new one must not overlap: a periodic report, the organisation's other
 * periodic reports; a completion report, the other completion reports of its obligation.
 */
export const competingReports = <R extends Pick<Report, 'orgId' | 'completes'>>(reports: R[], orgId: string, completes: string | undefined): R[] =>
  reports.filter((report) => report.orgId === orgId && report.completes === completes);

/** What submitting needs beyond saying something: a completion report says its obligation is done. */
export const submissionProblems = (report: Pick<Report, 'completes' | 'entries'>): FieldProblem[] => {
  if (!report.entries.some(saysSomething)) return [{ path: 'entries', message: 'The report says nothing yet: give progress, a narrative, an indicator actual or evidence for at least one obligation.' }];
  if (report.completes && !report.entries.some((entry) => entry.obligationId === report.completes && entry.status === 'done')) {
    return [{ path: 'entries', message: 'A completion report says the obligation is done: set its status to done.' }];
  }
  return [];
};

/** A new report lists every obligation the organisation owns in the memorandum, as they stand. */
export const entriesFor = (obligations: TrackedObligation[]): ReportEntry[] =>
  obligations.map((obligation) => ({ obligationId: obligation.obligationId, status: obligation.status, percentComplete: obligation.percentComplete, indicatorActuals: [] }));

/** A completion report starts saying what it is for: its obligation done, in full. */
export const completionEntries = (obligations: TrackedObligation[]): ReportEntry[] =>
  entriesFor(obligations).map((entry) => ({ ...entry, status: 'done', percentComplete: 100 }));

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

/** How many days before a period ends its report may be started (a quarter's report in its last week, say). */
export const defaultReportGraceDays = 7;

/**
 * Which periods a report may cover (pure): inside the memorandum's term, ended (or ending
 * within the grace days), and not overlapping a report of the same organisation on the
 * memorandum that is already submitted or accepted.
 */
export const periodProblems = (
  period: { start: string; end: string },
  context: { today: string; graceDays: number; term: { start: string; end?: string | null | undefined }; others: Pick<Report, 'period' | 'status'>[] },
): FieldProblem[] => [
  ...(period.start < context.term.start ? [{ path: 'body.period.start', message: `The memorandum starts on ${context.term.start}.` }] : []),
  ...(context.term.end && period.end > context.term.end ? [{ path: 'body.period.end', message: `The memorandum ends on ${context.term.end}.` }] : []),
  ...(period.end > addDays(context.today, context.graceDays) ? [{ path: 'body.period.end', message: `A period can be reported from ${context.graceDays} days before it ends.` }] : []),
  ...(context.others.some((other) => (other.status === 'submitted' || other.status === 'accepted') && other.period.start <= period.end && period.start <= other.period.end)
    ? [{ path: 'body.period.start', message: 'Overlaps a period your organisation has already reported on.' }]
    : []),
];

/** Whether an entry says anything: progress, a narrative, an indicator actual or evidence. */
export const saysSomething = (entry: ReportEntry): boolean =>
  entry.status !== 'not_started' || entry.percentComplete > 0 || (entry.narrative ?? '') !== '' || entry.indicatorActuals.length > 0 || (entry.evidence ?? []).length > 0;

/** Saving replaces the entries given and keeps the others (and any reviewer comments on untouched ones). */
export const applyEntries = (report: Report, entries: ReportEntryInput[]): ReportEntry[] =>
  report.entries.map((current) => {
    const change = entries.find((entry) => entry.obligationId === current.obligationId);
    return change
      ? {
          obligationId: current.obligationId, status: change.status, percentComplete: change.percentComplete, indicatorActuals: change.indicatorActuals ?? [],
          ...(change.narrative ? { narrative: change.narrative } : {}),
          ...(current.evidence ? { evidence: current.evidence } : {}),
        }
      : current;
  });

/** Why an entry cannot take another file, if it cannot. */
export const evidenceProblem = (report: Report, obligationId: string): FieldProblem | undefined => {
  const entry = report.entries.find((candidate) => candidate.obligationId === obligationId);
  if (!entry) return { path: 'body.obligationId', message: 'Not an entry of this report.' };
  if ((entry.evidence ?? []).length >= evidencePerEntry) return { path: 'body.obligationId', message: `An entry holds at most ${evidencePerEntry} files. Remove one first.` };
  return undefined;
};

export const addEvidence = (report: Report, obligationId: string, evidence: Evidence): ReportEntry[] =>
  report.entries.map((entry) => (entry.obligationId === obligationId ? { ...entry, evidence: [...(entry.evidence ?? []).filter((file) => file.id !== evidence.id), evidence] } : entry));

export const removeEvidence = (report: Report, evidenceId: string): ReportEntry[] =>
  report.entries.map((entry) => (entry.evidence?.some((file) => file.id === evidenceId) ? { ...entry, evidence: entry.evidence.filter((file) => file.id !== evidenceId) } : entry));

export const findEvidence = (report: Report, evidenceId: string): Evidence | undefined =>
  report.entries.flatMap((entry) => entry.evidence ?? []).find((file) => file.id === evidenceId);

/**
 * A report is one DynamoDB item (400 KB at most): long narratives on many
 * entries could outgrow it, so saving refuses with a clear message first.
 */
export const reportByteLimit = 350 * 1024;
export const reportSizeProblem = (report: Report): FieldProblem | undefined =>
  new TextEncoder().encode(JSON.stringify(report)).byteLength > reportByteLimit ? { path: 'body.entries', message: 'The report is too long to store. Shorten the narratives.' } : undefined;

/** The review history with one more step: submissions, returns and the acceptance, oldest first. */
export const withStep = (report: Report, step: ReportStep): ReportStep[] => [...(report.history ?? []), step];

/** What everyone with access to the memorandum may know of a report: whose, for when, and where it stands. */
export const summaryOf = (report: Report): ReportSummary => ({
  id: report.id, orgId: report.orgId, period: report.period, status: report.status, ...(report.completes ? { completes: report.completes } : {}),
  ...(report.submittedAt ? { submittedAt: report.submittedAt } : {}),
  ...(report.reviewedAt ? { reviewedAt: report.reviewedAt } : {}),
});
