/** Where the reports module keeps files in the documents bucket (its access declaration grants this prefix). */
export const evidencePrefix = 'reports/';

/** An evidence file: under its report, by the upload id the API issued. */
export const evidenceKey = (memorandumId: string, reportId: string, uploadId: string): string => `${evidencePrefix}${memorandumId}/${reportId}/${uploadId}`;
