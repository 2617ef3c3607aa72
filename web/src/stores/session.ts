import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Actor } from '../../../functions/core/actor';
import type { Me } from '../../../functions/users/schema';
import { services } from '../services';

/** Who is signed in: their profile, roles and organisation, loaded once after sign-in. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  const error = ref<unknown>(null);

  const actor = computed<Actor | null>(() => (me.value && me.value.organisation ? { userId: me.value.userId, orgId: me.value.organisation.id, roles: me.value.roles } : null));
  const displayName = computed(() => me.value?.profile?.name ?? '');

  const load = async () => {
    error.value = null;
    try {
      me.value = (await services().api.get<Me>('/me')).body;
    } catch (caught) {
      error.value = caught;
      throw caught;
    }
  };

  /** `forgetDevice` wipes what the device keeps of the person (AppShell passes web/src/offline's). */
  const signOut = async (forgetDevice: () => Promise<void>) => {
    me.value = null;
    // Nothing of the person stays on the device: saved reads, drafts and the outbox go with the session.
    await forgetDevice().catch(() => undefined);
    await services().auth.signOut();
  };

  return { me, actor, displayName, error, load, signOut };
});
