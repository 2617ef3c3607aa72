import { optionalEnv } from '../core/config.js';
import { documentStore, type DocumentStore } from '../files/document-store.js';
import { digestKeys, parseDigest, type DigestPayload } from './digest.js';
import { configuredDigestSigner, type DigestSigner } from './digest-signer.js';

/** A day's digest as signed, or undefined when it is missing or its signature does not hold. */
export type DigestReader = (day: string) => Promise<DigestPayload | undefined>;

export const signedDigestReader = (store: DocumentStore, signer: DigestSigner): DigestReader => async (day) => {
  const files = digestKeys(day);
  const [bytes, signature] = await Promise.all([store.get(files.payload), store.get(files.signature)]);
  if (!bytes || !signature || !(await signer.verify(bytes, signature))) return undefined;
  const payload = parseDigest(bytes);
  return payload?.day === day ? payload : undefined;
};

/** Where the module is given the documents bucket and the digest key; otherwise none (digests then cannot be checked). */
export const configuredDigestReader = (): DigestReader | undefined => {
  const signer = configuredDigestSigner();
  return signer && optionalEnv('DOCUMENTS_BUCKET') ? signedDigestReader(documentStore(), signer) : undefined;
};
