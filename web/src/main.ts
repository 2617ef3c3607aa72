import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { loadConfig } from './config';
import { i18n, loadInitialLocale } from './i18n';
import { createAppRouter } from './router';
import { initServices } from './services';
import { loadUiLibrary, uiLibraryLoaded } from './ui-library';
import 'primeicons/primeicons.css';
import './styles.css';
// After the app's own rules, as PrimeVue's runtime-injected styles came before: see web/build/precompiled-theme.ts.
import 'virtual:pakt-theme/common.css';

const start = async () => {
  const app = createApp(App);
  const uiLibrary = loadUiLibrary(app);
  const [config] = await Promise.all([loadConfig(), loadInitialLocale()]);
  const router = createAppRouter();
  const { auth } = initServices(config, () => {
    void auth.signIn(router.currentRoute.value.fullPath);
  }, () => import('./offline/saved-reads'));
  // Every screen uses PrimeVue components: none renders before the library is installed.
  router.beforeResolve(() => uiLibraryLoaded());
  app.use(createPinia());
  app.use(i18n);
  app.use(router);
  app.mount('#app');
  await uiLibrary;
  // The installable app and the offline work start once the first screen is there (web/src/offline).
  await import('./offline/start').then(({ startOfflineWork }) => startOfflineWork(router, auth));
};

start().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root) {
    root.textContent = `Pakt could not start: ${error instanceof Error ? error.message : String(error)}`;
    root.setAttribute('role', 'alert');
  }
});
