import type { Actor } from '../core/actor.js';
import { AppError, notFound } from '../core/errors.js';
import { tableContext } from '../data/client.js';
import { loadVisibleProgramme } from './access.js';
import { roleFromRelationship, type ProgrammeRole } from './policy.js';
import { programmeRepository, type StoredProgramme } from './repository.js';
import { recordsRepository } from './records-repository.js';
import { memorandumEventRepository } from '../events/repository.js';

/**
 * What every programme operation shares (the handler and its sub-resources:
 * activities, records, network, cases): the repositories and the access check
 * that loads the programme.
 */
export const programmes = programmeRepository(tableContext());
export const records = recordsRepository(tableContext());
const memorandumEvents = memorandumEventRepository(tableContext());

/** The events the parties of the programme's linked memoranda organise: the programme's calendar and dashboard show them too. */
export const partnerEventsOf = (programme: StoredProgramme, range: { from?: string; to?: string } = {}) =>
  memorandumEvents.listForMemoranda(programme.linkedParties.map((link) => link.memorandumId), range);

export const loadProgramme = (actor: Actor, programmeId: string) => loadVisibleProgramme(programmes, actor, programmeId);

const requireImplementer = (role: ProgrammeRole) => {
  if (role !== 'implementer') throw new AppError('forbidden', 'Only coordinators of an implementing organisation change a programme.');
};

/** The programme, for the routes that run it: its implementers only (funders get 403, everyone else 404). */
export const loadProgrammeToRun = async (actor: Actor, programmeId: string): Promise<StoredProgramme> => {
  const { programme, role } = await loadProgramme(actor, programmeId);
  requireImplementer(role);
  return programme;
};

/** The same rule where the relationship was read with the records (records-repository's `…Beside` reads). */
export const requireToRun = (actor: Actor, relationship: ProgrammeRole | undefined): void => {
  const role = roleFromRelationship(actor, relationship);
  if (!role) throw notFound('The programme');
  requireImplementer(role);
};

/**
 * Records whose keys lie apart from any relationship item: read beside the
 * programme's head, in parallel (one round trip, two requests), and returned
 * only once the head says the caller runs the programme.
 */
export const readToRun = async <T>(actor: Actor, programmeId: string, read: () => Promise<T>): Promise<{ programme: StoredProgramme; data: T }> => {
  const [programme, data] = await Promise.all([loadProgrammeToRun(actor, programmeId), read()]);
  return { programme, data };
};

