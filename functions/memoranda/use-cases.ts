import type { Actor } from '../core/actor.js';
import { isoNow } from '../core/clock.js';
import { AppError, invalid, notFound, type FieldProblem } from '../core/errors.js';
import { chainEvent, type ChainedEvent } from './audit-chain.js';
import { contentProblems, namedPeople } from './model.js';
import type { MemorandumRepository, StoredMemorandum } from './repository.js';
import { optionalEnv } from '../core/config.js';
import { logger } from '../core/logger.js';
import { configuredMailer } from '../notifications/mailer.js';
import { noticesFor } from './notifications.js';
import type { AuditEvent, Directory, Memorandum, MemorandumContent } from './schema.js';
import { decide, participantOf, type MemorandumAction, type WorkflowState } from './workflow.js';

/**
 * The steps every memorandum operation shares, over a repository: visibility
 * (parties only), optimistic concurrency, names resolution and the guarded
 * workflow transition. Used by the memoranda and signing modules.
 */
export const memorandumUseCases = (memoranda: MemorandumRepository) => {
  const isParty = (actor: Actor, memorandum: Memorandum): boolean => memorandum.content.parties.some((party) => party.orgId === actor.orgId);

  /** Loads a memorandum the caller is party to; anyone else learns nothing (404). */
  const loadVisible = async (actor: Actor, memorandumId: string) => {
    const loaded = await memoranda.load(memorandumId);
    if (!loaded || !isParty(actor, loaded.memorandum)) throw notFound('The memorandum');
    return loaded;
  };

  const requireVersion = (memorandum: Memorandum, ifMatch: number) => {
    if (memorandum.version !== ifMatch) throw new AppError('stale_version', `The memorandum is now at version ${memorandum.version}. Reload it and try again.`);
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
    request: { actor: Actor; memorandumId: string; ifMatch: number; action: MemorandumAction; detail?: Record<string, unknown> },
    extra: (memorandum: StoredMemorandum, next: WorkflowState, event: ChainedEvent) => Promise<Partial<StoredMemorandum>> | Partial<StoredMemorandum> = () => ({}),
  ) => {
    const { actor } = request;
    const { memorandum, events } = await loadVisible(actor, request.memorandumId);
    requireVersion(memorandum, request.ifMatch);
    const decision = decide({ status: memorandum.status, parties: memorandum.parties, signedBy: memorandum.signedBy }, request.action, participantOf(actor, memorandum));
    if (!decision.allowed) throw new AppError(decision.code, decision.reason);
    const now = isoNow();
    const event = chainEvent(memorandum.auditHead, { at: now, actor: { userId: actor.userId, orgId: actor.orgId }, action: decision.event, detail: { revision: memorandum.revision, ...request.detail } });
    const head: StoredMemorandum = {
      ...memorandum,
      ...(await extra(memorandum, decision.next, event)),
      status: decision.next.status,
      parties: decision.next.parties,
      signedBy: decision.next.signedBy,
      version: memorandum.version + 1,
      updatedAt: now,
      auditHead: { seq: event.seq, hash: event.hash },
    };
    await memoranda.write({ head, expectedVersion: memorandum.version, event, trackObligations: decision.next.status === 'signed' });
    await notify(decision.event, publicView(head), [...events, event]);
    return { body: publicView(head), version: head.version };
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

  return { loadVisible, requireVersion, publicView, resolveDirectory, checkedDirectory, transition };
};
