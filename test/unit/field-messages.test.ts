import { describe, expect, it } from 'vitest';
import { localizeFieldMessage } from '../../web/src/api/field-messages.js';
import { uk } from '../../web/src/i18n/uk.js';

/** The API's English field messages that users meet are shown in Ukrainian from the SPA's catalogue. */
const t = (key: string, values: Record<string, unknown> = {}) => {
  const template = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], uk);
  if (typeof template !== 'string') throw new Error(`No Ukrainian message for ${key}`);
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => String(values[name]));
};

describe('field messages in Ukrainian', () => {
  it.each([
    ['A period can be reported from 7 days before it ends.', 'Про період можна звітувати щонайраніше за 7 днів до його кінця.'],
    ['Overlaps a period your organisation has already reported on.', 'Цей період перетинається з уже поданим звітом вашої організації.'],
    ['The report says nothing yet: give progress, a narrative, an indicator actual or evidence for at least one obligation.', 'Звіт поки порожній: вкажіть прогрес, опис, фактичне значення показника або додайте файл хоча б для одного зобов’язання.'],
    ['The memorandum starts on 2026-01-15.', 'Меморандум діє з 2026-01-15.'],
    ['The period must not end before it starts.', 'Кінець періоду не може бути раніше за початок.'],
    ['Must not contain control characters.', 'Приберіть керівні (невидимі) символи.'],
    ['Must be at least 2 characters.', 'Щонайменше 2 символів.'],
  ])('%s', (english, ukrainian) => {
    expect(localizeFieldMessage(t, english)).toBe(ukrainian);
  });
});
