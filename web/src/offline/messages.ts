import type { MessagesPart } from '../i18n';
import en from '../i18n/offline/en';
import uk from '../i18n/offline/uk';

/** The offline work's messages, merged into the catalogues when the first screen that needs them loads (i18n/index.ts). */
const part: MessagesPart = { uk: { offline: uk }, en: { offline: en } };
window.dispatchEvent(new CustomEvent('pakt:messages', { detail: part }));
