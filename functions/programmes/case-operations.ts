import { isoNow } from '../core/clock.js';
import { notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { type CaseRecord } from './schema.js';
import { requireVersion } from '../core/versions.js';
import type { Operations } from '../core/pipeline.js';
import { loadProgrammeToRun, readToRun, records } from './context.js';

/** Case records in a restricted area: each implementer's own, seen by its coordinators only. */
export const caseOperations = {
  async listCases({ actor, params }) {
    const { data: items } = await readToRun(actor, params.programmeId, () => records.cases(params.programmeId, actor.orgId));
    return { body: { items } };
  },

  async addCase({ actor, params, body, idempotency }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const now = isoNow();
    const record: CaseRecord = { ...body, id: newId(), programmeId: programme.id, keptByOrgId: actor.orgId, version: 1, createdAt: now, updatedAt: now };
    const result = { body: { id: record.id, version: 1 }, version: 1, location: `/api/programmes/${programme.id}/cases/${record.id}` };
    await records.putCase(record, 0, idempotency ? [idempotency.record(result)] : []);
    return result;
  },

  async updateCase({ actor, params, body, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    // Only the organisation that keeps a case record knows it exists.
    const stored = await records.getCase(programme.id, actor.orgId, params.caseId);
    if (!stored) throw notFound('The case record');
    requireVersion(stored, ifMatch, 'case record');
    const next: CaseRecord = { ...body, id: stored.id, programmeId: programme.id, keptByOrgId: stored.keptByOrgId, version: stored.version + 1, createdAt: stored.createdAt, updatedAt: isoNow() };
    await records.putCase(next, stored.version);
    return { body: next, version: next.version };
  },

  async deleteCase({ actor, params, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const stored = await records.getCase(programme.id, actor.orgId, params.caseId);
    if (!stored) throw notFound('The case record');
    requireVersion(stored, ifMatch, 'case record');
    await records.deleteCase(stored, stored.version);
    return { body: { id: stored.id, version: stored.version } };
  },
} satisfies Partial<Operations<'programmes'>>;
