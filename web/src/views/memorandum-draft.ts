import { defaultTimeZone, today as todayInKyiv } from '../../../functions/core/calendar.js';
import type { MemorandumContent } from '../../../functions/memoranda/schema';
import type { Recurrence } from '../../../functions/memoranda/vocabulary';

/**
 * The editor's working copy of a memorandum: every text field a plain string
 * (empty when not written), dates as YYYY-MM-DD strings. Converted to and from
 * the API's content at the edges.
 */
export interface BilingualField {
  uk: string;
  en: string;
}

export interface DraftIndicator { id: string; name: BilingualField; unit: string; baseline: number; target: number }
export interface DraftObligation { id: string; partyOrgId: string; text: BilingualField; category: string; dueDate: string; recurrence: string; responsibleName: string; responsibleContact: string; indicators: DraftIndicator[] }
export interface DraftParty { orgId: string; role: BilingualField; approverUserId: string; signatoryUserId: string }
export interface DraftClause { id: string; text: BilingualField }
export interface Draft {
  title: BilingualField;
  start: string;
  end: string;
  openEnded: boolean;
  /** Whose calendar its dates are in. */
  timeZone: string;
  parties: DraftParty[];
  purposes: DraftClause[];
  areas: DraftClause[];
  obligations: DraftObligation[];
}

export const newItemId = (prefix: string): string => `${prefix}${crypto.randomUUID().replaceAll('-', '').slice(0, 8)}`;

/** A stored text as the editor's pair of strings. */
export const field = (text: { uk?: string | undefined; en?: string | undefined } | undefined): BilingualField => ({ uk: text?.uk ?? '', en: text?.en ?? '' });

/** The editor's pair of strings as stored text: empty languages left out. */
export const bilingual = (value: BilingualField): { uk?: string; en?: string } => ({
  ...(value.uk.trim() ? { uk: value.uk.trim() } : {}),
  ...(value.en.trim() ? { en: value.en.trim() } : {}),
});

export const emptyDraft = (ownOrgId: string): Draft => ({
  title: { uk: '', en: '' },
  start: todayInKyiv(),
  end: '',
  openEnded: true,
  timeZone: defaultTimeZone,
  parties: [
    { orgId: ownOrgId, role: { uk: '', en: '' }, approverUserId: '', signatoryUserId: '' },
    { orgId: '', role: { uk: '', en: '' }, approverUserId: '', signatoryUserId: '' },
  ],
  purposes: [],
  areas: [],
  obligations: [],
});

export const draftFrom = (content: MemorandumContent): Draft => ({
  title: field(content.title),
  start: content.term.start,
  end: content.term.end ?? '',
  openEnded: !content.term.end,
  timeZone: content.timeZone ?? defaultTimeZone,
  parties: content.parties.map((party) => ({ orgId: party.orgId, role: field(party.role), approverUserId: party.approverUserId ?? '', signatoryUserId: party.signatoryUserId ?? '' })),
  purposes: content.purposes.map((item) => ({ id: item.id, text: field(item.text) })),
  areas: content.areas.map((item) => ({ id: item.id, text: field(item.text) })),
  obligations: content.obligations.map((item) => ({
    id: item.id, partyOrgId: item.partyOrgId, text: field(item.text), category: item.category ?? '', dueDate: item.dueDate ?? '', recurrence: item.recurrence ?? '',
    responsibleName: item.responsible?.name ?? '', responsibleContact: item.responsible?.contact ?? '',
    indicators: (item.indicators ?? []).map((indicator) => ({ id: indicator.id, name: field(indicator.name), unit: indicator.unit, baseline: indicator.baseline, target: indicator.target })),
  })),
});

export const contentFrom = (draft: Draft): MemorandumContent => ({
  title: bilingual(draft.title),
  term: { start: draft.start, end: draft.openEnded || draft.end === '' ? null : draft.end },
  // Kyiv is the default: a memorandum names its zone only when it is another.
  ...(draft.timeZone && draft.timeZone !== defaultTimeZone ? { timeZone: draft.timeZone } : {}),
  parties: draft.parties.map((party) => ({
    orgId: party.orgId, role: bilingual(party.role),
    ...(party.approverUserId ? { approverUserId: party.approverUserId } : {}),
    ...(party.signatoryUserId ? { signatoryUserId: party.signatoryUserId } : {}),
  })),
  purposes: draft.purposes.map((item) => ({ id: item.id, text: bilingual(item.text) })),
  areas: draft.areas.map((item) => ({ id: item.id, text: bilingual(item.text) })),
  obligations: draft.obligations.map((item) => ({
    id: item.id, partyOrgId: item.partyOrgId, text: bilingual(item.text),
    ...(item.category.trim() ? { category: item.category.trim() } : {}),
    ...(item.responsibleName.trim() ? { responsible: { name: item.responsibleName.trim(), ...(item.responsibleContact.trim() ? { contact: item.responsibleContact.trim() } : {}) } } : {}),
    ...(item.dueDate ? { dueDate: item.dueDate } : {}),
    ...(item.recurrence ? { recurrence: item.recurrence as Recurrence } : {}),
    ...(item.indicators.length > 0 ? { indicators: item.indicators.map((indicator) => ({ id: indicator.id, name: bilingual(indicator.name), unit: indicator.unit.trim(), baseline: indicator.baseline, target: indicator.target })) } : {}),
  })),
});
