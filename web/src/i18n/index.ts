import { createI18n } from 'vue-i18n';
import type uk from './uk';

/** Both catalogues have the same keys (a unit test holds en.ts against uk.ts). */
export type Messages = typeof uk;

export const locales = ['uk', 'en'] as const;
export type Locale = (typeof locales)[number];

const storageKey = 'pakt.locale';

const initialLocale = (): Locale => {
  const stored = window.localStorage.getItem(storageKey);
  return stored === 'en' || stored === 'uk' ? stored : 'uk';
};

/** Ukrainian has three plural forms ("1 звіт", "2 звіти", "5 звітів"): messages list them in that order. */
const ukrainianForms = new Intl.PluralRules('uk');
const ukrainianPlural = (count: number): number => ({ one: 0, few: 1, many: 2 } as Record<string, number>)[ukrainianForms.select(count)] ?? 1;

export const i18n = createI18n({
  legacy: false,
  pluralRules: { uk: ukrainianPlural },
  locale: initialLocale(),
  fallbackLocale: false,
  // Only the catalogue in use is downloaded: the other follows when the user switches.
  messages: {},
  datetimeFormats: {
    uk: { short: { year: 'numeric', month: 'short', day: 'numeric' } },
    en: { short: { year: 'numeric', month: 'short', day: 'numeric' } },
  },
});

const catalogues: Record<Locale, () => Promise<{ default: Messages }>> = { uk: () => import('./uk'), en: () => import('./en') };

/**
 * Messages of a part of the app that loads on demand (e.g. the offline work's), kept out of the first
 * screen's catalogue: merged into the catalogues loaded now and into any loaded later. The part announces
 * itself with an event (see `addMessages`) rather than importing this module, which would pull the i18n
 * runtime out of the first screen's script into a chunk of its own.
 */
export type MessagesPart = Record<Locale, Record<string, unknown>>;
export const messagesEvent = 'pakt:messages';
const parts: MessagesPart[] = [];
window.addEventListener(messagesEvent, (event) => {
  const part = (event as CustomEvent<MessagesPart>).detail;
  parts.push(part);
  for (const locale of locales) if (i18n.global.availableLocales.includes(locale)) i18n.global.mergeLocaleMessage(locale, part[locale]);
});

/** Downloads a catalogue once. */
export const loadLocale = async (locale: Locale): Promise<void> => {
  if (i18n.global.availableLocales.includes(locale)) return;
  i18n.global.setLocaleMessage(locale, (await catalogues[locale]()).default);
  for (const part of parts) i18n.global.mergeLocaleMessage(locale, part[locale]);
};

/** The catalogue the app starts in (awaited before the first screen). */
export const loadInitialLocale = () => loadLocale(initialLocale());

export const setLocale = async (locale: Locale): Promise<void> => {
  await loadLocale(locale);
  i18n.global.locale.value = locale;
  window.localStorage.setItem(storageKey, locale);
  document.documentElement.lang = locale;
};

document.documentElement.lang = initialLocale();
