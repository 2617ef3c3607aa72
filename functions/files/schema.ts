import * as z from 'zod/mini';
import { isoTimestamp, ulid, userId } from '../core/schemas.js';

/** The contract shared by every browser upload and download. */

export const FileName = z.string().check(z.trim(), z.minLength(1), z.maxLength(200), z.regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, 'Must be a file name without path or control characters.'));

/** A size the browser declares before uploading: the policy then fixes the limit. */
export const fileSize = (maxBytes: number) =>
  z.number().check(z.int(), z.gte(1, 'The file is empty.'), z.lte(maxBytes, `The file is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB.`));

/** A presigned POST: the browser posts `fields` and the file to `url`, then confirms `uploadId` to the API. */
export const UploadForm = z.object({ uploadId: ulid, url: z.string(), fields: z.record(z.string(), z.string()), maxBytes: z.number(), expiresAt: isoTimestamp });

/** A short-lived presigned GET, issued after the record's access check. */
export const DownloadLink = z.object({ url: z.string(), filename: z.string(), sha256: z.string(), size: z.number(), expiresAt: isoTimestamp });

export type UploadForm = z.infer<typeof UploadForm>;
export type DownloadLink = z.infer<typeof DownloadLink>;

/** Documents people attach (report evidence, activity materials): photos, scans, PDFs, spreadsheets, texts and slides. */
export const documentTypes = [
  'application/pdf', 'image/jpeg', 'image/png', 'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/vnd.oasis.opendocument.presentation',
] as const;
export const documentMaxBytes = 25 * 1024 * 1024;
/** The type a browser declares for a file, by its extension (browsers report some types inconsistently, e.g. CSV). */
export const documentTypeByExtension: Record<string, (typeof documentTypes)[number]> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ods: 'application/vnd.oasis.opendocument.spreadsheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', odt: 'application/vnd.oasis.opendocument.text',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', odp: 'application/vnd.oasis.opendocument.presentation',
};
/** For a file input's `accept`. */
export const documentAccept = Object.keys(documentTypeByExtension).map((extension) => `.${extension}`).join(',');

/** Asking for an upload form: what the browser is about to send, of one of `types`. */
export const uploadRequest = <const T extends readonly [string, ...string[]]>(types: T, maxBytes: number) =>
  z.strictObject({ filename: FileName, contentType: z.enum(types), size: fileSize(maxBytes) });
/** Confirming an upload: the API then checks the stored object before recording it. */
export const uploadConfirmation = <const T extends readonly [string, ...string[]]>(types: T) =>
  z.strictObject({ uploadId: ulid, filename: FileName, contentType: z.enum(types) });

export const DocumentUploadRequest = uploadRequest(documentTypes, documentMaxBytes);
export const DocumentConfirm = uploadConfirmation(documentTypes);

/** A file the API has checked and recorded: its SHA-256 is checked again before every download. */
export const StoredFile = z.object({
  id: ulid,
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: isoTimestamp,
  uploadedBy: userId,
});
export type StoredFile = z.infer<typeof StoredFile>;
