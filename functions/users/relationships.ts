import type { TableContext } from '../data/client.js';
import { memorandumRepository } from '../memoranda/repository.js';
import { programmeRepository } from '../programmes/repository.js';

/**
 * Whether two organisations work together: party to one memorandum (drafting it
 * counts, the drafter is a party), or implementing or funding one programme. Read
 * from the other organisation's lists (ids only) and our entries in them, by key:
 * two Queries, then two BatchGets, each pair in parallel.
 */
export const worksWith = async (ctx: TableContext, ownOrgId: string, otherOrgId: string): Promise<boolean> => {
  const memoranda = memorandumRepository(ctx);
  const programmes = programmeRepository(ctx);
  const [memorandumIds, programmeIds] = await Promise.all([memoranda.idsSeenBy(otherOrgId), programmes.idsOf(otherOrgId)]);
  const [sharedMemoranda, sharedProgrammes] = await Promise.all([memoranda.seenBy(ownOrgId, memorandumIds), programmes.ofWhich(ownOrgId, programmeIds)]);
  return sharedMemoranda.size + sharedProgrammes.size > 0;
};
