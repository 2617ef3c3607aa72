import * as z from 'zod/mini';
import { isoTimestamp, ulid } from '../core/schemas.js';

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
