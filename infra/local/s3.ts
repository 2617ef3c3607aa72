import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import S3rver from 's3rver';
import type { RunningService } from './dynamodb.js';

interface S3rverAccounts {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
}

/**
 * s3rver for the documents bucket. It enforces no upload policy: the API checks
 * every object. It checks signatures against its own key registry, so the keys
 * that sign requests (this process's, each function's) are registered there.
 */
export const startS3 = async ({ port, directory, bucket, allowedOrigins, keys }: { port: number; directory: string; bucket: string; allowedOrigins: string[]; keys: { accessKeyId: string; secretAccessKey: string }[] }): Promise<RunningService> => {
  await mkdir(directory, { recursive: true });
  const accounts = createRequire(import.meta.url)('s3rver/lib/models/account.js') as S3rverAccounts;
  for (const key of keys) accounts.DUMMY_ACCOUNT.createKeyPair(key.accessKeyId, key.secretAccessKey);
  const origins = allowedOrigins.length > 0 ? allowedOrigins : ['http://127.0.0.1'];
  const cors = `<CORSConfiguration><CORSRule>${origins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join('')}<AllowedMethod>GET</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
  const server = new S3rver({ port, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: bucket, configs: [cors] }] });
  await server.run();
  return { url: `http://127.0.0.1:${port}`, stop: () => server.close() };
};
