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
    // Keyboard focus must be plain to see: a 2-px ring, offset from the control.
    focusRing: { width: '2px', style: 'solid', color: '{primary.700}', offset: '2px' },
    primary: {
      50: '#eef5fb', 100: '#d5e6f5', 200: '#abcdeb', 300: '#7aaedb', 400: '#4a8bc6', 500: '#2a6ea9',
      600: '#1d5a90', 700: '#0f4c81', 800: '#0c3d68', 900: '#092e4f', 950: '#061f36',
    },
  },
  // Aura's grey labels (slate-500) fall under 4.5:1 on its light surfaces: one step darker reads at ≥ 6:1.
  components: {
    message: {
      colorScheme: {
        light: Object.fromEntries((['info:blue', 'success:green', 'warn:yellow', 'error:red'] as const).map((pair) => {
          const [severity, hue] = pair.split(':');
          const color = `{${hue}.800}`;
          return [severity, { color, outlined: { color }, simple: { color } }];
        })),
      },
    },
    togglebutton: { colorScheme: { light: { root: { color: '{surface.600}' }, icon: { color: '{surface.600}' } } } },
    button: {
      colorScheme: {
        light: {
          outlined: { secondary: { color: '{surface.600}' }, danger: { color: '{red.700}' }, success: { color: '{green.700}' }, warn: { color: '{orange.700}' }, info: { color: '{sky.700}' } },
          text: { secondary: { color: '{surface.600}' }, danger: { color: '{red.700}' }, success: { color: '{green.700}' }, warn: { color: '{orange.700}' }, info: { color: '{sky.700}' } },
        },
      },
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
