import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { OutboxItem } from '../offline/device';
import { onReconnect } from '../offline/connectivity';
import { connectivity } from '../offline/use-connectivity';
import type { NewChange } from '../offline/outbox';
import type { SendOutcome } from '../offline/sending';
import { services } from '../services';

/** How often a waiting outbox is tried again while the browser believes it is online (a flaky connection). */
const retryEveryMs = 60_000;

// The outbox's code (IndexedDB, uploads) loads after the first screen: the shell only shows its count.
const queueing = () => import('../offline/outbox');
const sending = () => import('../offline/sending');

/** The outbox as the screens show it: what waits, what is on its way (with each file's progress), what needs the person. */
export const useOutboxStore = defineStore('outbox', () => {
  const items = ref<OutboxItem[]>([]);
  const progress = ref<Record<string, { file: string; percent: number }>>({});
  const outcome = ref<SendOutcome>('sent');
  const busy = ref(false);

  const unsent = computed(() => items.value.filter((item) => item.state !== 'sent'));
  const needsAttention = computed(() => items.value.filter((item) => item.state === 'attention'));

  const refresh = async () => {
    items.value = await (await queueing()).outboxItems();
  };

  let again = false;
  const send = async (): Promise<void> => {
    if (busy.value) {
      again = true;
      return;
    }
    busy.value = true;
    try {
      outcome.value = await (await sending()).sendOutbox({
        changed: () => void refresh(),
        progress: (itemId, file, percent) => (progress.value = { ...progress.value, [itemId]: { file, percent } }),
      });
    } finally {
      busy.value = false;
      progress.value = {};
      await refresh();
    }
    if (again) {
      again = false;
      await send();
    }
  };

  const queue = async (change: NewChange) => {
    const subject = services().auth.subject();
    if (!subject) throw new Error('Nobody is signed in on this device');
    const item = await (await queueing()).queueChange(subject, change);
    await refresh();
    if (connectivity.online.value) void send();
    return item;
  };
  const discard = async (id: string) => {
    await (await queueing()).discardItem(id);
    await refresh();
  };
  const settle = async (item: OutboxItem, choice: 'mine' | 'theirs') => {
    await (await queueing()).settleConflict(item, choice);
    await refresh();
    void send();
  };

  let started = false;
  /** Once, after the first screen: sends what waits now, on every reconnect, and every minute while something waits. */
  const start = async () => {
    if (started) return;
    started = true;
    await (await queueing()).pruneSent().catch(() => undefined);
    await refresh();
    onReconnect(() => void send());
    setInterval(() => {
      if (connectivity.online.value && unsent.value.some((item) => item.state === 'waiting')) void send();
    }, retryEveryMs);
    if (connectivity.online.value) await send();
  };

  return { items, unsent, needsAttention, progress, outcome, sending: busy, refresh, send, queue, discard, settle, start };
});
