import type { Router } from 'vue-router';
import type { AuthSession } from '../auth/session';
import { installServiceWorker } from '../pwa';
import { services } from '../services';
import { useOutboxStore } from '../stores/outbox';
import { useSessionStore } from '../stores/session';
import { warmUpDevice } from './warm-up';

// After the first screen's own requests, which go first on a slow connection.
const warmUpDelayMs = 5000;

/** The outbox (sent now and on every reconnect) and the reads the field needs, taken while the connection is here. */
const startFor = () => {
  void useOutboxStore().start();
  const actor = useSessionStore().actor;
  if (actor && navigator.onLine) setTimeout(() => void warmUpDevice(services().api, actor), warmUpDelayMs);
};

/**
 * After the first screen: the service worker, then the offline work of whoever is signed in on this
 * device — at once, or when the sign-in that this page completes has taken them to their first screen.
 */
export const startOfflineWork = async (router: Router, auth: AuthSession): Promise<void> => {
  await installServiceWorker(router);
  await router.isReady();
  if (auth.subject() && useSessionStore().actor) return startFor();
  const stop = router.afterEach(() => {
    if (!auth.subject() || !useSessionStore().actor) return;
    stop();
    startFor();
  });
};
