import Aura from '@primeuix/themes/aura';
import { definePreset } from '@primeuix/themes';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ConfirmationService from 'primevue/confirmationservice';
import ToastService from 'primevue/toastservice';
import { createApp } from 'vue';
import App from './App.vue';
import { loadConfig } from './config';
import { i18n } from './i18n';
import { createAppRouter } from './router';
import { initServices } from './services';
import 'primeicons/primeicons.css';
import './styles.css';

const PaktPreset = definePreset(Aura, {
  semantic: {
    primary: {
      50: '#eef5fb', 100: '#d5e6f5', 200: '#abcdeb', 300: '#7aaedb', 400: '#4a8bc6', 500: '#2a6ea9',
      600: '#1d5a90', 700: '#0f4c81', 800: '#0c3d68', 900: '#092e4f', 950: '#061f36',
    },
  },
});

const start = async () => {
  const config = await loadConfig();
  const router = createAppRouter();
  const { auth } = initServices(config, () => {
    void auth.signIn(router.currentRoute.value.fullPath);
  });
  const app = createApp(App);
  app.use(createPinia());
  app.use(i18n);
  app.use(router);
  app.use(PrimeVue, { theme: { preset: PaktPreset, options: { darkModeSelector: false, cssLayer: false } } });
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
