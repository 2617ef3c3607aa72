import * as z from 'zod/mini';
import { isoTimestamp, ulid } from '../core/schemas.js';
import { UploadForm, uploadConfirmation, uploadRequest } from '../files/schema.js';
import { attachmentMaxBytes, attachmentTypes } from './vocabulary.js';

/** Externally signed files a party's signatory attaches to a memorandum (e.g. a qualified e-signature container). */

export const AttachmentUploadRequest = uploadRequest(attachmentTypes, attachmentMaxBytes);
export const AttachmentUpload = UploadForm;
export const AttachmentConfirm = uploadConfirmation(attachmentTypes);
export const Attachment = z.object({
  id: ulid,
  orgId: z.string(),
  userId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  at: isoTimestamp,
  /** Externally signed files are stored and shown; their signatures are not verified by Pakt. */
  verification: z.enum(['not_verified']),
});
export const AttachmentParams = z.strictObject({ memorandumId: ulid, attachmentId: ulid });

export type Attachment = z.infer<typeof Attachment>;
export type AttachmentUpload = z.infer<typeof AttachmentUpload>;
