import type { Actor } from '../core/actor.js';
import { requireVersion as requireVersionOf } from '../core/versions.js';
import { isoNow } from '../core/clock.js';
import { AppError, invalid, notFound, type FieldProblem } from '../core/errors.js';
import { countEvent } from '../core/metrics.js';
import { chainEvent, verifyChain, type ChainAnchor, type ChainedEvent } from './audit-chain.js';
import { contentProblems, namedPeople } from './model.js';
import type { MemorandumDigestEntry, MemorandumRepository, StoredMemorandum } from './repository.js';
import type { DigestReader } from './digest-reader.js';
import { optionalEnv } from '../core/config.js';
import { logger } from '../core/logger.js';
import { configuredMailer } from '../notifications/mailer.js';
import { noticesFor } from './notifications.js';
import type { AuditEvent, Directory, Memorandum, MemorandumContent } from './schema.js';
import { decide, participantOf, visibleTo, type MemorandumAction, type Participant, type WorkflowState } from './workflow.js';
import { dateIn } from '../core/calendar.js';

/**
 * The steps every memorandum operation shares, over a repository: visibility
 * (parties only), optimistic concurrency, names resolution and the guarded
 * workflow transition. Used by the memoranda and signing modules.
 */
const systemParticipant: Participant = { draftingCoordinator: false, system: true };
const systemActor = { userId: 'system', orgId: 'system' };
const workflowStateOf = (memorandum: Memorandum): WorkflowState => ({ status: memorandum.status, parties: memorandum.parties, signedBy: memorandum.signedBy });

/** A record that failed its integrity check: the step is refused, nothing is written, the coordinators are told. */
export class IntegrityFailure extends Error {
  constructor(
    readonly memorandum: Memorandum,
    readonly what: 'document' | 'audit_chain',
    readonly firstBrokenSeq?: number,
  ) {
    super(`The memorandum's ${what === 'document' ? 'stored document' : 'audit trail'} failed its integrity check.`);
    this.name = 'IntegrityFailure';
  }
}

const anchorsOf = (memorandum: StoredMemorandum): ChainAnchor[] => {
  const certificate = memorandum.documents.certificate?.auditHead;
  return [{ source: 'memorandum', ...memorandum.auditHead }, ...(certificate ? [{ source: 'certificate' as const, ...certificate }] : [])];
};

export const memorandumUseCases = (memoranda: MemorandumRepository, options: { digests?: DigestReader } = {}) => {
  /** Loads a memorandum the caller's organisation sees; anyone else learns nothing (404). */
  const loadVisible = async (actor: Actor, memorandumId: string) => {
    const loaded = await memoranda.load(memorandumId);
    if (!loaded || !visibleTo(actor.orgId, loaded.memorandum)) throw notFound('The memorandum');
    return loaded;
  };

  const requireVersion = (memorandum: Memorandum, ifMatch: number) => {
    requireVersionOf(memorandum, ifMatch, 'memorandum');
  };

  const publicView = ({ auditHead: _head, ...memorandum }: StoredMemorandum): Memorandum => memorandum;

  /**
   * Names of the party organisations and of the named approvers and signatories,
   * checked to exist and to belong to their party, and copied into the record so
   * that every party can read them.
   */
  const resolveDirectory = async (content: MemorandumContent, pathPrefix: string, problems: FieldProblem[] = []): Promise<Directory> => {
    const people = namedPeople(content);
    const { organisations, users } = await memoranda.lookUp(content.parties.map((party) => party.orgId), people.map((person) => person.userId));
    content.parties.forEach((party, index) => {
      if (!organisations.has(party.orgId)) problems.push({ path: `${pathPrefix}.parties.${index}.orgId`, message: 'No such organisation.' });
      for (const field of ['approverUserId', 'signatoryUserId'] as const) {
        const userId = party[field];
        const user = userId ? users.get(userId) : undefined;
        if (userId && (!user || user.orgId !== party.orgId || user.status !== 'active')) {
          problems.push({ path: `${pathPrefix}.parties.${index}.${field}`, message: 'Must be an active user of this party\'s organisation.' });
        }
      }
    });
    if (problems.length > 0) throw invalid(problems);
    return {
      organisations: Object.fromEntries([...organisations.values()].map((organisation) => [organisation.id, organisation.name])),
      people: Object.fromEntries([...users.values()].map((user) => [user.id, { name: user.name, orgId: user.orgId, ...(user.position ? { position: user.position } : {}) }])),
    };
  };

  /** A draft's own consistency and the people and organisations it names, all problems in one 400. */
  const checkedDirectory = (content: MemorandumContent, draftingOrgId: string): Promise<Directory> =>
    resolveDirectory(content, 'body.content', contentProblems(content, draftingOrgId));

  /**
   * Applies one workflow action: guard with the pure rules, then whatever the step
   * needs outside the table (a rendered PDF in S3), then one transaction holding
   * the state change and its audit event.
   */
  const transition = async (
    request: { actor: Actor | 'system'; memorandumId: string; ifMatch?: number; action: MemorandumAction; detail?: Record<string, unknown>; requireIntactChain?: boolean },
    extra: (memorandum: StoredMemorandum, next: WorkflowState, event: ChainedEvent) => Promise<Partial<StoredMemorandum>> | Partial<StoredMemorandum> = () => ({}),
  ) => {
    const { actor } = request;
    const loaded = actor === 'system' ? await memoranda.load(request.memorandumId) : await loadVisible(actor, request.memorandumId);
    if (!loaded) throw notFound('The memorandum');
    const { memorandum, events, digests } = loaded;
    if (request.ifMatch !== undefined) requireVersion(memorandum, request.ifMatch);
    const who = actor === 'system' ? systemParticipant : participantOf(actor, memorandum);
    const decision = decide(workflowStateOf(memorandum), request.action, who);
    if (!decision.allowed) throw new AppError(decision.code, decision.reason);
    if (request.requireIntactChain) {
      const verdict = await verifyAuditChain(memorandum, events, digests);
      if (!verdict.valid) throw new IntegrityFailure(publicView(memorandum), 'audit_chain', verdict.firstBrokenSeq);
    }
    const now = isoNow();
    const by = actor === 'system' ? systemActor : { userId: actor.userId, orgId: actor.orgId };
    const event = chainEvent(memorandum.auditHead, { at: now, actor: by, action: decision.event, detail: { revision: memorandum.revision, ...request.detail } });
    let next = decision.next;
    const newEvents = [event];
    // A memorandum whose term has already started is in force from its last signature.
    if (next.status === 'signed' && memorandum.content.term.start <= dateIn(now, memorandum.content.timeZone)) {
      const activation = decide(next, 'activate', systemParticipant);
      if (activation.allowed) {
        next = activation.next;
        newEvents.push(chainEvent(event, { at: now, actor: systemActor, action: activation.event, detail: { start: memorandum.content.term.start } }));
      }
    }
    const last = newEvents.at(-1) ?? event;
    const head: StoredMemorandum = {
      ...memorandum,
      ...(await extra(memorandum, decision.next, event)),
      status: next.status,
      parties: next.parties,
      signedBy: next.signedBy,
      version: memorandum.version + 1,
      updatedAt: now,
      auditHead: { seq: last.seq, hash: last.hash },
    };
    await memoranda.write({ head, expectedVersion: memorandum.version, events: newEvents, trackObligations: decision.next.status === 'signed' });
    if (decision.event === 'signed_by_all') countEvent('memorandaSigned');
    await notify(decision.event, publicView(head), [...events, ...newEvents]);
    return { body: publicView(head), version: head.version };
  };

  /**
   * The chain held against the heads recorded outside it: the memorandum item, the
   * certificate, and the latest signed daily digest that lists it (read and its
   * signature checked; the table's note of it is only where to look).
   */
  const verifyAuditChain = async (memorandum: StoredMemorandum, events: ChainedEvent[], digests: MemorandumDigestEntry[]) => {
    const anchors = anchorsOf(memorandum);
    const latest = [...digests].sort((a, b) => (a.day < b.day ? -1 : 1)).at(-1);
    if (!latest) return verifyChain(events, anchors);
    const signed = await options.digests?.(latest.day);
    const head = signed?.heads.find((candidate) => candidate.memorandumId === memorandum.id);
    return head ? verifyChain(events, [...anchors, { source: 'digest', seq: head.seq, hash: head.hash }]) : verifyChain(events, anchors, { source: 'digest', seq: latest.seq });
  };

  /** After the step is stored: tell the people who must act next. A failed email never undoes the step. */
  const notify = async (action: string, memorandum: Memorandum, events: Pick<AuditEvent, 'action' | 'actor'>[]) => {
    try {
      const notices = noticesFor(action, memorandum, events, `${optionalEnv('WEB_URL') ?? ''}/memoranda/${memorandum.id}`);
      const userIds = notices.flatMap((notice) => notice.userIds);
      if (userIds.length === 0) return;
      const { users } = await memoranda.lookUp([], userIds);
      const emails = notices.flatMap((notice) => notice.userIds.flatMap((userId) => {
        const user = users.get(userId);
        return user && user.status === 'active' ? [{ to: user.email, subject: notice.subject, text: notice.text }] : [];
      }));
      await configuredMailer().send(emails);
    } catch (error) {
      logger.error('Notifications were not sent', { action, memorandumId: memorandum.id, error: error instanceof Error ? error.name : 'unknown' });
    }
  };

  return { loadVisible, requireVersion, publicView, resolveDirectory, checkedDirectory, transition, verifyAuditChain, notify };
};
