import type { Actor } from '../core/actor.js';
import { notFound } from '../core/errors.js';
import { indicatorsOf, programmeRoleOf, type ProgrammeRole } from './policy.js';
import { keys } from '../data/keys.js';
import type { SourceFigures } from './actuals.js';
import type { PartyFigures } from './dashboard.js';
import { keyString, type ProgrammeRepository, type StoredProgramme } from './repository.js';

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
  const progress = await programmes.getMany([
    ...programme.linkedParties.flatMap(({ memorandumId, orgIds }) => orgIds.map((orgId) => keys.partyProgress(memorandumId, orgId))),
    ...sources.map((source) => keys.trackedObligation(source.memorandumId, source.obligationId)),
  ]);
  const sourceFigures: SourceFigures = Object.fromEntries(sources.flatMap((source) => {
    const obligation = progress.get(keyString(keys.trackedObligation(source.memorandumId, source.obligationId)));
    const actual = (obligation?.indicators as { id: string; latestActual?: number }[] | undefined)?.find((candidate) => candidate.id === source.indicatorId)?.latestActual;
    const reportedThrough = obligation?.reportedThrough as string | undefined;
    return actual !== undefined && reportedThrough ? [[source.programmeIndicatorId, { value: actual, reportedThrough }]] : [];
  }));
  const parties = programme.linkedParties.flatMap(({ memorandumId, orgIds }) => orgIds.flatMap((orgId) => {
    const item = progress.get(keyString(keys.partyProgress(memorandumId, orgId)));
    if (!item) return [];
    const last = item.lastAcceptedReport as PartyFigures['lastAcceptedReport'];
    return [{ memorandumId, orgId, total: Number(item.total ?? 0), done: Number(item.done ?? 0), percentSum: Number(item.percentSum ?? 0), ...(last ? { lastAcceptedReport: last } : {}) }];
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
  const found = await programmes.getMany(orgIds.map((orgId) => keys.organisation(orgId)));
  return Object.fromEntries(orgIds.flatMap((orgId) => {
    const item = found.get(keyString(keys.organisation(orgId)));
    return item ? [[orgId, { name: item.name as NamedOrganisation['name'], type: String(item.type ?? 'other'), ...(item.registrationCode ? { registrationCode: String(item.registrationCode) } : {}) }]] : [];
  }));
};
