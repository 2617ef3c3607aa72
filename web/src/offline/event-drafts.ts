import { useToast } from 'primevue/usetoast';
import { watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute } from 'vue-router';
import { useBilingual } from '../bilingual';
import { useOutboxStore } from '../stores/outbox';
import { isNetworkFailure } from './drafts';
import { connectivity } from './use-connectivity';

interface EventRecord { id: string; version: number; title: { uk?: string | undefined; en?: string | undefined } }

/**
 * A calendar of events (a memorandum's, a programme's) whose changes may be made offline: attendance counted
 * at the door waits on the device, shown over the stored event until the outbox has sent it.
 */
export const useEventDrafts = <Input extends object>(options: { recordPath: (eventId: string) => string; onSent: () => void }) => {
  const outbox = useOutboxStore();
  const route = useRoute();
  const toast = useToast();
  const { t } = useI18n();
  const text = useBilingual();

  const unsentFor = (event: { id: string }) => outbox.unsent.find((item) => item.path === options.recordPath(event.id));
  /** The events as the person last left them: a change still on the device shows over the stored one. */
  const withUnsent = <Stored extends { id: string }>(events: Stored[]): Stored[] => events.map((event) => ({ ...event, ...(unsentFor(event)?.change as Partial<Input> | null | undefined) }));
  watch(() => outbox.unsent.length, (now, before) => {
    if (now < before) options.onSent();
  });

  const keep = async (event: EventRecord, input: Input) => {
    const earlier = unsentFor(event);
    await outbox.queue({ kind: 'attendance', screen: route.fullPath, title: text(event.title), path: options.recordPath(event.id), basedOn: earlier?.basedOn ?? `"${event.version}"`, change: input, base: earlier?.base ?? event });
    toast.add({ severity: 'info', summary: t('offline.keptOnDevice'), detail: t('offline.keptDetail'), life: 6000 });
  };

  /**
   * Saves a change to an existing event: offline, or with an earlier change of it still waiting, or when the
   * connection drops on the way, it waits on the device. Returns whether it was sent now.
   */
  const change = async (event: EventRecord, input: Input, send: () => Promise<unknown>): Promise<boolean> => {
    if (!connectivity.online.value || unsentFor(event)) return keep(event, input).then(() => false);
    try {
      await send();
      return true;
    } catch (caught) {
      if (!isNetworkFailure(caught)) throw caught;
      await keep(event, input);
      return false;
    }
  };

  return { unsentFor, withUnsent, change };
};
