import type { Organisation, OrganisationInput, OrganisationPatch } from './schema.js';

/** Pure rules for building and changing an organisation record. */

export const newOrganisation = (input: OrganisationInput, id: string, now: string, registeredByOrgId?: string): Organisation => ({
  id,
  ...(registeredByOrgId === undefined ? {} : { registeredByOrgId }),
  name: input.name,
  type: input.type,
  ...(input.registrationCode === undefined ? {} : { registrationCode: input.registrationCode }),
  contacts: input.contacts ?? {},
  ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
  version: 1,
  createdAt: now,
  updatedAt: now,
});

export const applyOrganisationPatch = (current: Organisation, patch: OrganisationPatch, now: string): Organisation => {
  const { registrationCode, ...rest } = { ...current, ...patch };
  return {
    ...rest,
    ...(registrationCode === null || registrationCode === undefined ? {} : { registrationCode }),
    contacts: patch.contacts ?? current.contacts,
    version: current.version + 1,
    updatedAt: now,
  };
};
