import { isoNow } from '../core/clock.js';
import { notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { counterDelta, memberCounters } from './figures.js';
import { type StoredMember } from './records-repository.js';
import { type Member } from './schema.js';
import { requireVersion } from '../core/versions.js';
import type { Operations } from '../core/pipeline.js';
import { loadProgrammeToRun, records, requireToRun } from './context.js';

/** The programme's network of activists and partner groups (consent kept; removed on request, counts kept). */
export const networkOperations = {
  async listNetwork({ actor, params }) {
    const { relationship, items: members } = await records.networkBeside(params.programmeId, actor.orgId);
    requireToRun(actor, relationship);
    return { body: { items: members.filter((member): member is Member => !('removed' in member)), removed: members.filter((member) => 'removed' in member).length } };
  },

  async addMember({ actor, params, body, idempotency }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const now = isoNow();
    const member: Member = { ...body, participation: [], id: newId(), programmeId: programme.id, version: 1, createdAt: now, updatedAt: now };
    // The response (and so any replay stored for it) names no one.
    const result = { body: { id: member.id, version: 1 }, version: 1, location: `/api/programmes/${programme.id}/network/${member.id}` };
    await records.putMember(member, 0, memberCounters(member), idempotency ? [idempotency.record(result)] : []);
    return result;
  },

  async updateMember({ actor, params, body, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const stored = await records.getMember(programme.id, params.memberId);
    if (!stored || 'removed' in stored) throw notFound('The network member');
    requireVersion(stored, ifMatch, 'network member');
    const next: Member = { ...body, participation: stored.participation, id: stored.id, programmeId: programme.id, version: stored.version + 1, createdAt: stored.createdAt, updatedAt: isoNow() };
    await records.putMember(next, stored.version, counterDelta(memberCounters(stored), memberCounters(next)));
    return { body: next, version: next.version };
  },

  async removeMember({ actor, params, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const stored = await records.getMember(programme.id, params.memberId);
    if (!stored || 'removed' in stored) throw notFound('The network member');
    requireVersion(stored, ifMatch, 'network member');
    // Erased on request: the name, contact, city, consent and activity links go; the counts they made stay, anonymous.
    const counts = memberCounters(stored);
    const remnant: StoredMember = { id: stored.id, programmeId: programme.id, removed: true, kind: stored.kind, country: stored.country, participationCounts: { invited: counts['netp:invited'] ?? 0, attended: counts['netp:attended'] ?? 0 }, version: stored.version + 1, removedAt: isoNow() };
    await records.putMember(remnant, stored.version, {});
    return { body: { id: stored.id, version: remnant.version } };
  },
} satisfies Partial<Operations<'programmes'>>;
