import type { Actor } from '../core/actor.js';
import { notFound } from '../core/errors.js';
import { programmeRoleOf, type ProgrammeRole } from './policy.js';
import type { ProgrammeRepository, StoredProgramme } from './repository.js';

/** The programme if the caller implements or funds it; otherwise it does not exist for them (404). */
export const loadVisibleProgramme = async (programmes: ProgrammeRepository, actor: Actor, programmeId: string): Promise<{ programme: StoredProgramme; role: ProgrammeRole }> => {
  const programme = await programmes.get(programmeId);
  const role = programme ? programmeRoleOf(actor, programme.content) : undefined;
  if (!programme || !role) throw notFound('The programme');
  return { programme, role };
};
