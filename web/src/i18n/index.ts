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

/** Downloads a catalogue once. */
export const loadLocale = async (locale: Locale): Promise<void> => {
  if (i18n.global.availableLocales.includes(locale)) return;
  i18n.global.setLocaleMessage(locale, (await catalogues[locale]()).default);
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
