import type { Actor } from '../core/actor.js';
import { notFound } from '../core/errors.js';
import { indicatorsOf, programmeRoleOf, type ProgrammeRole } from './policy.js';
import type { SourceFigures } from './actuals.js';
import type { PartyFigures } from './dashboard.js';
import type { ProgrammeRepository, StoredProgramme } from './repository.js';

/** The programme if the caller implements or funds it; otherwise it does not exist for them (404). */
export const loadVisibleProgramme = async (programmes: ProgrammeRepository, actor: Actor, programmeId: string): Promise<{ programme: StoredProgramme; role: ProgrammeRole }> => {
  const programme = await programmes.get(programmeId);
  const role = programme ? programmeRoleOf(actor, programme.content) : undefined;
  if (!programme || !role) throw notFound('The programme');
  return { programme, role };
};

/**
 * From the linked memoranda, in one BatchGet by key: each party's obligation
 * figures, and the tracked obligations that programme indicators take actuals from.
 */
export const linkedFigures = async (programmes: ProgrammeRepository, programme: StoredProgramme): Promise<{ parties: PartyFigures[]; sources: SourceFigures }> => {
  const sources = indicatorsOf(programme.content).flatMap(({ indicator }) => (indicator.source ? [{ programmeIndicatorId: indicator.id, ...indicator.source }] : []));
  const linked = await programmes.linkedRecords(programme.linkedParties.flatMap(({ memorandumId, orgIds }) => orgIds.map((orgId) => ({ memorandumId, orgId }))), sources);
  const sourceFigures: SourceFigures = Object.fromEntries(sources.flatMap((source) => {
    const obligation = linked.obligations.find((candidate) => candidate.memorandumId === source.memorandumId && candidate.obligationId === source.obligationId);
    const actual = obligation?.indicators.find((candidate) => candidate.id === source.indicatorId)?.latestActual;
    const reportedThrough = obligation?.reportedThrough;
    return actual !== undefined && reportedThrough ? [[source.programmeIndicatorId, { value: actual, reportedThrough }]] : [];
  }));
  const parties = programme.linkedParties.flatMap(({ memorandumId, orgIds }) => orgIds.flatMap((orgId): PartyFigures[] => {
    const figures = linked.figures.find((candidate) => candidate.memorandumId === memorandumId && candidate.orgId === orgId);
    if (!figures) return [];
    const { total, done, percentSum, lastAcceptedReport } = figures;
    return [{ memorandumId, orgId, total, done, percentSum, ...(lastAcceptedReport ? { lastAcceptedReport } : {}) }];
  }));
  return { parties, sources: sourceFigures };
};

/** An organisation the programme names, as its views and files show it. */
export interface NamedOrganisation {
  name: { uk: string; en: string };
  type: string;
  registrationCode?: string;
}

/** Every organisation the programme names (implementers, funders, linked memoranda's parties): one BatchGet. */
export const programmeOrganisations = async (programmes: ProgrammeRepository, programme: StoredProgramme): Promise<Record<string, NamedOrganisation>> => {
  const orgIds = [...new Set([...programme.content.implementingOrgIds, ...programme.content.funderOrgIds, ...programme.linkedParties.flatMap((link) => link.orgIds)])];
  const { organisations } = await programmes.references(orgIds, []);
  return Object.fromEntries(orgIds.flatMap((orgId) => {
    const found = organisations.get(orgId);
    return found ? [[orgId, { name: found.name, type: found.type, ...(found.registrationCode ? { registrationCode: found.registrationCode } : {}) }]] : [];
  }));
};
