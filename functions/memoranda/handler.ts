import type { Actor } from '../core/actor.js';
import { isoNow } from '../core/clock.js';
import { AppError, invalid, notFound, type FieldProblem } from '../core/errors.js';
import { createdResponse, moduleHandler } from '../core/handler.js';
import { newId } from '../core/ids.js';
import { pageLimit } from '../core/schemas.js';
import { tableContext } from '../data/client.js';
import { chainEvent, verifyChain } from './audit-chain.js';
import { diffContents } from './diff.js';
import { contentProblems, namedPeople, newDraft, partyStatesFor, submissionProblems } from './model.js';
import { memorandumRepository, type StoredMemorandum } from './repository.js';
import type { Directory, Memorandum, MemorandumContent, ReturnRequest } from './schema.js';
import { decide, participantOf, type MemorandumAction } from './workflow.js';

const memoranda = memorandumRepository(tableContext());

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

/** Applies one workflow action: guard with the pure rules, then one transaction with its audit event. */
const transition = async (
  actor: Actor,
  memorandumId: string,
  ifMatch: number,
  action: MemorandumAction,
  extra: (memorandum: StoredMemorandum) => Promise<Partial<StoredMemorandum>> | Partial<StoredMemorandum> = () => ({}),
  detail: Record<string, unknown> = {},
) => {
  const { memorandum } = await loadVisible(actor, memorandumId);
  requireVersion(memorandum, ifMatch);
  const decision = decide({ status: memorandum.status, parties: memorandum.parties, signedBy: memorandum.signedBy }, action, participantOf(actor, memorandum));
  if (!decision.allowed) throw new AppError(decision.code, decision.reason);
  const now = isoNow();
  const event = chainEvent(memorandum.auditHead, { at: now, actor: { userId: actor.userId, orgId: actor.orgId }, action: decision.event, detail: { revision: memorandum.revision, ...detail } });
  const head: StoredMemorandum = {
    ...memorandum,
    ...(await extra(memorandum)),
    status: decision.next.status,
    parties: decision.next.parties,
    signedBy: decision.next.signedBy,
    version: memorandum.version + 1,
    updatedAt: now,
    auditHead: { seq: event.seq, hash: event.hash },
  };
  await memoranda.write({ head, expectedVersion: memorandum.version, event });
  return { body: publicView(head), version: head.version };
};

export const handler = moduleHandler('memoranda', {
  async listMemoranda({ actor, query }) {
    return { body: await memoranda.listForOrganisation(actor.orgId, { limit: pageLimit(query.limit), ...(query.cursor ? { cursor: query.cursor } : {}), ...(query.status ? { status: query.status } : {}) }) };
  },

  async createMemorandum({ actor, body, idempotency }) {
    const content = body.content ?? (await loadVisible(actor, body.templateId ?? '')).memorandum.content;
    const directory = await checkedDirectory(content, actor.orgId);
    const { head, event, revision } = newDraft({ id: newId(), content, directory, actor, now: isoNow(), templateId: body.templateId });
    const result = createdResponse('/api/memoranda', publicView(head));
    await memoranda.write({ head, event, revision, alongside: idempotency ? [idempotency.record(result)] : [] });
    return result;
  },

  async getMemorandum({ actor, params }) {
    const { memorandum, events } = await loadVisible(actor, params.memorandumId);
    return { body: { memorandum: publicView(memorandum), events }, version: memorandum.version };
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
    await memoranda.write({ head, expectedVersion: memorandum.version, event, revision: { revision, content: body.content, savedAt: now, savedBy: actor.userId }, removedParties });
    return { body: publicView(head), version: head.version };
  },

  async submitMemorandum({ actor, params, ifMatch }) {
    return transition(actor, params.memorandumId, ifMatch, 'submit', async (memorandum) => {
      const problems = submissionProblems(memorandum.content);
      if (problems.length > 0) throw invalid(problems, 'Each party needs a named approver and signatory before submitting.');
      // People may have been disabled since the draft was saved.
      return { directory: await resolveDirectory(memorandum.content, 'content'), reviewRevision: memorandum.revision };
    });
  },

  async withdrawMemorandum({ actor, params, ifMatch }) {
    return transition(actor, params.memorandumId, ifMatch, 'withdraw');
  },

  async approveMemorandum({ actor, params, ifMatch }) {
    return transition(actor, params.memorandumId, ifMatch, 'approve', () => ({}), { orgId: actor.orgId });
  },

  async returnMemorandum({ actor, params, body, ifMatch }) {
    const comment = (memorandum: Memorandum): ReturnRequest & { orgId: string; userId: string; at: string; revision: number } => ({
      orgId: actor.orgId, userId: actor.userId, at: isoNow(), revision: memorandum.revision, comment: body.comment, ...(body.anchor ? { anchor: body.anchor } : {}),
    });
    return transition(actor, params.memorandumId, ifMatch, 'return', (memorandum) => ({ comments: [...memorandum.comments, comment(memorandum)] }), {
      orgId: actor.orgId, comment: body.comment, ...(body.anchor ? { anchor: body.anchor } : {}),
    });
  },

  async listRevisions({ actor, params }) {
    await loadVisible(actor, params.memorandumId);
    return { body: { items: await memoranda.revisions(params.memorandumId) } };
  },

  async diffRevisions({ actor, params, query }) {
    const { memorandum } = await loadVisible(actor, params.memorandumId);
    const from = Number(query.from);
    const to = Number(query.to);
    const problems = [
      ...(from > memorandum.revision ? [{ path: 'query.from', message: `There are ${memorandum.revision} revisions.` }] : []),
      ...(to > memorandum.revision ? [{ path: 'query.to', message: `There are ${memorandum.revision} revisions.` }] : []),
    ];
    if (problems.length > 0) throw invalid(problems);
    const contents = await memoranda.revisionContents(params.memorandumId, [from, to]);
    const before = contents.get(from);
    const after = contents.get(to);
    if (!before || !after) throw notFound('The revision');
    return { body: { from, to, sections: diffContents(before, after) } };
  },

  async verifyAuditTrail({ actor, params }) {
    const { events } = await loadVisible(actor, params.memorandumId);
    return { body: verifyChain(events) };
  },
});
