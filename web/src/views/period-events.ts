import { ref } from 'vue';
import { eventsServing } from '../../../functions/events/model';
import type { MemorandumEvent } from '../../../functions/events/schema';
import { services } from '../services';

/** The parties' events of a report's period: those serving an obligation are offered as evidence for it. */
export const usePeriodEvents = () => {
  const events = ref<MemorandumEvent[]>([]);
  const load = async (memorandumId: string, period: { start: string; end: string }) => {
    events.value = (await services().api.get<{ items: MemorandumEvent[] }>(`/memoranda/${encodeURIComponent(memorandumId)}/events?from=${period.start}&to=${period.end}`).catch(() => undefined))?.body.items ?? [];
  };
  const serving = (obligationId: string, period: { start: string; end: string } | undefined) => (period ? eventsServing(events.value, obligationId, period) : []);
  return { load, serving };
};
