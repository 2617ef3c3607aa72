import { mkdir } from 'node:fs/promises';
import S3rver from 's3rver';
import type { RunningService } from './dynamodb.js';

/** s3rver for the documents bucket. It enforces no upload policy: the API checks every object. */
export const startS3 = async ({ port, directory, bucket, allowedOrigins }: { port: number; directory: string; bucket: string; allowedOrigins: string[] }): Promise<RunningService> => {
  await mkdir(directory, { recursive: true });
  const cors = `<CORSConfiguration><CORSRule>${allowedOrigins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join('')}<AllowedMethod>GET</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
  const server = new S3rver({ port, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: bucket, configs: [cors] }] });
  await server.run();
  return { url: `http://127.0.0.1:${port}`, stop: () => server.close() };
};
