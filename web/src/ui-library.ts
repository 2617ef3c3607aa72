import type { App } from 'vue';

/**
 * PrimeVue (its configuration, toasts and confirmations) is loaded beside the first
 * screen's profile and code, not before the app starts: the shell draws without it,
 * and the router lets no screen render until it is installed.
 */
let loading: Promise<void> | undefined;

export const loadUiLibrary = (app: App): Promise<void> =>
  (loading ??= import('./ui-library-plugins').then(({ installUiLibrary }) => installUiLibrary(app)));

/** Resolves once the library is installed (at once if nothing started loading it). */
export const uiLibraryLoaded = (): Promise<void> => loading ?? Promise.resolve();
