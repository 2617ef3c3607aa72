/**
 * The progress-report workflow as a pure function (issue 4):
 * draft → submitted → accepted | returned; returned → (edit) → submitted.
 * A council officer of the owning organisation edits and submits; a coordinator
 * of the memorandum's drafting organisation accepts or returns. Accepted reports
 * never change.
 */
export const reportStatuses = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const reportActions = ['edit', 'submit', 'accept', 'return'] as const;
export type ReportAction = (typeof reportActions)[number];

export interface ReportParticipant {
  /** A user of the organisation the report is from (it owns the obligations reported on). */
  ownerOfficer: boolean;
  /** A coordinator of the memorandum's drafting organisation. */
  reviewer: boolean;
}

export type ReportDecision =
  | { allowed: true; next: ReportStatus; event: string }
  | { allowed: false; code: 'forbidden' | 'invalid_transition'; reason: string };

const editable: ReportStatus[] = ['draft', 'returned'];

export const decideReport = (status: ReportStatus, action: ReportAction, who: ReportParticipant): ReportDecision => {
  const refuse = (code: 'forbidden' | 'invalid_transition', reason: string): ReportDecision => ({ allowed: false, code, reason });
  switch (action) {
    case 'edit':
    case 'submit':
      if (!who.ownerOfficer) return refuse('forbidden', 'Only officers of the reporting organisation can edit or submit its report.');
      if (!editable.includes(status)) return refuse('invalid_transition', status === 'accepted' ? 'An accepted report no longer changes.' : 'The report is with the reviewer.');
      return action === 'edit' ? { allowed: true, next: status, event: 'report_edited' } : { allowed: true, next: 'submitted', event: 'report_submitted' };
    case 'accept':
    case 'return':
      if (!who.reviewer) return refuse('forbidden', 'Only a coordinator of the drafting organisation reviews reports.');
      if (status !== 'submitted') return refuse('invalid_transition', 'Only a submitted report can be reviewed.');
      return action === 'accept' ? { allowed: true, next: 'accepted', event: 'report_accepted' } : { allowed: true, next: 'returned', event: 'report_returned' };
  }
};
