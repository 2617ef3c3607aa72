import { hasRole, type Actor } from '../core/actor.js';
import { isoNow } from '../core/clock.js';
import { AppError, invalid, notFound } from '../core/errors.js';
import { moduleHandler } from '../core/handler.js';
import { tableContext } from '../data/client.js';
import { memorandumRepository } from '../memoranda/repository.js';
import { pageLimit } from '../core/schemas.js';
import { acceptedObligation, progressDelta } from './acceptance.js';
import { applyEntries, entriesFor, entryProblems, reportIdOf } from './model.js';
import { reportRepository, type StoredReport } from './repository.js';
import type { Report } from './schema.js';
import { decideReport, type ReportAction } from './workflow.js';

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
  if (report.version !== ifMatch) throw new AppError('stale_version', `The report is now at version ${report.version}. Reload it and try again.`);
  const decision = decideReport(report.status, action, participantOf(actor, report));
  if (!decision.allowed) throw new AppError(decision.code, decision.reason);
  return decision;
};

/** The organisation's obligations in an active memorandum it is party to (the memorandum's one Query). */
const ownedObligations = async (actor: Actor, memorandumId: string) => {
  const loaded = await memoranda.load(memorandumId);
  if (!loaded || !loaded.memorandum.content.parties.some((party) => party.orgId === actor.orgId)) throw notFound('The memorandum');
  return { memorandum: loaded.memorandum, owned: loaded.obligations.filter((obligation) => obligation.ownerOrgId === actor.orgId) };
};

export const handler = moduleHandler('reports', {
  async createReport({ actor, params, body, idempotency }) {
    const { memorandum, owned } = await ownedObligations(actor, params.memorandumId);
    if (memorandum.status !== 'active') throw new AppError('invalid_transition', 'Reports are made on memoranda in force.');
    if (owned.length === 0) throw new AppError('invalid_transition', 'Your organisation has no obligations in this memorandum to report on.');
    const problems = [
      ...(body.period.start < memorandum.content.term.start ? [{ path: 'body.period.start', message: `The memorandum starts on ${memorandum.content.term.start}.` }] : []),
      ...(memorandum.content.term.end && body.period.end > memorandum.content.term.end ? [{ path: 'body.period.end', message: `The memorandum ends on ${memorandum.content.term.end}.` }] : []),
    ];
    if (problems.length > 0) throw invalid(problems);
    const now = isoNow();
    const report: StoredReport = {
      id: reportIdOf(body.period, actor.orgId), memorandumId: memorandum.id, orgId: actor.orgId, draftingOrgId: memorandum.draftingOrgId,
      period: body.period, status: 'draft', entries: entriesFor(owned), version: 1, createdAt: now, updatedAt: now,
    };
    const result = { body: publicView(report), version: 1, location: `/api/memoranda/${memorandum.id}/reports/${report.id}` };
    await reports.create(report, idempotency ? [idempotency.record(result)] : []);
    return result;
  },

  async getReport({ actor, params }) {
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    return { body: publicView(report), version: report.version };
  },

  async saveReport({ actor, params, body, ifMatch }) {
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    guard(actor, report, 'edit', ifMatch);
    const { owned } = await ownedObligations(actor, params.memorandumId);
    const problems = entryProblems(body.entries, owned);
    if (problems.length > 0) throw invalid(problems);
    const next: StoredReport = { ...report, entries: applyEntries(report, body.entries), version: report.version + 1, updatedAt: isoNow() };
    await reports.update(next, report.version);
    return { body: publicView(next), version: next.version };
  },

  async acceptReport({ actor, params, ifMatch }) {
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    const decision = guard(actor, report, 'accept', ifMatch);
    const loaded = await memoranda.load(params.memorandumId);
    const owned = (loaded?.obligations ?? []).filter((obligation) => obligation.ownerOrgId === report.orgId);
    const before = report.entries.flatMap((entry) => owned.filter((obligation) => obligation.obligationId === entry.obligationId));
    const after = before.map((obligation) => {
      const entry = report.entries.find((candidate) => candidate.obligationId === obligation.obligationId);
      return entry ? acceptedObligation(obligation, entry) : obligation;
    });
    const now = isoNow();
    const next: StoredReport = { ...report, status: decision.next, reviewedAt: now, version: report.version + 1, updatedAt: now };
    await reports.accept(next, report.version, { before, after, delta: progressDelta(before, after) });
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
    const next: StoredReport = { ...rest, entries, status: decision.next, reviewedAt: now, ...(body.comment ? { reviewComment: body.comment } : {}), version: report.version + 1, updatedAt: now };
    await reports.update(next, report.version);
    return { body: publicView(next), version: next.version };
  },

  async listReviewQueue({ actor, query }) {
    const page = await reports.reviewQueue(actor.orgId, pageLimit(query.limit), query.cursor);
    return { body: { items: page.items.map(publicView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) } };
  },

  async submitReport({ actor, params, ifMatch }) {
    const report = await loadVisible(actor, params.memorandumId, params.reportId);
    const decision = guard(actor, report, 'submit', ifMatch);
    const now = isoNow();
    const next: StoredReport = { ...report, status: decision.next, submittedAt: now, version: report.version + 1, updatedAt: now };
    await reports.update(next, report.version);
    return { body: publicView(next), version: next.version };
  },
});
