import type { Router } from 'vue-router';
import type { AuthSession } from '../auth/session';
import { installServiceWorker } from '../pwa';
import { services } from '../services';
import { useOutboxStore } from '../stores/outbox';
import { useSessionStore } from '../stores/session';
import { warmUpDevice } from './warm-up';

// After the first screen's own requests, which go first on a slow connection.
const warmUpDelayMs = 5000;

/**
 * After the first screen: the service worker, then for whoever is signed in on this device the outbox
 * (sent now and on every reconnect) and the reads the field needs, taken while the connection is here.
 */
export const startOfflineWork = async (router: Router, auth: AuthSession): Promise<void> => {
  await installServiceWorker(router);
  if (!auth.subject()) return;
  void useOutboxStore().start();
  await router.isReady();
  const actor = useSessionStore().actor;
  if (actor && navigator.onLine) setTimeout(() => void warmUpDevice(services().api, actor), warmUpDelayMs);
};
