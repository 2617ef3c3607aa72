/**
 * The memoranda's enumerations: statuses and how often an obligation recurs.
 * Plain constants without zod: the SPA's lists import them without loading the API's schemas.
 */

export const memorandumStatuses = ['draft', 'in_review', 'approved', 'signed', 'active', 'closed', 'terminated'] as const;
export const recurrences = ['once', 'monthly', 'quarterly', 'yearly'] as const;
export type Recurrence = (typeof recurrences)[number];
/** An amendment (supplementary agreement) runs the memorandum's own steps; it ends signed (in force) or abandoned. */
export const amendmentStatuses = ['draft', 'in_review', 'approved', 'signed', 'abandoned'] as const;

/** Externally signed files (e.g. a qualified e-signature container): attached once the final text exists, by type and size. */
export const attachableStatuses = ['approved', 'signed', 'active'] as const;
export const attachmentTypes = ['application/pkcs7-signature', 'application/vnd.etsi.asic-e+zip', 'application/vnd.etsi.asic-s+zip', 'application/pdf', 'application/zip'] as const;
export const attachmentTypeByExtension: Record<string, (typeof attachmentTypes)[number]> = {
  p7s: 'application/pkcs7-signature', asice: 'application/vnd.etsi.asic-e+zip', asics: 'application/vnd.etsi.asic-s+zip', pdf: 'application/pdf', zip: 'application/zip',
};
export const attachmentMaxBytes = 20 * 1024 * 1024;
