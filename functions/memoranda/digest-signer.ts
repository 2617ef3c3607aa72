import { createPublicKey, generateKeyPairSync, sign, verify, createHash, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KMSClient } from '@aws-sdk/client-kms';
import { optionalEnv } from '../core/config.js';
import { traced } from '../core/tracer.js';

/**
 * Signs and verifies the daily audit digests with ECDSA P-256 over SHA-256: an
 * asymmetric KMS key on AWS (the private key never leaves KMS), a key file in `.data/`
 * locally. Signatures are DER either way, verified with the public key by one code path.
 */
export interface DigestSigner {
  readonly keyId: string;
  sign(payload: Uint8Array): Promise<Uint8Array>;
  verify(payload: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

const verifyWith = (publicKey: KeyObject, payload: Uint8Array, signature: Uint8Array): boolean => {
  try {
    return verify('sha256', payload, publicKey, signature);
  } catch {
    return false;
  }
};

/** The KMS client loads on first use: most requests of the Lambdas that carry it verify or sign nothing. */
const kms = () => import('@aws-sdk/client-kms');

export const kmsDigestSigner = (keyId: string, client?: KMSClient): DigestSigner => {
  let clientInUse: Promise<KMSClient> | undefined;
  const kmsClient = () => (clientInUse ??= client ? Promise.resolve(client) : kms().then(({ KMSClient }) => traced(new KMSClient({}))));
  let publicKey: Promise<KeyObject> | undefined;
  const keyOf = () => {
    publicKey ??= Promise.all([kmsClient(), kms()]).then(([connected, { GetPublicKeyCommand }]) => connected.send(new GetPublicKeyCommand({ KeyId: keyId }))).then(({ PublicKey }) => {
      if (!PublicKey) throw new Error('KMS returned no public key for the digest key');
      return createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' });
    });
    return publicKey;
  };
  return {
    keyId,
    async sign(payload) {
      const digest = createHash('sha256').update(payload).digest();
      const [connected, { SignCommand }] = await Promise.all([kmsClient(), kms()]);
      const { Signature } = await connected.send(new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }));
      if (!Signature) throw new Error('KMS returned no signature');
      return Signature;
    },
    verify: async (payload, signature) => verifyWith(await keyOf(), payload, signature),
  };
};

/** The local key, created on first use (kept with the rest of `.data/`). */
export const localDigestSigner = (keyFile: string): DigestSigner => {
  if (!existsSync(keyFile)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  const privateKey = readFileSync(keyFile, 'utf8');
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: `local:${keyFile}`,
    sign: async (payload) => sign('sha256', payload, privateKey),
    verify: async (payload, signature) => verifyWith(publicKey, payload, signature),
  };
};

/** Creates the local key if needed and writes its public half beside it; returns that file. */
export const ensureLocalDigestKey = (keyFile: string): string => {
  const publicKeyFile = keyFile.replace(/\.pem$/, '') + '.public.pem';
  localDigestSigner(keyFile);
  writeFileSync(publicKeyFile, createPublicKey(readFileSync(keyFile, 'utf8')).export({ format: 'pem', type: 'spki' }));
  return publicKeyFile;
};

/** Verifying only, as a function granted just kms:GetPublicKey on AWS: signing is refused as KMS refuses it. */
export const localDigestVerifier = (publicKeyFile: string): DigestSigner => {
  const publicKey = createPublicKey(readFileSync(publicKeyFile, 'utf8'));
  return {
    keyId: `local:${publicKeyFile}`,
    sign: () => Promise.reject(Object.assign(new Error('This function may verify digests but not sign them (kms:Sign is not granted).'), { name: 'AccessDeniedException' })),
    verify: async (payload, signature) => verifyWith(publicKey, payload, signature),
  };
};

let shared: DigestSigner | undefined;

/**
 * By configuration alone: DIGEST_KMS_KEY_ID on AWS; on one machine DIGEST_SIGNING_KEY_FILE
 * (may sign) or DIGEST_PUBLIC_KEY_FILE (may only verify); undefined where none is set.
 */
export const configuredDigestSigner = (): DigestSigner | undefined => {
  if (shared) return shared;
  const kmsKeyId = optionalEnv('DIGEST_KMS_KEY_ID');
  const keyFile = optionalEnv('DIGEST_SIGNING_KEY_FILE');
  const publicKeyFile = optionalEnv('DIGEST_PUBLIC_KEY_FILE');
  shared = kmsKeyId ? kmsDigestSigner(kmsKeyId) : keyFile ? localDigestSigner(keyFile) : publicKeyFile ? localDigestVerifier(publicKeyFile) : undefined;
  return shared;
};
