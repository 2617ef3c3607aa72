import type { ComposerTranslation } from 'vue-i18n';
import type { OutboxItem } from '../offline/device';

/**
 * How a field of a conflict reads: ['entries', 'c2', 'percentComplete'] → "Зобов’язання c2 · Виконано, %",
 * ['attended', 'byGender', 'female'] → "Відвідали · Жінки".
 */
type Translate = ComposerTranslation;

const leafKeys: Record<string, string> = {
  status: 'reports.status', percentComplete: 'reports.percent', narrative: 'reports.narrative', total: 'offline.fields.total',
  title: 'offline.fields.title', date: 'offline.fields.date', startTime: 'offline.fields.time', endTime: 'offline.fields.time',
};

export const fieldLabel = (t: Translate, item: Pick<OutboxItem, 'kind'>, path: string[]): string =>
  path.map((segment, index) => {
    const before = path[index - 1];
    if (before === 'entries') return t('offline.fields.obligation', { id: segment });
    if (before === 'indicatorActuals') return t('offline.fields.indicator', { id: segment });
    if (before === 'byGender') return t(`programmes.genders.${segment}`);
    if (before === 'byAgeBand') return t(`programmes.ageBands.${segment}`);
    if (segment === 'entries' || segment === 'value' || segment === 'byGender' || segment === 'byAgeBand' || segment === 'indicatorActuals') return '';
    if (segment === 'attended') return t('offline.fields.attended');
    const key = leafKeys[segment];
    return key ? t(key) : segment;
  }).filter(Boolean).join(' · ') || t(item.kind === 'report' ? 'offline.kinds.report' : 'offline.kinds.attendance');

export const fieldValue = (t: Translate, item: Pick<OutboxItem, 'kind'>, path: string[], value: unknown): string => {
  if (value === undefined || value === null || value === '') return '—';
  if (path.at(-1) === 'status' && typeof value === 'string') return t(item.kind === 'report' ? `commitments.statuses.${value}` : `programmes.activityStatuses.${value}`);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};
