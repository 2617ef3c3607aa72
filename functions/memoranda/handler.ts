import { isoNow } from '../core/clock.js';
import { AppError, invalid, notFound } from '../core/errors.js';
import { createdResponse, moduleHandler } from '../core/handler.js';
import { newId } from '../core/ids.js';
import { pageLimit } from '../core/schemas.js';
import { tableContext } from '../data/client.js';
import { chainEvent } from './audit-chain.js';
import { diffContents } from './diff.js';
import { newDraft, partyStatesFor, submissionProblems } from './model.js';
import { memorandumRepository, type StoredMemorandum } from './repository.js';
import { memorandumUseCases } from './use-cases.js';
import { decide, participantOf } from './workflow.js';
import { summaryOf } from '../reports/model.js';
import { amendmentUseCases } from './amendment-use-cases.js';
import { memorandumRoutes } from './routes.js';

const memoranda = memorandumRepository(tableContext());
const useCases = memorandumUseCases(memoranda);
const { loadVisible, requireVersion, publicView, resolveDirectory, checkedDirectory, transition } = useCases;
const amendments = amendmentUseCases(memoranda, useCases);

export const handler = moduleHandler('memoranda', memorandumRoutes, {
  async listMemoranda({ actor, query }) {
    return { body: await memoranda.listForOrganisation(actor.orgId, { limit: pageLimit(query.limit), ...(query.cursor ? { cursor: query.cursor } : {}), ...(query.status ? { status: query.status } : {}), oldestFirst: query.order === 'oldest' }) };
  },

  async createMemorandum({ actor, body, idempotency }) {
    const content = body.content ?? (await loadVisible(actor, body.templateId ?? '')).memorandum.content;
    const directory = await checkedDirectory(content, actor.orgId);
    const { head, event, revision } = newDraft({ id: newId(), content, directory, actor, now: isoNow(), templateId: body.templateId });
    const result = createdResponse('/api/memoranda', publicView(head));
    await memoranda.write({ head, events: [event], revision, alongside: idempotency ? [idempotency.record(result)] : [] });
    return result;
  },

  async getMemorandum({ actor, params }) {
    const { memorandum, events, attachments, obligations, reports } = await loadVisible(actor, params.memorandumId);
    const visibleReports = reports.filter((report) => report.orgId === actor.orgId || memorandum.draftingOrgId === actor.orgId).map(({ draftingOrgId: _drafting, ...report }) => report);
    const reportTimeline = reports.map(summaryOf).sort((a, b) => a.period.start.localeCompare(b.period.start) || a.orgId.localeCompare(b.orgId));
    return { body: { memorandum: publicView(memorandum), events, attachments, obligations, reports: visibleReports, reportTimeline }, version: memorandum.version };
  },

  async saveDraft({ actor, params, body, ifMatch }) {
    const { memorandum } = await loadVisible(actor, params.memorandumId);
    requireVersion(memorandum, ifMatch);
    const decision = decide({ status: memorandum.status, parties: memorandum.parties, signedBy: memorandum.signedBy }, 'edit', participantOf(actor, memorandum));
    if (!decision.allowed) throw new AppError(decision.code, decision.reason);
    const directory = await checkedDirectory(body.content, memorandum.draftingOrgId);
    const now = isoNow();
    const revision = memorandum.revision + 1;
    const event = chainEvent(memorandum.auditHead, { at: now, actor: { userId: actor.userId, orgId: actor.orgId }, action: 'edited', detail: { revision } });
    const head: StoredMemorandum = {
      ...memorandum, content: body.content, directory, revision, parties: partyStatesFor(body.content, memorandum.parties),
      version: memorandum.version + 1, updatedAt: now, auditHead: { seq: event.seq, hash: event.hash },
    };
    const kept = new Set(body.content.parties.map((party) => party.orgId));
    const removedParties = memorandum.content.parties.map((party) => party.orgId).filter((orgId) => !kept.has(orgId));
    await memoranda.write({ head, expectedVersion: memorandum.version, events: [event], revision: { revision, content: body.content, savedAt: now, savedBy: actor.userId }, removedParties });
    return { body: publicView(head), version: head.version };
  },

  async submitMemorandum({ actor, params, ifMatch }) {
    return transition({ actor, memorandumId: params.memorandumId, ifMatch, action: 'submit' }, async (memorandum, _next, event) => {
      const problems = submissionProblems(memorandum.content);
      if (problems.length > 0) throw invalid(problems, 'Each party needs a named approver and signatory before submitting.');
      // People may have been disabled since the draft was saved.
      // From its first submission on, the other parties see it (and keep seeing it when it is returned to a draft).
      return { directory: await resolveDirectory(memorandum.content, 'content'), reviewRevision: memorandum.revision, sharedAt: memorandum.sharedAt ?? event.at };
    });
  },

  async withdrawMemorandum({ actor, params, ifMatch }) {
    return transition({ actor, memorandumId: params.memorandumId, ifMatch, action: 'withdraw' });
  },

  async returnMemorandum({ actor, params, body, ifMatch }) {
    const anchor = body.anchor ? { anchor: body.anchor } : {};
    return transition({ actor, memorandumId: params.memorandumId, ifMatch, action: 'return', detail: { orgId: actor.orgId, comment: body.comment, ...anchor } }, (memorandum, _next, event) => ({
      comments: [...memorandum.comments, { orgId: actor.orgId, userId: actor.userId, at: event.at, revision: memorandum.revision, comment: body.comment, ...anchor }],
    }));
  },

  async closeMemorandum({ actor, params, body, ifMatch }) {
    return transition({ actor, memorandumId: params.memorandumId, ifMatch, action: 'close', detail: { reason: body.reason } });
  },

  async terminateMemorandum({ actor, params, body, ifMatch }) {
    return transition({ actor, memorandumId: params.memorandumId, ifMatch, action: 'terminate', detail: { reason: body.reason } });
  },

  async listRevisions({ actor, params }) {
    const items = await memoranda.revisionsForParty(params.memorandumId, actor.orgId);
    if (!items) throw notFound('The memorandum');
    return { body: { items } };
  },

  async diffRevisions({ actor, params, query }) {
    const from = Number(query.from);
    const to = Number(query.to);
    const contents = await memoranda.revisionContentsForParty(params.memorandumId, actor.orgId, [from, to]);
    if (!contents) throw notFound('The memorandum');
    const before = contents.get(from);
    const after = contents.get(to);
    if (!before || !after) {
      throw invalid([...(before ? [] : [{ path: 'query.from', message: 'No such revision.' }]), ...(after ? [] : [{ path: 'query.to', message: 'No such revision.' }])]);
    }
    return { body: { from, to, sections: diffContents(before, after) } };
  },

  async startAmendment({ actor, params, body, idempotency }) {
    const { head, write, amendment } = await amendments.start(actor, params.memorandumId, body.summary);
    const result = { body: publicView(head), version: head.version, location: `/api/memoranda/${head.id}/amendments/${amendment.number}` };
    await memoranda.write({ ...write, alongside: idempotency ? [idempotency.record(result)] : [] });
    return result;
  },

  async saveAmendment({ actor, params, body, ifMatch }) {
    return amendments.save(actor, params.memorandumId, Number(params.number), ifMatch, body);
  },

  async submitAmendment({ actor, params, ifMatch }) {
    return amendments.submit(actor, params.memorandumId, Number(params.number), ifMatch);
  },

  async returnAmendment({ actor, params, body, ifMatch }) {
    const anchor = body.anchor ? { anchor: body.anchor } : {};
    return amendments.step({ actor, memorandumId: params.memorandumId, number: Number(params.number), ifMatch, action: 'return', detail: { orgId: actor.orgId, comment: body.comment, ...anchor } }, ({ amendment, event }) => ({
      amendment: { comments: [...amendment.comments, { orgId: actor.orgId, userId: actor.userId, at: event.at, revision: amendment.revision, comment: body.comment, ...anchor }] },
    }));
  },

  async abandonAmendment({ actor, params, body, ifMatch }) {
    return amendments.step({ actor, memorandumId: params.memorandumId, number: Number(params.number), ifMatch, action: 'abandon', detail: { reason: body.reason } });
  },

});
