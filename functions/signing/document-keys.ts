import { optionalEnv } from '../core/config.js';

/** Where the signing module keeps a memorandum's files in the documents bucket (its access declaration grants this prefix). */
export const memorandumFilesPrefix = 'memoranda/';

/** A signed file a party's signatory attached, by the upload id the API issued. */
export const attachmentKey = (memorandumId: string, orgId: string, uploadId: string): string => `${memorandumFilesPrefix}${memorandumId}/attachments/${orgId}/${uploadId}`;

/** The final text or the signing certificate of a revision. */
export const documentKey = (memorandumId: string, kind: 'final' | 'certificate', revision: number): string => `${memorandumFilesPrefix}${memorandumId}/${kind}-r${revision}.pdf`;

const retentionYears = Number(optionalEnv('DOCUMENT_RETENTION_YEARS') ?? 0);

/** Until when a signed final text or certificate stays under Object Lock; none where the deployment keeps no lock. */
export const signedDocumentRetention = (storedAt: string): Date | undefined => {
  if (!(retentionYears > 0)) return undefined;
  const until = new Date(storedAt);
  until.setUTCFullYear(until.getUTCFullYear() + retentionYears);
  return until;
};
