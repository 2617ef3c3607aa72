import type { Actor } from '../core/actor.js';
import { notFound } from '../core/errors.js';
import { programmeRoleOf, type ProgrammeRole } from './policy.js';
import { keys } from '../data/keys.js';
import type { PartyFigures } from './dashboard.js';
import { keyString, type ProgrammeRepository, type StoredProgramme } from './repository.js';

/** The programme if the caller implements or funds it; otherwise it does not exist for them (404). */
export const loadVisibleProgramme = async (programmes: ProgrammeRepository, actor: Actor, programmeId: string): Promise<{ programme: StoredProgramme; role: ProgrammeRole }> => {
  const programme = await programmes.get(programmeId);
  const role = programme ? programmeRoleOf(actor, programme.content) : undefined;
  if (!programme || !role) throw notFound('The programme');
  return { programme, role };
};

/** The obligation figures of each party of each linked memorandum: one BatchGet by key. */
export const linkedPartyFigures = async (programmes: ProgrammeRepository, programme: StoredProgramme): Promise<PartyFigures[]> => {
  const progress = await programmes.getMany(programme.linkedParties.flatMap(({ memorandumId, orgIds }) => orgIds.map((orgId) => keys.partyProgress(memorandumId, orgId))));
  return programme.linkedParties.flatMap(({ memorandumId, orgIds }) => orgIds.flatMap((orgId) => {
    const item = progress.get(keyString(keys.partyProgress(memorandumId, orgId)));
    if (!item) return [];
    const last = item.lastAcceptedReport as PartyFigures['lastAcceptedReport'];
    return [{ memorandumId, orgId, total: Number(item.total ?? 0), done: Number(item.done ?? 0), percentSum: Number(item.percentSum ?? 0), ...(last ? { lastAcceptedReport: last } : {}) }];
  }));
};
