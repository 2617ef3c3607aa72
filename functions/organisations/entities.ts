import { defineEntity, sortable } from '../data/entity.js';
import { Organisation } from './schema.js';

const organisationKey = (orgId: string) => ({ PK: `ORG#${orgId}`, SK: 'ORG' });

/** An organisation, listed by its Ukrainian name in GSI1. */
export const organisation = defineEntity({
  tag: 'organisation',
  version: 1,
  schema: Organisation,
  key: organisationKey,
  keyOf: (value) => organisationKey(value.id),
  indexKeysOf: (value) => ({ GSI1PK: organisationsByName.GSI1PK, GSI1SK: `${sortable(value.name.uk)}#${value.id}` }),
});

/** GSI1: every organisation, by name. */
export const organisationsByName = { GSI1PK: 'ORGS' };
