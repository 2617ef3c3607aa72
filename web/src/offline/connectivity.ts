/**
 * Whether the app reaches the API, and the age of the oldest saved data the current screen shows. The
 * browser's online flag is a hint; a failed request is proof. Plain state without Vue, so that the API
 * client and the router carry no reactivity of their own; screens read it through `useConnectivity`.
 */
let online = typeof navigator === 'undefined' ? true : navigator.onLine;
let oldestShown: string | undefined;
const watchers = new Set<() => void>();
const reconnectListeners = new Set<() => void>();

const changed = () => {
  for (const watcher of watchers) watcher();
};

export const markOnline = () => {
  if (online) return;
  online = true;
  changed();
  for (const listener of reconnectListeners) listener();
};

export const markOffline = () => {
  if (!online) return;
  online = false;
  changed();
};

if (typeof window !== 'undefined') {
  window.addEventListener('online', markOnline);
  window.addEventListener('offline', markOffline);
}

export const isOnline = () => online;
export const oldestSavedDataShown = () => oldestShown;

/** A screen shows data saved on the device at `savedAt`. */
export const noteSavedDataShown = (savedAt: string) => {
  if (oldestShown && oldestShown <= savedAt) return;
  oldestShown = savedAt;
  changed();
};

/** A new screen: the age shown is its own. */
export const forgetShownData = () => {
  if (oldestShown === undefined) return;
  oldestShown = undefined;
  changed();
};

/** Runs `watcher` on every change of either. */
export const watchConnectivity = (watcher: () => void) => {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
};

/** Runs `listener` each time the connection comes back (the outbox sends then). */
export const onReconnect = (listener: () => void) => {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
};
