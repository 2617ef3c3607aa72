import { hasRole, type Actor } from '../core/actor.js';
import { requireVersion } from '../core/versions.js';
import { isoNow } from '../core/clock.js';
import { countEvent } from '../core/metrics.js';
import { documentStore, issueUploadForm, receiveUpload, removeUpload, verifiedDownloadLink } from '../files/document-store.js';
import { documentMaxBytes } from '../files/schema.js';
import { AppError, invalid, notFound } from '../core/errors.js';
import { moduleHandler } from '../core/handler.js';
import { tableContext } from '../data/client.js';
import { memorandumRepository } from '../memoranda/repository.js';
import { visibleTo } from '../memoranda/workflow.js';
import { pageLimit } from '../core/schemas.js';
import { acceptedObligation, progressDelta } from './acceptance.js';
import { reportGraceDays } from './grace.js';
import { addEvidence, withStep, applyEntries, competingReports, completionEntries, completionPeriod, completionProblems, entriesFor, entryProblems, evidenceProblem, findEvidence, periodProblems, removeEvidence, reportIdOf, reportSizeProblem, submissionProblems } from './model.js';
import { evidenceKey } from './document-keys.js';
import { reportRepository, type StoredReport } from './repository.js';
import type { Report } from './schema.js';
import { decideReport, type ReportAction } from './workflow.js';
import { today as todayIn } from '../core/calendar.js';
import { reportRoutes } from './routes.js';

const memoranda = memorandumRepository(tableContext());
const reports = reportRepository(tableContext());

const participantOf = (actor: Actor, report: StoredReport) => ({
  ownerOfficer: actor.orgId === report.orgId && hasRole(actor, 'council', 'coordinator'),
  reviewer: actor.orgId === report.draftingOrgId && hasRole(actor, 'coordinator'),
});

/** Only the reporting organisation and the drafting organisation (its reviewer) know a report exists. */
const loadVisible = async (actor: Actor, memorandumId: string, reportId: string): Promise<StoredReport> => {
  const report = await reports.get(memorandumId, reportId);
  if (!report || (actor.orgId !== report.orgId && actor.orgId !== report.draftingOrgId)) throw notFound('The report');
  return report;
};

const publicView = ({ draftingOrgId: _drafting, ...report }: StoredReport): Report => report;

const guard = (actor: Actor, report: StoredReport, action: ReportAction, ifMatch: number) => {
  requireVersion(report, ifMatch, 'report');
  const decision = decideReport(report.status, action, participantOf(actor, report));
  if (!decision.allowed) throw new AppError(decision.code, decision.reason);
  return decision;
};

/** The organisation's obligations in a memorandum it sees (the memorandum's one Query). */
const ownedObligations = async (actor: Actor, memorandumId: string) => {
  const loaded = await memoranda.load(memorandumId);
  if (!loaded || !visibleTo(actor.orgId, loaded.memorandum)) throw notFound('The memorandum');
  return { memorandum: loaded.memorandum, owned: loaded.obligations.filter((obligation) => obligation.ownerOrgId === actor.orgId), reports: loaded.reports };
};

export const handler = moduleHandler('reports', reportRoutes, {
  async createReport({ actor, params, body, idempotency }) {
    const { memorandum, owned, reports: reportsOnIt } = await ownedObligations(actor, params.memorandumId);
    if (memorandum.status !== 'active') throw new AppError('invalid_transition', 'Reports are made on memoranda in force.');
    if (!owned.some((obligation) => !obligation.endedBy)) throw new AppError('invalid_transition', 'Your organisation has no obligations in this memorandum to report on.');
    const { completes } = body;
    const today = todayIn(undefined, memorandum.content.timeZone);
    // Obligations an amendment ended are no longer reported on (their earlier reports stay).
    const current = owned.filter((obligation) => !obligation.endedBy);
    const reportedOn = completes ? current.filter((obligation) => obligation.obligationId === completes) : current;
    const completionIssues = completes ? completionProblems(completes, owned) : [];
    if (completionIssues.length > 0) throw invalid(completionIssues);
    const [completed] = reportedOn;
    const period = body.period ?? (completed ? completionPeriod(completed, memorandum.content.term, today) : undefined);
    if (!period) throw invalid([{ path: 'body.period', message: 'Required.' }]);
    const problems = periodProblems(period, { today, graceDays: reportGraceDays, term: memorandum.content.term, others: competingReports(reportsOnIt, actor.orgId, completes) });
    if (problems.length > 0) throw invalid(problems);
    const now = isoNow();
    const report: StoredReport = {
      id: reportIdOf(period, actor.orgId, completes), memorandumId: memorandum.id, orgId: actor.orgId, draftingOrgId: memorandum.draftingOrgId,
      memorandumTitle: memorandum.content.title, ...(memorandum.directory.organisations[actor.orgId] ? { orgName: memorandum.directory.organisations[actor.orgId] } : {}),
      period, ...(completes ? { completes } : {}), status: 'draft', entries: completes ? completionEntries(reportedOn) : entriesFor(current), version: 1, createdAt: now, updatedAt: now,
    };
    const result = { body: publicView(report), version: 1, location: `/api/memoranda/${memorandum.id}/reports/${report.id}` };
    await reports.create(report, idempotency ? [idempotency.record(result)] : []);
    return result;
  },

  async getReport({ actor, params }) {
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    return { body: publicView(report), version: report.version };
  },

  async saveReport({ actor, params, body, ifMatch, idempotency }) {
    // A retry of a save that landed answers as it did, not with a 412 for the version it moved.
    await idempotency?.replayIfCompleted();
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    guard(actor, report, 'edit', ifMatch);
    const { owned } = await ownedObligations(actor, params.memorandumId);
    // A completion report is about its one obligation only.
    const problems = entryProblems(body.entries, report.completes ? owned.filter((obligation) => obligation.obligationId === report.completes) : owned);
    if (problems.length > 0) throw invalid(problems);
    const next: StoredReport = { ...report, entries: applyEntries(report, body.entries), version: report.version + 1, updatedAt: isoNow() };
    const tooLarge = reportSizeProblem(next);
    if (tooLarge) throw invalid([tooLarge]);
    const result = { body: publicView(next), version: next.version };
    await reports.update(next, report.version, idempotency ? [idempotency.record(result, 200)] : []);
    return result;
  },

  async acceptReport({ actor, params, ifMatch }) {
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    const decision = guard(actor, report, 'accept', ifMatch);
    const loaded = await memoranda.load(params.memorandumId);
    // An obligation an amendment ended keeps its state: a report written before the amendment does not revive it.
    const owned = (loaded?.obligations ?? []).filter((obligation) => obligation.ownerOrgId === report.orgId && !obligation.endedBy);
    const before = report.entries.flatMap((entry) => owned.filter((obligation) => obligation.obligationId === entry.obligationId));
    const after = before.map((obligation) => {
      const entry = report.entries.find((candidate) => candidate.obligationId === obligation.obligationId);
      return entry ? acceptedObligation(obligation, entry, report.period.end) : obligation;
    });
    const now = isoNow();
    const next: StoredReport = { ...report, status: decision.next, reviewedAt: now, history: withStep(report, { action: 'accepted', at: now, by: actor.userId }), version: report.version + 1, updatedAt: now };
    await reports.accept(next, report.version, { before, after, delta: progressDelta(before, after) });
    countEvent('reportsAccepted');
    return { body: publicView(next), version: next.version };
  },

  async returnReport({ actor, params, body, ifMatch }) {
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    const decision = guard(actor, report, 'return', ifMatch);
    const unknown = (body.entryComments ?? []).flatMap((comment, index) => (report.entries.some((entry) => entry.obligationId === comment.obligationId) ? [] : [{ path: `body.entryComments.${index}.obligationId`, message: 'Not an entry of this report.' }]));
    if (unknown.length > 0) throw invalid(unknown);
    const now = isoNow();
    const entries = report.entries.map((entry) => {
      const comment = body.entryComments?.find((candidate) => candidate.obligationId === entry.obligationId)?.comment;
      const { reviewComment: _previous, ...rest } = entry;
      return comment ? { ...rest, reviewComment: comment } : rest;
    });
    const { reviewComment: _old, ...rest } = report;
    const step = { action: 'returned' as const, at: now, by: actor.userId, ...(body.comment ? { comment: body.comment } : {}), ...(body.entryComments?.length ? { entryComments: body.entryComments } : {}) };
    const next: StoredReport = { ...rest, entries, status: decision.next, reviewedAt: now, ...(body.comment ? { reviewComment: body.comment } : {}), history: withStep(report, step), version: report.version + 1, updatedAt: now };
    await reports.update(next, report.version);
    return { body: publicView(next), version: next.version };
  },

  async requestEvidenceUpload({ actor, params, body }) {
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    const decision = decideReport(report.status, 'edit', participantOf(actor, report));
    if (!decision.allowed) throw new AppError(decision.code, decision.reason);
    const problem = evidenceProblem(report, body.obligationId);
    if (problem) throw invalid([problem]);
    return { body: await issueUploadForm(documentStore(), (uploadId) => evidenceKey(report.memorandumId, report.id, uploadId), { contentType: body.contentType, maxBytes: documentMaxBytes }) };
  },

  async attachEvidence({ actor, params, body, ifMatch, idempotency }) {
    await idempotency?.replayIfCompleted();
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    guard(actor, report, 'edit', ifMatch);
    const problem = evidenceProblem(report, body.obligationId);
    if (problem) throw invalid([problem]);
    // Once confirmed, an upload is never checked again: its form, posted again, cannot replace the checked file.
    if (report.entries.some((entry) => entry.evidence?.some((file) => file.id === body.uploadId))) throw new AppError('already_done', 'This upload is already attached.');
    // The API is the gate: S3's policy is not enforced everywhere, and S3 trusts the declared type.
    const stored = await receiveUpload(documentStore(), evidenceKey(report.memorandumId, report.id, body.uploadId), { contentType: body.contentType, maxBytes: documentMaxBytes });
    const now = isoNow();
    const evidence = { id: body.uploadId, filename: body.filename, contentType: body.contentType, size: stored.size, sha256: stored.sha256, uploadedAt: now, uploadedBy: actor.userId };
    const next: StoredReport = { ...report, entries: addEvidence(report, body.obligationId, evidence), version: report.version + 1, updatedAt: now };
    const result = { body: publicView(next), version: next.version, location: `/api/memoranda/${report.memorandumId}/reports/${report.id}/evidence/${evidence.id}` };
    await reports.update(next, report.version, idempotency ? [idempotency.record(result)] : []);
    return result;
  },

  async getEvidenceLink({ actor, params }) {
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    const evidence = findEvidence(report, params.evidenceId);
    if (!evidence) throw notFound('The evidence file');
    return { body: await verifiedDownloadLink(documentStore(), evidenceKey(report.memorandumId, report.id, evidence.id), evidence) };
  },

  async removeEvidence({ actor, params, ifMatch }) {
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    guard(actor, report, 'edit', ifMatch);
    if (!findEvidence(report, params.evidenceId)) throw notFound('The evidence file');
    const next: StoredReport = { ...report, entries: removeEvidence(report, params.evidenceId), version: report.version + 1, updatedAt: isoNow() };
    await reports.update(next, report.version);
    // Only once the report no longer names it: a failed delete leaves an orphan, never a dangling reference.
    await removeUpload(documentStore(), evidenceKey(report.memorandumId, report.id, params.evidenceId));
    return { body: publicView(next), version: next.version };
  },

  async listReviewQueue({ actor, query }) {
    const page = await reports.reviewQueue(actor.orgId, pageLimit(query.limit), query.cursor);
    return { body: { items: page.items.map(publicView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) } };
  },

  /** The caller's own organisation's reports in its hands: the relationship is the token's organisation, never a parameter. */
  async listOpenReports({ actor, query }) {
    const page = await reports.openReports(actor.orgId, pageLimit(query.limit), query.cursor);
    return { body: { items: page.items.map(publicView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) } };
  },

  async submitReport({ actor, params, ifMatch }) {
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    const decision = guard(actor, report, 'submit', ifMatch);
    const problems = submissionProblems(report);
    if (problems.length > 0) throw invalid(problems);
    const now = isoNow();
    const next: StoredReport = { ...report, status: decision.next, submittedAt: now, history: withStep(report, { action: 'submitted', at: now, by: actor.userId }), version: report.version + 1, updatedAt: now };
    await reports.update(next, report.version);
    return { body: publicView(next), version: next.version };
  },
});
