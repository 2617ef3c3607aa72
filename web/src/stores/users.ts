import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { User, UserInvite, UserPage, UserStatus } from '../../../functions/users/schema';
import { services } from '../services';
import { usePagedList } from './paged-list';

/** The users of the organisation being viewed. */
export const useUsersStore = defineStore('users', () => {
  const orgId = ref<string | null>(null);
  const list = usePagedList(async (cursor?: string) => {
    const query = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
    return (await services().api.get<UserPage>(`/organisations/${encodeURIComponent(orgId.value ?? '')}/users?${query.toString()}`)).body;
  });

  const load = async (organisation: string) => {
    orgId.value = organisation;
    await list.load();
  };

  const replace = (user: User) => list.upsert(user, (a, b) => a.id === b.id, (a, b) => a.name.localeCompare(b.name, 'uk'));

  const invite = async (organisation: string, input: UserInvite) => {
    const { body } = await services().api.send<User>('POST', `/organisations/${encodeURIComponent(organisation)}/users`, input, { idempotent: true });
    if (organisation === orgId.value) replace(body);
    return body;
  };

  const setStatus = async (user: User, status: UserStatus) => {
    const { body } = await services().api.send<User>('PUT', `/users/${encodeURIComponent(user.id)}/status`, { status }, { ifMatch: `"${user.version}"` });
    replace(body);
    return body;
  };

  const $reset = () => {
    orgId.value = null;
    list.reset();
  };

  return { orgId, items: list.items, nextCursor: list.nextCursor, state: list.state, error: list.error, loadingMore: list.loadingMore, load, loadMore: list.loadMore, invite, setStatus, $reset };
});
