import type { Actor } from '../core/actor.js';
import { isoNow } from '../core/clock.js';
import { AppError, invalid, notFound } from '../core/errors.js';
import { moduleHandler } from '../core/handler.js';
import { newId } from '../core/ids.js';
import { tableContext } from '../data/client.js';
import { memorandumRepository } from '../memoranda/repository.js';
import { visibleTo } from '../memoranda/workflow.js';
import { editProblem, eventProblems, recordProblem } from './model.js';
import { memorandumEventRepository } from './repository.js';
import type { MemorandumEvent } from './schema.js';

/**
 * The events every party of a memorandum organises under its obligations: recorded by
 * the organising party, seen by all parties on the memorandum's calendar (and, through
 * a programme that links the memorandum, on the programme's).
 */
const memoranda = memorandumRepository(tableContext());
const events = memorandumEventRepository(tableContext());

/** The memorandum (and its tracked obligations) if the caller's organisation sees it. */
const loadVisible = async (actor: Actor, memorandumId: string) => {
  const loaded = await memoranda.load(memorandumId);
  if (!loaded || !visibleTo(actor.orgId, loaded.memorandum)) throw notFound('The memorandum');
  return loaded;
};

const refuse = (refusal: { code: 'forbidden' | 'invalid_transition'; reason: string } | undefined) => {
  if (refusal) throw new AppError(refusal.code, refusal.reason);
};

export const handler = moduleHandler('events', {
  async listMemorandumEvents({ actor, params, query }) {
    await loadVisible(actor, params.memorandumId);
    return { body: { items: await events.list(params.memorandumId, { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) }) } };
  },

  async recordMemorandumEvent({ actor, params, body, idempotency }) {
    const { memorandum, obligations } = await loadVisible(actor, params.memorandumId);
    refuse(recordProblem(actor, memorandum));
    const problems = eventProblems(body, { content: memorandum.content, organiserOrgId: actor.orgId, obligations });
    if (problems.length > 0) throw invalid(problems);
    const now = isoNow();
    const event: MemorandumEvent = { ...body, id: newId(), memorandumId: memorandum.id, organiserOrgId: actor.orgId, version: 1, createdAt: now, updatedAt: now };
    const result = { body: event, version: 1, location: `/api/memoranda/${memorandum.id}/events/${event.id}` };
    await events.put(event, 0, idempotency ? [idempotency.record(result)] : []);
    return result;
  },

  async updateMemorandumEvent({ actor, params, body, ifMatch }) {
    const [{ memorandum, obligations }, stored] = await Promise.all([loadVisible(actor, params.memorandumId), events.get(params.memorandumId, params.eventId)]);
    if (!stored) throw notFound('The event');
    refuse(editProblem(actor, memorandum, stored));
    if (stored.version !== ifMatch) throw new AppError('stale_version', `The event is now at version ${stored.version}. Reload it and try again.`);
    const problems = eventProblems(body, { content: memorandum.content, organiserOrgId: stored.organiserOrgId, obligations });
    if (problems.length > 0) throw invalid(problems);
    const event: MemorandumEvent = { ...body, id: stored.id, memorandumId: stored.memorandumId, organiserOrgId: stored.organiserOrgId, version: stored.version + 1, createdAt: stored.createdAt, updatedAt: isoNow() };
    await events.put(event, stored.version);
    return { body: event, version: event.version };
  },
});
