import type { Actor } from '../core/actor.js';
import { requireVersion } from '../core/versions.js';
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
import { documentStore, issueUploadForm, receiveUpload, removeUpload, verifiedDownloadLink } from '../files/document-store.js';
import { documentMaxBytes } from '../files/schema.js';
import { materialsPerActivity } from '../programmes/vocabulary.js';
import { eventMaterialKey } from './document-keys.js';
import { eventRoutes } from './routes.js';

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

export const handler = moduleHandler('events', eventRoutes, {
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

  async updateMemorandumEvent({ actor, params, body, ifMatch, idempotency }) {
    await idempotency?.replayIfCompleted();
    const { memorandum, obligations, event: stored } = await eventToChange(actor, params, ifMatch);
    const problems = eventProblems(body, { content: memorandum.content, organiserOrgId: stored.organiserOrgId, obligations });
    if (problems.length > 0) throw invalid(problems);
    const event: MemorandumEvent = {
      ...body, id: stored.id, memorandumId: stored.memorandumId, organiserOrgId: stored.organiserOrgId, ...(stored.materials ? { materials: stored.materials } : {}),
      version: stored.version + 1, createdAt: stored.createdAt, updatedAt: isoNow(),
    };
    const result = { body: event, version: event.version };
    await events.put(event, stored.version, idempotency ? [idempotency.record(result, 200)] : []);
    return result;
  },

  async requestEventMaterialUpload({ actor, params, body }) {
    const { event } = await eventToChange(actor, params);
    requireRoomForMaterial(event);
    return { body: await issueUploadForm(documentStore(), (uploadId) => eventMaterialKey(event.memorandumId, event.id, uploadId), { contentType: body.contentType, maxBytes: documentMaxBytes }) };
  },

  async attachEventMaterial({ actor, params, body, ifMatch, idempotency }) {
    await idempotency?.replayIfCompleted();
    const { event } = await eventToChange(actor, params, ifMatch);
    requireRoomForMaterial(event);
    // Once confirmed, an upload is never checked again: its form, posted again, cannot replace the checked file.
    if (event.materials?.some((file) => file.id === body.uploadId)) throw new AppError('already_done', 'This upload is already attached.');
    // The API is the gate: S3's policy is not enforced everywhere, and S3 trusts the declared type.
    const stored = await receiveUpload(documentStore(), eventMaterialKey(event.memorandumId, event.id, body.uploadId), { contentType: body.contentType, maxBytes: documentMaxBytes });
    const now = isoNow();
    const material = { id: body.uploadId, filename: body.filename, contentType: body.contentType, size: stored.size, sha256: stored.sha256, uploadedAt: now, uploadedBy: actor.userId };
    const next: MemorandumEvent = { ...event, materials: [...(event.materials ?? []), material], version: event.version + 1, updatedAt: now };
    const result = { body: next, version: next.version, location: `/api/memoranda/${event.memorandumId}/events/${event.id}/materials/${material.id}` };
    await events.put(next, event.version, idempotency ? [idempotency.record(result)] : []);
    return result;
  },

  async getEventMaterialLink({ actor, params }) {
    await loadVisible(actor, params.memorandumId);
    const material = (await events.get(params.memorandumId, params.eventId))?.materials?.find((file) => file.id === params.materialId);
    if (!material) throw notFound('The material');
    return { body: await verifiedDownloadLink(documentStore(), eventMaterialKey(params.memorandumId, params.eventId, material.id), material) };
  },

  async removeEventMaterial({ actor, params, ifMatch }) {
    const { event } = await eventToChange(actor, params, ifMatch);
    if (!event.materials?.some((file) => file.id === params.materialId)) throw notFound('The material');
    const next: MemorandumEvent = { ...event, materials: event.materials.filter((file) => file.id !== params.materialId), version: event.version + 1, updatedAt: isoNow() };
    await events.put(next, event.version);
    // Only once the event no longer names it: a failed delete leaves an orphan, never a dangling reference.
    await removeUpload(documentStore(), eventMaterialKey(event.memorandumId, event.id, params.materialId));
    return { body: next, version: next.version };
  },
});

/** The event, if the caller's organisation organises it and may change it now (at the version read, when one is given). */
const eventToChange = async (actor: Actor, params: { memorandumId: string; eventId: string }, ifMatch?: number) => {
  const [{ memorandum, obligations }, event] = await Promise.all([loadVisible(actor, params.memorandumId), events.get(params.memorandumId, params.eventId)]);
  if (!event) throw notFound('The event');
  refuse(editProblem(actor, memorandum, event));
  if (ifMatch !== undefined) requireVersion(event, ifMatch, 'event');
  return { memorandum, obligations, event };
};

const requireRoomForMaterial = (event: MemorandumEvent) => {
  if ((event.materials ?? []).length >= materialsPerActivity) throw invalid([{ path: 'params.eventId', message: `An event keeps at most ${materialsPerActivity} files: remove one first.` }]);
};
