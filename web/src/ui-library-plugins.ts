import PrimeVue from 'primevue/config';
import ConfirmationService from 'primevue/confirmationservice';
import ToastService from 'primevue/toastservice';
import type { App } from 'vue';

/** PrimeVue's plugins, in a chunk of their own (see ui-library.ts). */
export const installUiLibrary = (app: App): void => {
  // The theme is static CSS computed at build time (web/build/precompiled-theme.ts).
  app.use(PrimeVue, { theme: 'none' });
  app.use(ToastService);
  app.use(ConfirmationService);
};
