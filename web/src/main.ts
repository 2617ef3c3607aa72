import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ConfirmationService from 'primevue/confirmationservice';
import ToastService from 'primevue/toastservice';
import { createApp } from 'vue';
import App from './App.vue';
import { loadConfig } from './config';
import { i18n, loadInitialLocale } from './i18n';
import { createAppRouter } from './router';
import { initServices } from './services';
import 'primeicons/primeicons.css';
import './styles.css';
// After the app's own rules, as PrimeVue's runtime-injected styles came before: see web/build/precompiled-theme.ts.
import 'virtual:pakt-theme/common.css';

const start = async () => {
  const [config] = await Promise.all([loadConfig(), loadInitialLocale()]);
  const router = createAppRouter();
  const { auth } = initServices(config, () => {
    void auth.signIn(router.currentRoute.value.fullPath);
  });
  const app = createApp(App);
  app.use(createPinia());
  app.use(i18n);
  app.use(router);
  // The theme is static CSS computed at build time (web/build/precompiled-theme.ts).
  app.use(PrimeVue, { theme: 'none' });
  app.use(ToastService);
  app.use(ConfirmationService);
  app.mount('#app');
};

start().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root) {
    root.textContent = `Pakt could not start: ${error instanceof Error ? error.message : String(error)}`;
    root.setAttribute('role', 'alert');
  }
});
