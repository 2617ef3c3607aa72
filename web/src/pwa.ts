import type { Router } from 'vue-router';
import { Workbox } from 'workbox-window';

/**
 * The installed app's service worker (built by vite-plugin-pwa, see vite.config.ts), registered after the
 * first screen so it never delays it. A new version is taken on the next move between screens — a full
 * load of the screen asked for — never in the middle of a form; the outbox lives in IndexedDB and
 * survives it. A page still holding the old version's chunk names after a deployment reloads too.
 */
export const installServiceWorker = async (router: Router): Promise<void> => {
  window.addEventListener('vite:preloadError', () => window.location.reload());
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const worker = new Workbox('/sw.js', { scope: '/' });
  // The runtime config is kept by the worker as it passes through it: once now that it controls the page.
  const keepConfig = () => void fetch('/config.json', { cache: 'no-store' }).catch(() => undefined);
  // A new version took over (after the move below): the screen asked for loads with its code.
  worker.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
    else keepConfig();
  });
  router.afterEach((to, from) => {
    // A no-op unless a new version is installed and waiting.
    if (from.matched.length > 0 && to.fullPath !== from.fullPath) worker.messageSkipWaiting();
  });
  // A registration that fails (a private window without storage) leaves the app as it was: online only.
  await worker.register({ immediate: true }).catch(() => undefined);
  if (navigator.serviceWorker.controller) keepConfig();
};
