import { defineEntity } from '../data/entity.js';
import { TrackedObligation } from './schema.js';

/** Undated obligations sort last in the lists by due date. */
const dueOf = (dueDate: string | undefined) => dueDate ?? '9999-12-31';

/**
 * A tracked obligation lives in its memorandum's partition (read with it) and in
 * two lists by first due date: its owner's (GSI1) and its drafter's (GSI2), whose coordinators watch it.
 */
const obligationKey = (memorandumId: string, obligationId: string) => ({ PK: `MOU#${memorandumId}`, SK: `OBL#${obligationId}` });

export const trackedObligation = defineEntity({
  tag: 'trackedObligation',
  version: 1,
  schema: TrackedObligation,
  key: obligationKey,
  keyOf: (obligation) => obligationKey(obligation.memorandumId, obligation.obligationId),
  indexKeysOf: (obligation) => ({
    GSI1PK: `ORG#${obligation.ownerOrgId}#OBL`,
    GSI1SK: `${dueOf(obligation.dueDate)}#${obligation.memorandumId}#${obligation.obligationId}`,
    GSI2PK: `ORG#${obligation.draftingOrgId}#DRAFTED_OBL`,
    GSI2SK: `${dueOf(obligation.dueDate)}#${obligation.memorandumId}#${obligation.obligationId}`,
  }),
});

export const obligationsInMemorandum = (memorandumId: string) => ({ PK: `MOU#${memorandumId}`, SKPrefix: 'OBL#' });
export const obligationsOfOrganisation = (ownerOrgId: string) => ({ GSI1PK: `ORG#${ownerOrgId}#OBL` });
export const draftedObligationsOfOrganisation = (draftingOrgId: string) => ({ GSI2PK: `ORG#${draftingOrgId}#DRAFTED_OBL` });
