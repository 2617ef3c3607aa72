import type { MemorandumSummary, PendingStep } from '../../../functions/memoranda/schema.js';
import type { Commitment } from '../../../functions/obligations/schema.js';
import type { Report } from '../../../functions/reports/schema.js';

/**
 * What a home page lists as tasks, from what the API returned: pure, so that the
 * rules (grouping, order, whose turn) are tested without a browser.
 */

type Text = { uk?: string; en?: string };
export interface Period { start: string; end: string }

/** One report to write: a memorandum and period, covering every obligation due for it. */
export interface ReportDue {
  memorandumId: string;
  memorandumTitle: Text;
  period: Period;
  obligations: number;
  overdue: boolean;
  /** The draft already started for this memorandum and period, if any. */
  reportId?: string;
}

const samePeriod = (a: Period, b: Period) => a.start === b.start && a.end === b.end;

/** The reports due, one per memorandum and period: overdue first, then by the period's end. */
export const reportsDue = (commitments: Commitment[], openReports: Report[]): ReportDue[] => {
  const byKey = new Map<string, ReportDue>();
  for (const commitment of commitments) {
    const period = commitment.reportPeriod;
    if (!period) continue;
    const key = `${commitment.memorandumId}|${period.start}|${period.end}`;
    const task = byKey.get(key);
    if (task) {
      task.obligations += 1;
      task.overdue ||= commitment.overdue;
      continue;
    }
    const draft = openReports.find((report) => report.memorandumId === commitment.memorandumId && report.status === 'draft' && samePeriod(report.period, period));
    byKey.set(key, {
      memorandumId: commitment.memorandumId, memorandumTitle: commitment.memorandumTitle, period, obligations: 1, overdue: commitment.overdue,
      ...(draft ? { reportId: draft.id } : {}),
    });
  }
  return [...byKey.values()].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.period.end.localeCompare(b.period.end));
};

/** Drafts not already listed as a report due (started for another period, or early). A report is named within its memorandum. */
export const otherDrafts = (openReports: Report[], due: ReportDue[]): Report[] =>
  openReports.filter((report) => report.status === 'draft' && !due.some((task) => task.memorandumId === report.memorandumId && task.reportId === report.id));

export const returnedReports = (openReports: Report[]): Report[] => openReports.filter((report) => report.status === 'returned');

export interface MemorandumTask {
  id: string;
  title: Text;
  step: PendingStep['step'];
  /** The amendment the step is for, if it is not the memorandum itself. */
  amendment?: number;
  updatedAt: string;
}

/** Memoranda waiting for the caller's own approval or signature, longest waiting first. */
export const yourTurn = (summaries: MemorandumSummary[], userId: string): MemorandumTask[] =>
  summaries
    .flatMap((summary) => {
      const mine = summary.waitingFor?.find((step) => step.userId === userId);
      return mine ? [{ id: summary.id, title: summary.title, step: mine.step, ...(mine.amendment ? { amendment: mine.amendment } : {}), updatedAt: summary.updatedAt }] : [];
    })
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));

export interface WaitingOnOthers {
  id: string;
  title: Text;
  updatedAt: string;
  steps: PendingStep[];
}

/** Memoranda the caller's organisation drafted that wait for someone else, longest waiting first. */
export const waitingOnOthers = (summaries: MemorandumSummary[], me: { userId: string; orgId: string }): WaitingOnOthers[] =>
  summaries
    .filter((summary) => summary.draftingOrgId === me.orgId)
    .flatMap((summary) => {
      const steps = (summary.waitingFor ?? []).filter((step) => step.userId !== me.userId);
      return steps.length > 0 ? [{ id: summary.id, title: summary.title, updatedAt: summary.updatedAt, steps }] : [];
    })
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));

export interface OverduePartner {
  orgId: string;
  /** Their overdue obligations, earliest due first. */
  obligations: Commitment[];
}

/** Overdue obligations of other organisations, grouped by organisation, the most behind first. */
export const overduePartners = (commitments: Commitment[], ownOrgId: string): OverduePartner[] => {
  const byOrg = new Map<string, Commitment[]>();
  for (const commitment of commitments) {
    if (!commitment.overdue || commitment.ownerOrgId === ownOrgId) continue;
    byOrg.set(commitment.ownerOrgId, [...(byOrg.get(commitment.ownerOrgId) ?? []), commitment]);
  }
  return [...byOrg.entries()]
    .map(([orgId, obligations]) => ({ orgId, obligations: obligations.sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '')) }))
    .sort((a, b) => b.obligations.length - a.obligations.length || a.orgId.localeCompare(b.orgId));
};
