import { useToast } from 'primevue/usetoast';
import { computed, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute } from 'vue-router';
import { ApiError } from '../api/client';
import { useOutboxStore } from '../stores/outbox';
import { connectivity } from './use-connectivity';
import type { OutboxItem } from './device';
import './messages';
import type { NewChange } from './outbox';

/** A file to attach to a record once online, with the API paths its upload takes. */
export type KeptFile = NonNullable<NewChange['files']>[number];

/** A failed request whose outcome is a missing connection, not an answer. */
export const isNetworkFailure = (error: unknown) => error instanceof ApiError && error.status === 0;

/**
 * A screen that edits one record and works offline: its unsent change (shown instead of the server's
 * record until it is sent), keeping a change on the device, and reloading once the outbox has sent it.
 */
export const useOfflineDraft = (options: { path: () => string; kind: OutboxItem['kind']; title: () => string; onSent: () => void }) => {
  const outbox = useOutboxStore();
  const route = useRoute();
  const toast = useToast();
  const { t } = useI18n();
  const pending = computed(() => outbox.unsent.find((item) => item.path === options.path()));

  watch(() => pending.value?.id, (now, before) => {
    if (before && !now) options.onSent();
  });

  const keep = async (change: { change: unknown; basedOn: string | undefined; base: unknown; files?: KeptFile[] }) => {
    await outbox.queue({ kind: options.kind, screen: route.fullPath, title: options.title(), path: options.path(), ...change });
    toast.add({ severity: 'info', summary: t('offline.keptOnDevice'), detail: t('offline.keptDetail'), life: 6000 });
  };

  return { pending, keep, online: connectivity.online, ready: () => outbox.refresh() };
};
