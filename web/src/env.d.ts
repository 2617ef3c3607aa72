/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
// PrimeVue's event buses between its services and their components ship without declarations.
interface PrimeVueEventBus {
  on(type: string, handler: (event: unknown) => void): void;
  off(type: string, handler: (event: unknown) => void): void;
  emit(type: string, event?: unknown): void;
}
declare module 'primevue/toasteventbus' {
  const bus: PrimeVueEventBus;
  export default bus;
}
declare module 'primevue/confirmationeventbus' {
  const bus: PrimeVueEventBus;
  export default bus;
}
