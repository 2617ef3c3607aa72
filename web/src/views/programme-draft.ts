import type { Programme, ProgrammeContent } from '../../../functions/programmes/schema';
import { bilingual as written, field, newItemId, type BilingualField } from './memorandum-draft';

/**
 * The programme editor's working copy: plain strings and numbers, converted to
 * and from the API's content at the edges (empty texts left out).
 */
export interface IndicatorSource { memorandumId: string; obligationId: string; indicatorId: string }
export interface DraftProgrammeIndicator { id: string; name: BilingualField; unit: string; baseline: number; target: number; frequency: 'monthly' | 'quarterly' | 'yearly'; source?: IndicatorSource }

/** A source as one option value, and back. */
export const sourceKey = (source: IndicatorSource | undefined) => (source ? `${source.memorandumId}|${source.obligationId}|${source.indicatorId}` : null);
export const sourceOf = (key: string | null): IndicatorSource | undefined => {
  const [memorandumId, obligationId, indicatorId] = (key ?? '').split('|');
  return memorandumId && obligationId && indicatorId ? { memorandumId, obligationId, indicatorId } : undefined;
};
export interface DraftResult { id: string; title: BilingualField; indicators: DraftProgrammeIndicator[] }
export interface DraftOutcome extends DraftResult { outputs: DraftResult[] }
export interface ProgrammeDraft {
  title: BilingualField;
  description: BilingualField;
  start: string;
  end: string;
  implementingOrgIds: string[];
  funderOrgIds: string[];
  memorandumIds: string[];
  currency: string;
  amount: number | null;
  suppressionThreshold: number;
  outcomes: DraftOutcome[];
}


export const emptyProgrammeDraft = (orgId: string): ProgrammeDraft => ({
  title: field(undefined), description: field(undefined), start: '', end: '', implementingOrgIds: [orgId], funderOrgIds: [], memorandumIds: [],
  currency: 'EUR', amount: null, suppressionThreshold: 5, outcomes: [],
});

export const programmeDraftOf = (programme: Programme): ProgrammeDraft => {
  const { content } = programme;
  const result = (item: { id: string; title: { uk?: string; en?: string }; indicators: ProgrammeContent['outcomes'][number]['indicators'] }): DraftResult => ({
    id: item.id, title: field(item.title), indicators: item.indicators.map((indicator) => ({ ...indicator, name: field(indicator.name) })),
  });
  return {
    title: field(content.title), description: field(content.description), start: content.period.start, end: content.period.end,
    implementingOrgIds: [...content.implementingOrgIds], funderOrgIds: [...content.funderOrgIds], memorandumIds: [...(content.memorandumIds ?? [])],
    currency: content.budget?.currency ?? 'EUR', amount: content.budget?.amount ?? null, suppressionThreshold: content.suppressionThreshold ?? 5,
    outcomes: content.outcomes.map((outcome) => ({ ...result(outcome), outputs: outcome.outputs.map(result) })),
  };
};

export const programmeContentOf = (draft: ProgrammeDraft, previous?: ProgrammeContent): ProgrammeContent => {
  const result = (item: DraftResult) => ({ id: item.id, title: written(item.title), indicators: item.indicators.map((indicator) => ({ ...indicator, name: written(indicator.name), unit: indicator.unit.trim() })) });
  const description = written(draft.description);
  return {
    title: written(draft.title),
    ...(Object.keys(description).length > 0 ? { description } : {}),
    period: { start: draft.start, end: draft.end },
    implementingOrgIds: draft.implementingOrgIds,
    funderOrgIds: draft.funderOrgIds,
    ...(draft.amount !== null ? { budget: { currency: draft.currency.trim().toUpperCase(), amount: draft.amount, ...(previous?.budget?.lines ? { lines: previous.budget.lines } : {}) } } : {}),
    ...(draft.memorandumIds.length > 0 ? { memorandumIds: draft.memorandumIds } : {}),
    outcomes: draft.outcomes.map((outcome) => ({ ...result(outcome), outputs: outcome.outputs.map(result) })),
    suppressionThreshold: draft.suppressionThreshold,
  };
};

export const newIndicator = (): DraftProgrammeIndicator => ({ id: newItemId('i'), name: { uk: '', en: '' }, unit: '', baseline: 0, target: 0, frequency: 'quarterly' });
export const newOutput = (): DraftResult => ({ id: newItemId('p'), title: { uk: '', en: '' }, indicators: [] });
export const newOutcome = (): DraftOutcome => ({ id: newItemId('o'), title: { uk: '', en: '' }, indicators: [], outputs: [] });
