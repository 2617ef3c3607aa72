import { readonly, ref } from 'vue';
import { isOnline, oldestSavedDataShown, watchConnectivity } from './connectivity';

/** Connectivity (./connectivity.ts) as reactive state for screens. */
const online = ref(isOnline());
const oldestShown = ref(oldestSavedDataShown());
watchConnectivity(() => {
  online.value = isOnline();
  oldestShown.value = oldestSavedDataShown();
});

export const connectivity = { online: readonly(online), oldestShown: readonly(oldestShown) };
