import { randomBytes } from 'node:crypto';
import type { Actor } from '../core/actor.js';
import { isoNow } from '../core/clock.js';
import { AppError, invalid, notFound, type FieldProblem } from '../core/errors.js';
import { moduleHandler } from '../core/handler.js';
import { newId } from '../core/ids.js';
import { pageLimit } from '../core/schemas.js';
import { documentStore, issueUploadForm, receiveUpload, removeUpload, verifiedDownloadLink } from '../files/document-store.js';
import { documentMaxBytes } from '../files/schema.js';
import { tableContext } from '../data/client.js';
import { keys } from '../data/keys.js';
import { linkedFigures, loadVisibleProgramme, programmeOrganisations } from './access.js';
import { contentProblems, indicatorsOf, leadOf, mayChangeMembers, removedImplementers, type ProgrammeRole } from './policy.js';
import { keyString, programmeRepository, type StoredProgramme } from './repository.js';
import { dashboardOf, healthOf } from './dashboard.js';
import { activityCounters, addCounters, counterDelta, memberCounters, spendCounters, tallyCounters } from './figures.js';
import { linkedAttendanceProblems, planParticipants } from './participation.js';
import { frequencyOf, liesWithin } from './periods.js';
import { recordsRepository, withoutKeys, type StoredMember } from './records.js';
import { materialKey } from './document-keys.js';
import { materialsPerActivity, parseTallyId, type Activity, type ActivityInput, type CaseRecord, type IndicatorActual, type Member, type Programme, type ProgrammeContent, type Tally } from './schema.js';
import { today as todayIn } from '../core/calendar.js';
import { requireVersion } from '../core/versions.js';
import { memorandumEventRepository } from '../events/repository.js';

const programmes = programmeRepository(tableContext());
const records = recordsRepository(tableContext());
const memorandumEvents = memorandumEventRepository(tableContext());

/** The events the parties of the programme's linked memoranda organise: the programme's calendar and dashboard show them too. */
const partnerEventsOf = (programme: StoredProgramme, range: { from?: string; to?: string } = {}) =>
  memorandumEvents.listForMemoranda(programme.linkedParties.map((link) => link.memorandumId), range);

const loadProgramme = (actor: Actor, programmeId: string) => loadVisibleProgramme(programmes, actor, programmeId);

const requireImplementer = (role: ProgrammeRole) => {
  if (role !== 'implementer') throw new AppError('forbidden', 'Only coordinators of an implementing organisation change a programme.');
};

/** The programme, for the routes that run it: its implementers only (funders get 403, everyone else 404). */
const loadProgrammeToRun = async (actor: Actor, programmeId: string): Promise<StoredProgramme> => {
  const { programme, role } = await loadProgramme(actor, programmeId);
  requireImplementer(role);
  return programme;
};

/** An implementer that keeps case records never loses them by an edit: its records are handed over or erased by it first. */
const refuseLosingCaseRecords = async (programmeId: string, orgIds: string[]) => {
  for (const orgId of orgIds) {
    const count = await records.caseCount(programmeId, orgId);
    if (count > 0) {
      throw new AppError('case_records_kept', `An implementing organisation that leaves keeps ${count} case record${count === 1 ? '' : 's'} in this programme: they must be handed over or erased by it first.`);
    }
  }
};

/** The programme as callers see it: the calendar secret for its implementers only. */
const view = async (programme: StoredProgramme, role: ProgrammeRole): Promise<Programme> => {
  const { calendarToken, linkedParties: _parties, ...shown } = programme;
  const organisations = await programmeOrganisations(programmes, programme);
  return { ...shown, leadOrgId: leadOf(programme), role, ...(role === 'implementer' ? { calendarToken } : {}), organisations: Object.fromEntries(Object.entries(organisations).map(([orgId, organisation]) => [orgId, organisation.name])) };
};

/**
 * Named organisations must exist, and linked memoranda must be ones the caller's
 * organisation is party to; returns each linked memorandum's parties (one BatchGet).
 */
const resolveReferences = async (content: ProgrammeContent, actor: Actor) => {
  const organisations = [...content.implementingOrgIds.map((orgId, index) => ({ orgId, path: `body.content.implementingOrgIds.${index}` })), ...content.funderOrgIds.map((orgId, index) => ({ orgId, path: `body.content.funderOrgIds.${index}` }))];
  const memoranda = (content.memorandumIds ?? []).map((memorandumId, index) => ({ memorandumId, path: `body.content.memorandumIds.${index}` }));
  const found = await programmes.getMany([...organisations.map(({ orgId }) => keys.organisation(orgId)), ...memoranda.map(({ memorandumId }) => keys.memorandumHead(memorandumId))]);
  const contentOf = (memorandumId: string) => found.get(keyString(keys.memorandumHead(memorandumId)))?.content as { parties?: { orgId: string }[]; obligations?: { id: string; indicators?: { id: string }[] }[] } | undefined;
  const partiesOf = (memorandumId: string) => (contentOf(memorandumId)?.parties ?? []).map((party) => party.orgId);
  // An indicator's source must be an indicator of an obligation in one of the linked memoranda.
  const sourceProblems = indicatorsOf(content).flatMap(({ indicator, path }): FieldProblem[] => {
    const source = indicator.source;
    if (!source) return [];
    const at = path.replace(/\.id$/, '.source');
    if (!(content.memorandumIds ?? []).includes(source.memorandumId)) return [{ path: `${at}.memorandumId`, message: 'Link the memorandum to the programme first.' }];
    // Nothing about a memorandum the caller is no party to, not even whether an obligation exists in it.
    if (!partiesOf(source.memorandumId).includes(actor.orgId)) return [{ path: `${at}.memorandumId`, message: 'Not a memorandum your organisation is party to.' }];
    const obligation = contentOf(source.memorandumId)?.obligations?.find((candidate) => candidate.id === source.obligationId);
    if (!obligation) return [{ path: `${at}.obligationId`, message: 'Not an obligation of that memorandum.' }];
    return (obligation.indicators ?? []).some((candidate) => candidate.id === source.indicatorId) ? [] : [{ path: `${at}.indicatorId`, message: 'Not an indicator of that obligation.' }];
  });
  const problems: FieldProblem[] = [
    ...sourceProblems,
    ...organisations.filter(({ orgId }) => !found.has(keyString(keys.organisation(orgId)))).map(({ path }) => ({ path, message: 'No such organisation.' })),
    ...memoranda.filter(({ memorandumId }) => !partiesOf(memorandumId).includes(actor.orgId)).map(({ path }) => ({ path, message: 'Not a memorandum your organisation is party to.' })),
  ];
  return { problems, linkedParties: memoranda.map(({ memorandumId }) => ({ memorandumId, orgIds: partiesOf(memorandumId) })) };
};

const validated = async (content: ProgrammeContent, actor: Actor) => {
  const problems = contentProblems(content, actor.orgId);
  const references = await resolveReferences(content, actor);
  if (problems.length + references.problems.length > 0) throw invalid([...problems, ...references.problems]);
  return references.linkedParties;
};

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


export const handler = moduleHandler('programmes', {
  async listProgrammes({ actor, query }) {
    const page = await programmes.listForOrganisation(actor.orgId, pageLimit(query.limit), query.cursor);
    // Each listed programme's figures, in one BatchGet for the page.
    const figures = await programmes.getMany(page.items.map((item) => keys.programmeFigures(item.id)));
    const today = todayIn();
    const items = page.items.map((item) => ({ ...item, health: healthOf(item.period, (figures.get(keyString(keys.programmeFigures(item.id))) ?? {}) as Record<string, number>, today) }));
    return { body: { ...page, items } };
  },

  async createProgramme({ actor, body, idempotency }) {
    const linkedParties = await validated(body.content, actor);
    const now = isoNow();
    const programme: StoredProgramme = { id: newId(), content: body.content, createdByOrgId: actor.orgId, version: 1, createdAt: now, updatedAt: now, calendarToken: randomBytes(24).toString('base64url'), linkedParties };
    const result = { body: await view(programme, 'implementer'), version: 1, location: `/api/programmes/${programme.id}` };
    await programmes.create(programme, idempotency ? [idempotency.record(result)] : []);
    return result;
  },

  async getProgramme({ actor, params }) {
    const { programme, role } = await loadProgramme(actor, params.programmeId);
    return { body: await view(programme, role), version: programme.version };
  },

  async listActivities({ actor, params, query }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const range = { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
    const [items, partnerEvents] = await Promise.all([records.calendar(params.programmeId, range), partnerEventsOf(programme, range)]);
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

  async updateActivity({ actor, params, body, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const stored = await records.getActivity(programme.id, params.activityId);
    if (!stored) throw notFound('The activity');
    requireVersion(stored, ifMatch, 'activity');
    const problems = [...activityProblems(body, programme), ...linkedAttendanceProblems(stored, body)];
    if (problems.length > 0) throw invalid(problems);
    const next: Activity = { ...body, ...keptOnActivity(stored), id: stored.id, programmeId: programme.id, version: stored.version + 1, createdAt: stored.createdAt, updatedAt: isoNow() };
    await records.putActivity(next, stored.version, counterDelta(activityCounters(stored), activityCounters(next)));
    return { body: next, version: next.version };
  },

  async changeParticipants({ actor, params, body, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const [activity, found] = await Promise.all([loadActivity(programme.id, params.activityId, ifMatch), programmes.getMany(body.changes.map((change) => keys.networkMember(programme.id, change.memberId)))]);
    const members = new Map([...found.values()].filter((item) => item.entity === 'networkMember').map((item) => withoutKeys<StoredMember>(item)).filter((member): member is Member => !('removed' in member)).map((member) => [member.id, member]));
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

  async listTallies({ actor, params }) {
    await loadProgrammeToRun(actor, params.programmeId);
    return { body: { items: await records.tallies(params.programmeId) } };
  },

  async putTally({ actor, params, body, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const cell = parseTallyId(params.tallyId);
    if (!liesWithin(cell.month, programme.content.period)) throw invalid([{ path: 'params.tallyId', message: `The month must lie within the programme (${programme.content.period.start} — ${programme.content.period.end}).` }]);
    const stored = await records.getTally(programme.id, params.tallyId);
    requireVersion(stored, ifMatch, 'tally');
    const next: Tally = { id: params.tallyId, programmeId: programme.id, ...cell, people: body.people, families: body.families, version: (stored?.version ?? 0) + 1, updatedAt: isoNow() };
    await records.putTally(next, stored?.version ?? 0, counterDelta(tallyCounters(stored), tallyCounters(next)));
    return { body: next, version: next.version };
  },

  async listSpending({ actor, params }) {
    await loadProgrammeToRun(actor, params.programmeId);
    return { body: { items: await records.spends(params.programmeId) } };
  },

  async putSpend({ actor, params, body, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const lines = new Set([...(programme.content.budget?.lines ?? []).map((line) => line.id), 'unassigned']);
    const problems = [
      ...(programme.content.budget ? [] : [{ path: 'params.programmeId', message: 'The programme has no budget to report spending against.' }]),
      ...(lines.has(params.lineId) ? [] : [{ path: 'params.lineId', message: 'Not a budget line of this programme (or "unassigned").' }]),
      ...(liesWithin(params.month, programme.content.period) ? [] : [{ path: 'params.month', message: 'The month must lie within the programme.' }]),
    ];
    if (problems.length > 0) throw invalid(problems);
    const stored = await records.getSpend(programme.id, params.month, params.lineId);
    requireVersion(stored, ifMatch, 'spending record');
    const next = { programmeId: programme.id, month: params.month, lineId: params.lineId, amountCents: Math.round(body.amount * 100), version: (stored?.version ?? 0) + 1, updatedAt: isoNow() };
    await records.putSpend(next, stored?.version ?? 0, counterDelta(spendCounters(stored), spendCounters(next)));
    return { body: next, version: next.version };
  },

  async listIndicatorActuals({ actor, params }) {
    await loadProgrammeToRun(actor, params.programmeId);
    return { body: { items: await records.actuals(params.programmeId) } };
  },

  async putIndicatorActual({ actor, params, body, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const indicator = indicatorsOf(programme.content).find((candidate) => candidate.indicator.id === params.indicatorId)?.indicator;
    if (!indicator) throw notFound('The indicator');
    const problems = [
      ...(frequencyOf(params.period) === indicator.frequency ? [] : [{ path: 'params.period', message: `This indicator is reported ${indicator.frequency}.` }]),
      ...(liesWithin(params.period, programme.content.period) ? [] : [{ path: 'params.period', message: 'The period must lie within the programme.' }]),
    ];
    if (problems.length > 0) throw invalid(problems);
    const stored = await records.getActual(programme.id, indicator.id, params.period);
    requireVersion(stored, ifMatch, 'indicator actual');
    const next: IndicatorActual = { programmeId: programme.id, indicatorId: indicator.id, period: params.period, value: body.value, version: (stored?.version ?? 0) + 1, updatedAt: isoNow() };
    await records.putActual(next, stored?.version ?? 0);
    return { body: next, version: next.version };
  },

  async getDashboard({ actor, params }) {
    // The figures are read beside the head and shown only once the head says the caller may see them.
    const [{ programme, role }, figures] = await Promise.all([loadProgramme(actor, params.programmeId), records.figures(params.programmeId)]);
    const [{ parties, sources }, partnerEvents] = await Promise.all([linkedFigures(programmes, programme), partnerEventsOf(programme, { from: programme.content.period.start, to: programme.content.period.end })]);
    return { body: dashboardOf({ programme, role, figures, parties, sources, partnerEvents, today: todayIn() }) };
  },

  async listNetwork({ actor, params }) {
    await loadProgrammeToRun(actor, params.programmeId);
    const members = await records.members(params.programmeId);
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

  async listCases({ actor, params }) {
    await loadProgrammeToRun(actor, params.programmeId);
    return { body: { items: await records.cases(params.programmeId, actor.orgId) } };
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

  async updateProgramme({ actor, params, body, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    requireVersion(programme, ifMatch, 'programme');
    const lead = leadOf(programme);
    const nextLead = body.leadOrgId ?? lead;
    if (!mayChangeMembers(actor.orgId, lead, programme.content, body.content, nextLead)) {
      throw new AppError('lead_only', 'Only the lead implementer\'s coordinators change who implements or funds the programme, or hand the lead over.');
    }
    if (!body.content.implementingOrgIds.includes(nextLead)) throw invalid([{ path: 'body.leadOrgId', message: 'The lead must be one of the implementing organisations.' }]);
    // The caller stays an implementer: nobody can lock their own organisation out by accident.
    const linkedParties = await validated(body.content, actor);
    await refuseLosingCaseRecords(programme.id, removedImplementers(programme.content, body.content));
    const next: StoredProgramme = { ...programme, content: body.content, leadOrgId: nextLead, linkedParties, version: programme.version + 1, updatedAt: isoNow() };
    await programmes.update(next, programme.version, programme.content);
    return { body: await view(next, 'implementer'), version: next.version };
  },

  async leaveProgramme({ actor, params, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    requireVersion(programme, ifMatch, 'programme');
    if (leadOf(programme) === actor.orgId) throw new AppError('lead_must_hand_over', 'The lead implementer cannot leave: hand the lead over to another implementer first.');
    await refuseLosingCaseRecords(programme.id, [actor.orgId]);
    const content = { ...programme.content, implementingOrgIds: programme.content.implementingOrgIds.filter((orgId) => orgId !== actor.orgId) };
    const next: StoredProgramme = { ...programme, content, version: programme.version + 1, updatedAt: isoNow() };
    await programmes.update(next, programme.version, programme.content);
    return { body: { id: programme.id, version: next.version } };
  },
});
