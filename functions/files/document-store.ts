import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { optionalEnv, requireEnv } from '../core/config.js';

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
  put(key: string, body: Uint8Array, contentType: string): Promise<StoredObject>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** A GET URL valid for `seconds`, served as an attachment named `filename`. */
  downloadUrl(key: string, filename: string, seconds: number): Promise<string>;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const createS3Client = (endpoint?: string): S3Client =>
  new S3Client(
    endpoint
      ? // s3rver: path-style addressing, and no default checksums (they corrupt streamed uploads there).
        { endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {},
  );

export const s3DocumentStore = (client: S3Client, bucket: string): DocumentStore => ({
  async put(key, body, contentType) {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ServerSideEncryption: 'AES256' }));
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
  downloadUrl: (key, filename, seconds) =>
    getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"` }), { expiresIn: seconds }),
});

let shared: DocumentStore | undefined;

/** The container's document store, created on first use. */
export const documentStore = (): DocumentStore => {
  shared ??= s3DocumentStore(createS3Client(optionalEnv('S3_ENDPOINT')), requireEnv('DOCUMENTS_BUCKET', 'the S3 bucket for PDFs and evidence'));
  return shared;
};
