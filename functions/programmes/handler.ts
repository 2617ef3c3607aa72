import { randomBytes } from 'node:crypto';
import type { Actor } from '../core/actor.js';
import { isoNow } from '../core/clock.js';
import { AppError, invalid, type FieldProblem } from '../core/errors.js';
import { moduleHandler } from '../core/handler.js';
import { newId } from '../core/ids.js';
import { pageLimit } from '../core/schemas.js';
import { linkedFigures, programmeOrganisations } from './access.js';
import { contentProblems, indicatorsOf, leadOf, mayChangeMembers, removedImplementers, type ProgrammeRole } from './policy.js';
import type { StoredProgramme } from './repository.js';
import { dashboardOf, healthOf } from './dashboard.js';
import type { Programme, ProgrammeContent } from './schema.js';
import { today as todayIn } from '../core/calendar.js';
import { requireVersion } from '../core/versions.js';
import { loadProgramme, loadProgrammeToRun, partnerEventsOf, programmes, records } from './context.js';
import { activityOperations } from './activity-operations.js';
import { recordOperations } from './record-operations.js';
import { networkOperations } from './network-operations.js';
import { caseOperations } from './case-operations.js';
import { programmeRoutes } from './routes.js';

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
  const found = await programmes.references(organisations.map(({ orgId }) => orgId), memoranda.map(({ memorandumId }) => memorandumId));
  const contentOf = (memorandumId: string) => found.memoranda.get(memorandumId);
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
    ...organisations.filter(({ orgId }) => !found.organisations.has(orgId)).map(({ path }) => ({ path, message: 'No such organisation.' })),
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


export const handler = moduleHandler('programmes', programmeRoutes, {
  ...activityOperations,
  ...recordOperations,
  ...networkOperations,
  ...caseOperations,

  async listProgrammes({ actor, query }) {
    const page = await programmes.listForOrganisation(actor.orgId, pageLimit(query.limit), query.cursor);
    // Each listed programme's figures, in one BatchGet for the page.
    const figures = await programmes.figuresOf(page.items.map((item) => item.id));
    const today = todayIn();
    const items = page.items.map((item) => ({ ...item, health: healthOf(item.period, figures.get(item.id) ?? {}, today) }));
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

  async getDashboard({ actor, params }) {
    // The figures are read beside the head and shown only once the head says the caller may see them.
    const [{ programme, role }, figures] = await Promise.all([loadProgramme(actor, params.programmeId), records.figures(params.programmeId)]);
    const [{ parties, sources }, partnerEvents] = await Promise.all([linkedFigures(programmes, programme), partnerEventsOf(programme, { from: programme.content.period.start, to: programme.content.period.end })]);
    return { body: dashboardOf({ programme, role, figures, parties, sources, partnerEvents, today: todayIn() }) };
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
