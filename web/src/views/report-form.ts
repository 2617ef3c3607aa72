import type { ReportEntry, ReportEntryInput } from '../../../functions/reports/schema';

/** One entry of a report as its form holds it: an indicator without a figure yet is null. */
export interface EntryForm {
  status: ReportEntry['status'];
  percentComplete: number;
  narrative: string;
  actuals: Record<string, number | null>;
}

/** The entries a save sends: an empty narrative and indicators without a figure are left out. */
export const entryChanges = (forms: Record<string, EntryForm>): ReportEntryInput[] =>
  Object.entries(forms).map(([obligationId, form]) => ({
    obligationId,
    status: form.status,
    percentComplete: form.percentComplete,
    ...(form.narrative.trim() ? { narrative: form.narrative.trim() } : {}),
    indicatorActuals: Object.entries(form.actuals).flatMap(([indicatorId, value]) => (value === null ? [] : [{ indicatorId, value }])),
  }));
