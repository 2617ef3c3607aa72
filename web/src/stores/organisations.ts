import { defineStore } from 'pinia';
import type { Organisation, OrganisationInput, OrganisationPage, OrganisationPatch } from '../../../functions/organisations/schema';
import { services } from '../services';
import { usePagedList } from './paged-list';

/** The organisations the user may see, page by page, and the edits they make. */
export const useOrganisationsStore = defineStore('organisations', () => {
  const list = usePagedList(async (cursor?: string) => {
    const query = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
    return (await services().api.get<OrganisationPage>(`/organisations?${query.toString()}`)).body;
  });

  const remember = (organisation: Organisation) =>
    list.upsert(organisation, (a, b) => a.id === b.id, (a, b) => a.name.uk.localeCompare(b.name.uk, 'uk'));

  const fetchOne = async (orgId: string) => {
    const { body, etag } = await services().api.get<Organisation>(`/organisations/${encodeURIComponent(orgId)}`);
    return { organisation: body, etag };
  };

  const create = async (input: OrganisationInput) => {
    const { body } = await services().api.send<Organisation>('POST', '/organisations', input, { idempotent: true });
    remember(body);
    return body;
  };

  const update = async (orgId: string, patch: OrganisationPatch, etag: string) => {
    const { body, etag: nextEtag } = await services().api.send<Organisation>('PATCH', `/organisations/${encodeURIComponent(orgId)}`, patch, { ifMatch: etag });
    remember(body);
    return { organisation: body, etag: nextEtag };
  };

  return { items: list.items, nextCursor: list.nextCursor, state: list.state, error: list.error, loadingMore: list.loadingMore, load: list.load, loadMore: list.loadMore, fetchOne, create, update, $reset: list.reset };
});
