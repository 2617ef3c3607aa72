import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { optionalEnv, requireEnv } from '../core/config.js';
import { AppError, invalid } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { DownloadLink, StoredFile, UploadForm } from './schema.js';
import { acceptsUpload, uploadPolicy } from './uploads.js';
import { contentDisposition } from './disposition.js';
import { traced } from '../core/tracer.js';

/**
 * The documents bucket behind one port: handlers never build S3 commands.
 * Objects are private; people download through short-lived presigned GETs.
 */
export interface StoredObject {
  key: string;
  sha256: string;
  size: number;
}

export interface DocumentStore {
  /** `retainUntil`: kept under Object Lock (governance mode) until then: no one deletes or overwrites that version. */
  put(key: string, body: Uint8Array, contentType: string, retainUntil?: Date): Promise<StoredObject>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** A GET URL valid for `seconds`, served as an attachment named `filename`. */
  downloadUrl(key: string, filename: string, seconds: number): Promise<string>;
  /** A browser upload form for exactly this key, with the policy's conditions. */
  uploadForm(policy: Omit<PresignedPostOptions, 'Bucket'>): Promise<{ url: string; fields: Record<string, string> }>;
  head(key: string): Promise<{ size: number; contentType: string | undefined } | undefined>;
  delete(key: string): Promise<void>;
  readonly bucket: string;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const createS3Client = (endpoint?: string): S3Client =>
  traced(new S3Client(
    endpoint
      ? // s3rver: path-style addressing, and no default checksums (they corrupt streamed uploads there).
        { endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {},
  ));

export const s3DocumentStore = (client: S3Client, bucket: string): DocumentStore => ({
  bucket,
  // Encrypted with the bucket's default, the deployment's customer-managed key.
  async put(key, body, contentType, retainUntil) {
    await client.send(new PutObjectCommand({
      Bucket: bucket, Key: key, Body: body, ContentType: contentType,
      ...(retainUntil ? { ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: retainUntil } : {}),
    }));
    return { key, sha256: sha256Hex(body), size: body.byteLength };
  },
  async get(key) {
    try {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Body ? await Body.transformToByteArray() : undefined;
    } catch (error) {
      if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound')) return undefined;
      throw error;
    }
  },
  uploadForm: (policy) => createPresignedPost(client, { ...policy, Bucket: bucket }),
  async head(key) {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: head.ContentLength ?? 0, contentType: head.ContentType };
    } catch (error) {
      if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')) return undefined;
      throw error;
    }
  },
  async delete(key) {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  },
  downloadUrl: (key, filename, seconds) =>
    getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: contentDisposition(filename) }), { expiresIn: seconds }),
});

let shared: DocumentStore | undefined;

/** The container's document store, created on first use. */
export const documentStore = (): DocumentStore => {
  shared ??= s3DocumentStore(createS3Client(optionalEnv('S3_ENDPOINT')), requireEnv('DOCUMENTS_BUCKET', 'the S3 bucket for PDFs and evidence'));
  return shared;
};

/**
 * Where a checked upload is kept: a key no upload form is ever issued for (each form's
 * policy fixes its own key), so the bytes that were checked are the bytes served,
 * even if the form is posted again before it expires.
 */
export const checkedKeyOf = (uploadKey: string): string => `${uploadKey}.checked`;

/**
 * The API's gate for a browser upload: the object must exist under the key the
 * API issued, with a size inside the limit, the declared type and content of that
 * type. The bytes checked are stored under `checkedKeyOf(key)` and the upload is
 * removed; a refused object is deleted, and the caller gets a 400 naming the field.
 */
export const receiveUpload = async (store: DocumentStore, key: string, declared: { contentType: string; maxBytes: number }): Promise<{ size: number; sha256: string }> => {
  const stored = await store.head(key);
  if (!stored) throw invalid([{ path: 'body.uploadId', message: 'No uploaded file was found for this upload. Upload it again.' }]);
  const bytes = (await store.get(key)) ?? new Uint8Array();
  const verdict = acceptsUpload({ size: bytes.byteLength, contentType: stored.contentType, bytes }, declared);
  if (!verdict.accepted) {
    await store.delete(key);
    throw invalid([{ path: verdict.path, message: verdict.message }], 'The uploaded file was refused and deleted.');
  }
  const checked = await store.put(checkedKeyOf(key), bytes, declared.contentType);
  await store.delete(key);
  return { size: checked.size, sha256: checked.sha256 };
};

/** Removes a received upload (its checked copy, and the upload key in case a form was posted again). */
export const removeUpload = async (store: DocumentStore, key: string): Promise<void> => {
  await Promise.all([store.delete(checkedKeyOf(key)), store.delete(key)]);
};

const uploadSeconds = 15 * 60;
const downloadSeconds = 5 * 60;
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/** A browser upload form for a new object under `keyOf(uploadId)`: the policy fixes the key, the type and the size range. */
export const issueUploadForm = async (store: DocumentStore, keyOf: (uploadId: string) => string, declared: { contentType: string; maxBytes: number }): Promise<UploadForm> => {
  const uploadId = newId();
  const form = await store.uploadForm(uploadPolicy({ bucket: store.bucket, key: keyOf(uploadId), contentType: declared.contentType, maxBytes: declared.maxBytes, expiresSeconds: uploadSeconds }));
  return { uploadId, url: form.url, fields: form.fields, maxBytes: declared.maxBytes, expiresAt: inSeconds(uploadSeconds) };
};

/** A short-lived download link to a received upload's checked bytes, issued only when they still match the recorded SHA-256. */
export const verifiedDownloadLink = async (store: DocumentStore, uploadKey: string, file: Pick<StoredFile, 'filename' | 'sha256' | 'size'>): Promise<DownloadLink> =>
  verifiedLinkTo(store, checkedKeyOf(uploadKey), file);

/** A short-lived download link to a stored object, issued only when its bytes still match the recorded SHA-256. */
export const verifiedLinkTo = async (store: DocumentStore, key: string, file: Pick<StoredFile, 'filename' | 'sha256' | 'size'>): Promise<DownloadLink> => {
  const bytes = await store.get(key);
  if (!bytes || sha256Hex(bytes) !== file.sha256) throw new AppError('integrity_failure', 'The stored file does not match its recorded SHA-256. It has not been served.');
  return { url: await store.downloadUrl(key, file.filename, downloadSeconds), filename: file.filename, sha256: file.sha256, size: file.size, expiresAt: inSeconds(downloadSeconds) };
};
