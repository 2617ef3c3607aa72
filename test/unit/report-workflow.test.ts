import { describe, expect, it } from 'vitest';
import { decideReport, reportActions, reportStatuses, type ReportAction, type ReportParticipant, type ReportStatus } from '../../functions/reports/workflow.js';

const participants: Record<string, ReportParticipant> = {
  ownerOfficer: { ownerOfficer: true, reviewer: false },
  reviewer: { ownerOfficer: false, reviewer: true },
  stranger: { ownerOfficer: false, reviewer: false },
};

/** The only allowed combinations and where they lead. */
const allowed: [ReportStatus, ReportAction, string, ReportStatus][] = [
  ['draft', 'edit', 'ownerOfficer', 'draft'],
  ['draft', 'submit', 'ownerOfficer', 'submitted'],
  ['returned', 'edit', 'ownerOfficer', 'returned'],
  ['returned', 'submit', 'ownerOfficer', 'submitted'],
  ['submitted', 'accept', 'reviewer', 'accepted'],
  ['submitted', 'return', 'reviewer', 'returned'],
];

const cases = reportStatuses.flatMap((status) => reportActions.flatMap((action) => Object.keys(participants).map((who) => ({ status, action, who }))));

describe('progress report workflow: every state × action × relationship', () => {
  it.each(cases)('$status + $action by $who', ({ status, action, who }) => {
    const rule = allowed.find(([s, a, w]) => s === status && a === action && w === who);
    const decision = decideReport(status, action, participants[who] ?? { ownerOfficer: false, reviewer: false });
    if (rule) expect(decision).toMatchObject({ allowed: true, next: rule[3] });
    else expect(decision.allowed).toBe(false);
  });

  it('keeps accepted reports unchangeable, with the reason', () => {
    expect(decideReport('accepted', 'edit', { ownerOfficer: true, reviewer: false })).toEqual({ allowed: false, code: 'invalid_transition', reason: 'An accepted report no longer changes.' });
  });
});
