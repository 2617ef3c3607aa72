import { isoNow } from '../core/clock.js';
import { AppError, invalid, notFound, type FieldProblem } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { documentStore, issueUploadForm, receiveUpload, removeUpload, verifiedDownloadLink } from '../files/document-store.js';
import { documentMaxBytes } from '../files/schema.js';
import type { StoredProgramme } from './repository.js';
import { activityCounters, addCounters, counterDelta, memberCounters } from './figures.js';
import { linkedAttendanceProblems, planParticipants } from './participation.js';
import type { StoredMember } from './records-repository.js';
import { materialKey } from './document-keys.js';
import { materialsPerActivity, type Activity, type ActivityInput, type Member } from './schema.js';
import { requireVersion } from '../core/versions.js';
import type { Operations } from '../core/pipeline.js';
import { loadProgrammeToRun, partnerEventsOf, readToRun, records } from './context.js';

/** An activity happens inside the programme's period and is organised by one of its implementers. */
const activityProblems = (activity: ActivityInput, programme: StoredProgramme): FieldProblem[] => {
  const { content } = programme;
  // Co-organisers: the programme's implementers and the parties of its linked memoranda.
  const named = new Set([...content.implementingOrgIds, ...programme.linkedParties.flatMap((link) => link.orgIds)]);
  return [
    ...(activity.date < content.period.start || activity.date > content.period.end ? [{ path: 'body.date', message: `Must lie within the programme (${content.period.start} — ${content.period.end}).` }] : []),
    ...(content.implementingOrgIds.includes(activity.organiserOrgId) ? [] : [{ path: 'body.organiserOrgId', message: 'Must be one of the programme\'s implementing organisations.' }]),
    ...(activity.coOrganiserOrgIds ?? []).flatMap((orgId, index, all) =>
      !named.has(orgId) || orgId === activity.organiserOrgId || all.indexOf(orgId) < index
        ? [{ path: `body.coOrganiserOrgIds.${index}`, message: 'Must be another implementer or a party of a linked memorandum, named once.' }]
        : []),
  ];
};

/** The activity at the version the caller read. */
const loadActivity = async (programmeId: string, activityId: string, ifMatch: number): Promise<Activity> => {
  const activity = await records.getActivity(programmeId, activityId);
  if (!activity) throw notFound('The activity');
  requireVersion(activity, ifMatch, 'activity');
  return activity;
};

/** What only the activity's own routes change: its linked members' counts and its materials. */
const keptOnActivity = ({ network, materials }: Activity) => ({ ...(network ? { network } : {}), ...(materials ? { materials } : {}) });

const requireRoomForMaterial = (activity: Activity) => {
  if ((activity.materials ?? []).length >= materialsPerActivity) throw invalid([{ path: 'params.activityId', message: `An activity keeps at most ${materialsPerActivity} files: remove one first.` }]);
};

/** The programme's calendar: its activities, who of the network came, and their materials. */
export const activityOperations = {
  async listActivities({ actor, params, query }) {
    const range = { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
    const { programme, data: items } = await readToRun(actor, params.programmeId, () => records.calendar(params.programmeId, range));
    // The partner events' memoranda are named by the head: a second round trip.
    const partnerEvents = await partnerEventsOf(programme, range);
    const wanted = (event: { type: string; status: string }) => (!query.type || event.type === query.type) && (!query.status || event.status === query.status);
    return { body: { items: items.filter(wanted), partnerEvents: partnerEvents.filter(wanted) } };
  },

  async createActivity({ actor, params, body, idempotency }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const problems = activityProblems(body, programme);
    if (problems.length > 0) throw invalid(problems);
    const now = isoNow();
    const activity: Activity = { ...body, id: newId(), programmeId: programme.id, version: 1, createdAt: now, updatedAt: now };
    const result = { body: activity, version: 1, location: `/api/programmes/${programme.id}/activities/${activity.id}` };
    await records.putActivity(activity, 0, activityCounters(activity), idempotency ? [idempotency.record(result)] : []);
    return result;
  },

  async updateActivity({ actor, params, body, ifMatch, idempotency }) {
    await idempotency?.replayIfCompleted();
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const stored = await records.getActivity(programme.id, params.activityId);
    if (!stored) throw notFound('The activity');
    requireVersion(stored, ifMatch, 'activity');
    const problems = [...activityProblems(body, programme), ...linkedAttendanceProblems(stored, body)];
    if (problems.length > 0) throw invalid(problems);
    const next: Activity = { ...body, ...keptOnActivity(stored), id: stored.id, programmeId: programme.id, version: stored.version + 1, createdAt: stored.createdAt, updatedAt: isoNow() };
    const result = { body: next, version: next.version };
    await records.putActivity(next, stored.version, counterDelta(activityCounters(stored), activityCounters(next)), idempotency ? [idempotency.record(result, 200)] : []);
    return result;
  },

  async changeParticipants({ actor, params, body, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const [activity, found] = await Promise.all([loadActivity(programme.id, params.activityId, ifMatch), records.getMembers(programme.id, body.changes.map((change) => change.memberId))]);
    const members = new Map(found.filter((member: StoredMember): member is Member => !('removed' in member)).map((member) => [member.id, member]));
    const plan = planParticipants(activity, members, body.changes, isoNow());
    if (!plan.ok) throw invalid(plan.problems);
    const delta = plan.members.reduce((sum, { before, after }) => addCounters(sum, counterDelta(memberCounters(before), memberCounters(after))), counterDelta(activityCounters(activity), activityCounters(plan.activity)));
    await records.putParticipants(plan.activity, activity.version, plan.members.map(({ before, after }) => ({ member: after, expectedVersion: before.version })), delta);
    return { body: plan.activity, version: plan.activity.version };
  },

  async requestMaterialUpload({ actor, params, body }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const activity = await records.getActivity(programme.id, params.activityId);
    if (!activity) throw notFound('The activity');
    requireRoomForMaterial(activity);
    return { body: await issueUploadForm(documentStore(), (uploadId) => materialKey(programme.id, activity.id, uploadId), { contentType: body.contentType, maxBytes: documentMaxBytes }) };
  },

  async attachMaterial({ actor, params, body, ifMatch, idempotency }) {
    await idempotency?.replayIfCompleted();
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const activity = await loadActivity(programme.id, params.activityId, ifMatch);
    requireRoomForMaterial(activity);
    // Once confirmed, an upload is never checked again: its form, posted again, cannot replace the checked file.
    if (activity.materials?.some((file) => file.id === body.uploadId)) throw new AppError('already_done', 'This upload is already attached.');
    // The API is the gate: S3's policy is not enforced everywhere, and S3 trusts the declared type.
    const stored = await receiveUpload(documentStore(), materialKey(programme.id, activity.id, body.uploadId), { contentType: body.contentType, maxBytes: documentMaxBytes });
    const now = isoNow();
    const material = { id: body.uploadId, filename: body.filename, contentType: body.contentType, size: stored.size, sha256: stored.sha256, uploadedAt: now, uploadedBy: actor.userId };
    const next: Activity = { ...activity, materials: [...(activity.materials ?? []), material], version: activity.version + 1, updatedAt: now };
    const result = { body: next, version: next.version, location: `/api/programmes/${programme.id}/activities/${activity.id}/materials/${material.id}` };
    await records.putActivity(next, activity.version, {}, idempotency ? [idempotency.record(result)] : []);
    return result;
  },

  async getMaterialLink({ actor, params }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const material = (await records.getActivity(programme.id, params.activityId))?.materials?.find((file) => file.id === params.materialId);
    if (!material) throw notFound('The material');
    return { body: await verifiedDownloadLink(documentStore(), materialKey(programme.id, params.activityId, material.id), material) };
  },

  async removeMaterial({ actor, params, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const activity = await loadActivity(programme.id, params.activityId, ifMatch);
    if (!activity.materials?.some((file) => file.id === params.materialId)) throw notFound('The material');
    const next: Activity = { ...activity, materials: activity.materials.filter((file) => file.id !== params.materialId), version: activity.version + 1, updatedAt: isoNow() };
    await records.putActivity(next, activity.version, {});
    // Only once the activity no longer names it: a failed delete leaves an orphan, never a dangling reference.
    await removeUpload(documentStore(), materialKey(programme.id, activity.id, params.materialId));
    return { body: next, version: next.version };
  },
} satisfies Partial<Operations<'programmes'>>;
