import { createdResponse, moduleHandler } from '../core/handler.js';
import { requireVersion } from '../core/versions.js';
import { forbidden, notFound } from '../core/errors.js';
import { isoNow } from '../core/clock.js';
import { newId } from '../core/ids.js';
import { pageLimit } from '../core/schemas.js';
import { tableContext } from '../data/client.js';
import { applyOrganisationPatch, newOrganisation } from './model.js';
import { canEditOrganisation, canSeeAllOrganisations, canSeeOrganisation } from './policy.js';
import { organisationRepository } from './repository.js';
import { organisationRoutes } from './routes.js';

const organisations = organisationRepository(tableContext());

const findVisible = async (actor: Parameters<typeof canSeeOrganisation>[0], orgId: string) => {
  // A caller who may not see the organisation learns nothing, not even that it exists.
  const organisation = canSeeOrganisation(actor, orgId) ? await organisations.get(orgId) : undefined;
  if (!organisation) throw notFound('The organisation');
  return organisation;
};

export const handler = moduleHandler('organisations', organisationRoutes, {
  async listOrganisations({ actor, query }) {
    if (canSeeAllOrganisations(actor)) {
      return { body: await organisations.listByName(pageLimit(query.limit), query.cursor) };
    }
    const own = await organisations.get(actor.orgId);
    return { body: { items: own ? [own] : [] } };
  },

  async getOrganisation({ actor, params }) {
    const organisation = await findVisible(actor, params.orgId);
    return { body: organisation, version: organisation.version };
  },

  async createOrganisation({ actor, body, idempotency }) {
    const organisation = newOrganisation(body, newId(), isoNow(), actor.orgId);
    const result = createdResponse('/api/organisations', organisation);
    await organisations.create(organisation, idempotency ? [idempotency.record(result)] : []);
    return result;
  },

  async updateOrganisation({ actor, params, body, ifMatch }) {
    const current = await findVisible(actor, params.orgId);
    if (!canEditOrganisation(actor, current)) throw forbidden('Only an admin, a coordinator of this organisation or of the organisation that registered it can change it.');
    requireVersion(current, ifMatch, 'organisation');
    const next = applyOrganisationPatch(current, body, isoNow());
    await organisations.update(next, current.version);
    return { body: next, version: next.version };
  },
});
