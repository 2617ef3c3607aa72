import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { User, UserInvite, UserPage, UserStatus } from '../../../functions/users/schema';
import { services } from '../services';
import type { LoadState } from './organisations';

/** The users of the organisation being viewed. */
export const useUsersStore = defineStore('users', () => {
  const orgId = ref<string | null>(null);
  const items = ref<User[]>([]);
  const nextCursor = ref<string | undefined>();
  const state = ref<LoadState>('idle');
  const error = ref<unknown>(null);

  const fetchPage = async (organisation: string, cursor?: string) => {
    const query = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
    return (await services().api.get<UserPage>(`/organisations/${encodeURIComponent(organisation)}/users?${query.toString()}`)).body;
  };

  const load = async (organisation: string) => {
    orgId.value = organisation;
    state.value = 'loading';
    error.value = null;
    try {
      const page = await fetchPage(organisation);
      items.value = page.items;
      nextCursor.value = page.nextCursor;
      state.value = 'ready';
    } catch (caught) {
      error.value = caught;
      state.value = 'error';
    }
  };

  const loadMore = async () => {
    if (!orgId.value || !nextCursor.value) return;
    const page = await fetchPage(orgId.value, nextCursor.value);
    items.value = [...items.value, ...page.items];
    nextCursor.value = page.nextCursor;
  };

  const replace = (user: User) => {
    const index = items.value.findIndex((item) => item.id === user.id);
    if (index >= 0) items.value.splice(index, 1, user);
    else items.value = [...items.value, user].sort((a, b) => a.name.localeCompare(b.name, 'uk'));
  };

  const invite = async (organisation: string, input: UserInvite, idempotencyKey: string) => {
    const { body } = await services().api.send<User>('POST', `/organisations/${encodeURIComponent(organisation)}/users`, input, { idempotencyKey });
    replace(body);
    return body;
  };

  const setStatus = async (user: User, status: UserStatus) => {
    const { body } = await services().api.send<User>('PUT', `/users/${encodeURIComponent(user.id)}/status`, { status }, { ifMatch: `"${user.version}"` });
    replace(body);
    return body;
  };

  const $reset = () => {
    orgId.value = null;
    items.value = [];
    nextCursor.value = undefined;
    state.value = 'idle';
    error.value = null;
  };

  return { orgId, items, nextCursor, state, error, load, loadMore, invite, setStatus, $reset };
});
