import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../functions/core/errors.js';
import { codeOfMessage, fieldMessageTemplates } from '../../functions/core/field-codes.js';
import { localizeFieldIssue } from '../../web/src/api/field-messages.js';
import en from '../../web/src/i18n/en.js';
import uk from '../../web/src/i18n/uk.js';
import offlineEn from '../../web/src/i18n/offline/en.js';
import offlineUk from '../../web/src/i18n/offline/uk.js';

/** The SPA's catalogue speaks every code the API sends, in Ukrainian with its plural forms and dates as the locale writes them. */
const translator = (messages: typeof uk, locale: 'uk' | 'en') => (key: string, values: Record<string, unknown> = {}, count?: number) => {
  const template = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  if (typeof template !== 'string') return key;
  const forms = template.split(' | ');
  const rule = new Intl.PluralRules(locale).select(count ?? 1);
  const form = forms.length === 1 ? forms[0] : locale === 'uk' ? forms[{ one: 0, few: 1, many: 2 }[rule as 'one'] ?? 1] : forms[rule === 'one' ? 0 : 1];
  return (form ?? '').replace(/\{(\w+)\}/g, (_match, name: string) => String(values[name]));
};
const t = translator(uk, 'uk');
const ukrainian = (english: string) => localizeFieldIssue(t, 'uk', { ...codeOfMessage(english), message: english });

describe('field messages in Ukrainian', () => {
  it.each([
    ['A period can be reported from 7 days before it ends.', 'Про період можна звітувати щонайраніше за 7 днів до його кінця.'],
    ['A period can be reported from 3 days before it ends.', 'Про період можна звітувати щонайраніше за 3 дні до його кінця.'],
    ['Overlaps a period your organisation has already reported on.', 'Цей період перетинається з уже поданим звітом вашої організації.'],
    ['The memorandum starts on 2026-01-15.', 'Меморандум діє з 15 січ. 2026 р.'],
    ['Must be at least 2 characters.', 'Щонайменше 2 символи'],
    ['Must be at least 5 characters.', 'Щонайменше 5 символів'],
    ['Must be at least 21 characters.', 'Щонайменше 21 символ'],
    ['Write it in Ukrainian, English or both.', 'Напишіть українською, англійською або обома мовами.'],
    ['Something no rule says.', 'Перевірте це значення.'],
  ])('%s', (english, expected) => {
    expect(ukrainian(english)).toBe(expected);
  });

  it('has the same keys in both catalogues', () => {
    const english: typeof uk = en;
    const keysOf = (node: unknown, prefix = ''): string[] =>
      typeof node === 'object' && node !== null ? Object.entries(node).flatMap(([key, value]) => keysOf(value, `${prefix}${key}.`)) : [prefix.slice(0, -1)];
    expect(keysOf(english).sort()).toEqual(keysOf(uk).sort());
    // The offline work's messages load with its screens, in a catalogue part of their own.
    const offlineEnglish: typeof offlineUk = offlineEn;
    expect(keysOf(offlineEnglish).sort()).toEqual(keysOf(offlineUk).sort());
    expect(Object.keys(uk)).not.toContain('offline');
  });

  it('has a Ukrainian and an English message for every field code and every error code', () => {
    const codes = [...Object.keys(fieldMessageTemplates), 'option', 'invalid'];
    expect(codes.filter((code) => !(code in uk.validation))).toEqual([]);
    expect(codes.filter((code) => !(code in en.validation))).toEqual([]);
    expect(Object.keys(errorCodes).filter((code) => !(code in uk.errors) || !(code in en.errors))).toEqual([]);
    for (const text of Object.values(uk.validation)) expect(text.replace(/\{\w+\}/g, '').replace('https://', ''), text).not.toMatch(/[A-Za-z]{4,}/);
  });
});
