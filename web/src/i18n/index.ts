import { createI18n } from 'vue-i18n';
import en from './en';
import uk from './uk';

/** Both catalogues have the same keys: the English one is checked against the Ukrainian one. */
export type Messages = typeof uk;
const english: Messages = en;

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
  fallbackLocale: 'en',
  messages: { uk, en: english },
  datetimeFormats: {
    uk: { short: { year: 'numeric', month: 'short', day: 'numeric' } },
    en: { short: { year: 'numeric', month: 'short', day: 'numeric' } },
  },
});

export const setLocale = (locale: Locale): void => {
  i18n.global.locale.value = locale;
  window.localStorage.setItem(storageKey, locale);
  document.documentElement.lang = locale;
};

document.documentElement.lang = initialLocale();
