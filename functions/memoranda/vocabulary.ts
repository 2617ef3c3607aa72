/**
 * The memoranda's enumerations: statuses and how often an obligation recurs.
 * Plain constants without zod: the SPA's lists import them without loading the API's schemas.
 */

export const memorandumStatuses = ['draft', 'in_review', 'approved', 'signed', 'active', 'closed', 'terminated'] as const;
export const recurrences = ['once', 'monthly', 'quarterly', 'yearly'] as const;
export type Recurrence = (typeof recurrences)[number];
/** An amendment (supplementary agreement) runs the memorandum's own steps; it ends signed (in force) or abandoned. */
export const amendmentStatuses = ['draft', 'in_review', 'approved', 'signed', 'abandoned'] as const;
