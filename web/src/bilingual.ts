import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

/** Memorandum text is Ukrainian, English or both: show the reader's language, else the other. */
export const useBilingual = () => {
  const { locale } = useI18n();
  const english = computed(() => locale.value === 'en');
  return (text: { uk?: string | undefined; en?: string | undefined } | undefined): string => {
    if (!text) return '';
    const preferred = english.value ? text.en : text.uk;
    const other = english.value ? text.uk : text.en;
    return preferred && preferred !== '' ? preferred : (other ?? '');
  };
};
