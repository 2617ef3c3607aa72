import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Organisation, OrganisationInput, OrganisationPage, OrganisationPatch } from '../../../functions/organisations/schema';
import { services } from '../services';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** The organisations the user may see, page by page, and the edits they make. */
export const useOrganisationsStore = defineStore('organisations', () => {
  const items = ref<Organisation[]>([]);
  const nextCursor = ref<string | undefined>();
  const state = ref<LoadState>('idle');
  const error = ref<unknown>(null);

  const fetchPage = async (cursor?: string) => {
    const query = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
    return (await services().api.get<OrganisationPage>(`/organisations?${query.toString()}`)).body;
  };

  const load = async () => {
    state.value = 'loading';
    error.value = null;
    try {
      const page = await fetchPage();
      items.value = page.items;
      nextCursor.value = page.nextCursor;
      state.value = 'ready';
    } catch (caught) {
      error.value = caught;
      state.value = 'error';
    }
  };

  const loadMore = async () => {
    if (!nextCursor.value) return;
    const page = await fetchPage(nextCursor.value);
    items.value = [...items.value, ...page.items];
    nextCursor.value = page.nextCursor;
  };

  const remember = (organisation: Organisation) => {
    const index = items.value.findIndex((item) => item.id === organisation.id);
    if (index >= 0) items.value.splice(index, 1, organisation);
    else items.value = [...items.value, organisation].sort((a, b) => a.name.uk.localeCompare(b.name.uk, 'uk'));
  };

  const fetchOne = async (orgId: string) => {
    const { body, etag } = await services().api.get<Organisation>(`/organisations/${encodeURIComponent(orgId)}`);
    return { organisation: body, etag };
  };

  const create = async (input: OrganisationInput, idempotencyKey: string) => {
    const { body } = await services().api.send<Organisation>('POST', '/organisations', input, { idempotencyKey });
    remember(body);
    return body;
  };

  const update = async (orgId: string, patch: OrganisationPatch, etag: string) => {
    const { body, etag: nextEtag } = await services().api.send<Organisation>('PATCH', `/organisations/${encodeURIComponent(orgId)}`, patch, { ifMatch: etag });
    remember(body);
    return { organisation: body, etag: nextEtag };
  };

  const $reset = () => {
    items.value = [];
    nextCursor.value = undefined;
    state.value = 'idle';
    error.value = null;
  };

  return { items, nextCursor, state, error, load, loadMore, fetchOne, create, update, $reset };
});
