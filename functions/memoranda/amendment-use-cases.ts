import type { Actor } from '../core/actor.js';
import { dateIn } from '../core/calendar.js';
import { isoNow } from '../core/clock.js';
import { AppError, invalid, notFound } from '../core/errors.js';
import { chainEvent, type ChainedEvent } from './audit-chain.js';
import {
  amendingParties, amendmentNumbered, amendmentParticipant, amendmentSubmissionProblems, decideAmendment, mergedDirectory, newAmendment, obligationChanges, progressDeltas, startProblem, type AmendmentAction,
} from './amendments.js';
import { submissionProblems } from './model.js';
import type { TrackedObligation } from '../obligations/schema.js';
import type { MemorandumRepository, MemorandumWrite, Revision, StoredMemorandum } from './repository.js';
import type { Amendment, MemorandumContent } from './schema.js';
import { IntegrityFailure, type memorandumUseCases } from './use-cases.js';
import type { WorkflowState } from './workflow.js';

type Base = ReturnType<typeof memorandumUseCases>;

/** What a step adds to the amendment (and, when it saves a revision, that revision). */
interface StepChange {
  amendment?: Partial<Amendment>;
  revision?: Revision;
}

const by = (actor: Actor) => ({ userId: actor.userId, orgId: actor.orgId });

/**
 * The amendment steps over the memorandum's repository: one transaction per step
 * holding the head (its version guards every step, the memorandum's and the
 * amendment's alike), the audit event in the memorandum's chain and, on the last
 * signature, the tracked obligations following the amended text.
 */
export const amendmentUseCases = (memoranda: MemorandumRepository, base: Base) => {
  const { loadVisible, requireVersion, publicView, checkedDirectory, resolveDirectory, verifyAuditChain, notify } = base;

  const start = async (actor: Actor, memorandumId: string, summary: Amendment['summary'] | undefined) => {
    const { memorandum } = await loadVisible(actor, memorandumId);
    const refused = startProblem(actor, memorandum);
    if (refused) throw new AppError(refused.code, refused.reason);
    const now = isoNow();
    const revision = memorandum.revision + 1;
    const amendment = newAmendment(memorandum, { orgId: actor.orgId, revision, summary, now });
    const event = chainEvent(memorandum.auditHead, { at: now, actor: by(actor), action: 'amendment_started', detail: { amendment: amendment.number, revision } });
    const head: StoredMemorandum = {
      ...memorandum, amendments: [...(memorandum.amendments ?? []), amendment], revision, version: memorandum.version + 1, updatedAt: now, auditHead: { seq: event.seq, hash: event.hash },
    };
    return { head, write: { head, expectedVersion: memorandum.version, events: [event], revision: { revision, content: memorandum.content, savedAt: now, savedBy: actor.userId } } satisfies MemorandumWrite, amendment };
  };

  /**
   * Applies one step to the amendment numbered `number`: guard with the pure rules,
   * then what the step needs outside the table (a rendered PDF), then one transaction.
   */
  const step = async (
    request: { actor: Actor; memorandumId: string; number: number; ifMatch: number; action: AmendmentAction; detail?: Record<string, unknown>; requireIntactChain?: boolean },
    extra: (context: { memorandum: StoredMemorandum; amendment: Amendment; next: WorkflowState; event: ChainedEvent; obligations: TrackedObligation[] }) => Promise<StepChange> | StepChange = () => ({}),
  ) => {
    const { actor } = request;
    const { memorandum, events, digests, obligations } = await loadVisible(actor, request.memorandumId);
    const amendment = amendmentNumbered(memorandum, request.number);
    if (!amendment) throw notFound('The amendment');
    requireVersion(memorandum, request.ifMatch);
    const decision = decideAmendment(memorandum, amendment, request.action, amendmentParticipant(actor, memorandum, amendment));
    if (!decision.allowed) throw new AppError(decision.code, decision.reason);
    if (request.requireIntactChain) {
      const verdict = await verifyAuditChain(memorandum, events, digests);
      if (!verdict.valid) throw new IntegrityFailure(publicView(memorandum), 'audit_chain', verdict.firstBrokenSeq);
    }
    const now = isoNow();
    const event = chainEvent(memorandum.auditHead, { at: now, actor: by(actor), action: decision.event, detail: { amendment: amendment.number, revision: amendment.revision, ...request.detail } });
    const change = await extra({ memorandum, amendment, next: decision.next, event, obligations });
    let next: Amendment = { ...amendment, ...change.amendment, parties: change.amendment?.parties ?? decision.next.parties, signedBy: decision.next.signedBy, status: decision.next.status as Amendment['status'], updatedAt: now };
    const newEvents = [event];
    let head: StoredMemorandum = { ...memorandum, ...(change.revision ? { revision: change.revision.revision } : {}) };
    let write: Omit<MemorandumWrite, 'head' | 'expectedVersion' | 'events'> = change.revision ? { revision: change.revision } : {};
    if (request.action === 'abandon') {
      const { content: _content, directory: _directory, ...rest } = next;
      next = { ...rest, status: 'abandoned', endedAt: now };
      const stays = new Set([memorandum.draftingOrgId, ...memorandum.content.parties.map((party) => party.orgId), ...(memorandum.formerParties ?? [])]);
      write = { ...write, removedParties: amendment.parties.map((party) => party.orgId).filter((orgId) => !stays.has(orgId)) };
    }
    if (decision.next.status === 'signed') {
      // The last signature: the amended text becomes the agreement in force, and the tracked obligations follow it in the same transaction.
      const amended = amendment.content ?? memorandum.content;
      const changes = obligationChanges(memorandum.content, amended, obligations, { memorandum, number: amendment.number, today: dateIn(now), at: now });
      const staying = new Set(amended.parties.map((party) => party.orgId));
      const leaving = memorandum.content.parties.map((party) => party.orgId).filter((orgId) => !staying.has(orgId));
      const inForce = chainEvent(event, {
        at: now, actor: { userId: 'system', orgId: 'system' }, action: 'amendment_in_force',
        detail: { amendment: amendment.number, revision: amendment.reviewRevision, started: changes.started.map((item) => item.after.obligationId), changed: changes.changed.map((item) => item.after.obligationId), ended: changes.ended.map((item) => item.after.obligationId) },
      });
      newEvents.push(inForce);
      const { content: _content, directory: _directory, ...rest } = next;
      next = { ...rest, endedAt: now };
      head = {
        ...head, content: amended, directory: mergedDirectory(memorandum.directory, amendment.directory ?? memorandum.directory), reviewRevision: amendment.reviewRevision ?? amendment.revision,
        ...(leaving.length > 0 || memorandum.formerParties ? { formerParties: [...new Set([...(memorandum.formerParties ?? []), ...leaving])].filter((orgId) => !staying.has(orgId)) } : {}),
      };
      write = { ...write, amendedObligations: { changes, progress: progressDeltas(changes) } };
    }
    const last = newEvents.at(-1) ?? event;
    head = {
      ...head, amendments: (memorandum.amendments ?? []).map((candidate) => (candidate.number === amendment.number ? next : candidate)),
      version: memorandum.version + 1, updatedAt: now, auditHead: { seq: last.seq, hash: last.hash },
    };
    await memoranda.write({ ...write, head, expectedVersion: memorandum.version, events: newEvents });
    await notify(decision.event, publicView(head), [...events, ...newEvents]);
    return { body: publicView(head), version: head.version };
  };

  /** A new revision of the amended text (its parties' approval states follow the parties it names). */
  const save = (actor: Actor, memorandumId: string, number: number, ifMatch: number, body: { content: MemorandumContent; summary?: Amendment['summary'] }) =>
    step({ actor, memorandumId, number, ifMatch, action: 'edit' }, async ({ memorandum, amendment, event }) => {
      const directory = await checkedDirectory(body.content, amendment.draftingOrgId);
      const revision = memorandum.revision + 1;
      const parties = amendingParties(memorandum.content, body.content).map((orgId) => amendment.parties.find((party) => party.orgId === orgId) ?? { orgId, approval: 'pending' as const });
      return {
        amendment: { content: body.content, directory, revision, parties, ...(body.summary ? { summary: body.summary } : {}) },
        revision: { revision, content: body.content, savedAt: event.at, savedBy: actor.userId },
      };
    });

  /** Freezes the amended text for every party's approval (a joining party sees the memorandum from now on). */
  const submit = (actor: Actor, memorandumId: string, number: number, ifMatch: number) =>
    step({ actor, memorandumId, number, ifMatch, action: 'submit' }, async ({ memorandum, amendment, event, obligations }) => {
      const amended = amendment.content ?? memorandum.content;
      const problems = [...submissionProblems(amended), ...amendmentSubmissionProblems(memorandum.content, amended, obligations, { memorandum, number: amendment.number, today: dateIn(event.at, memorandum.content.timeZone) })];
      if (problems.length > 0) throw invalid(problems, problems.some((problem) => problem.path === 'content') ? 'The amendment changes nothing yet.' : 'Each party needs a named approver and signatory before submitting.');
      return { amendment: { directory: await resolveDirectory(amended, 'content'), reviewRevision: amendment.revision, sharedAt: amendment.sharedAt ?? event.at } };
    });

  return { start, step, save, submit };
};
