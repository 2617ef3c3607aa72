import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { newId } from '../core/ids.js';
import type { Role } from '../core/roles.js';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

/**
 * The local OpenID provider's account store: a JSON file under `.data/`. It plays
 * the part Cognito's user directory plays on AWS, for the same handlers.
 */
export interface LocalAccount {
  sub: string;
  email: string;
  name: string;
  orgId: string;
  groups: Role[];
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  /** Set for an invitation's temporary password: the first sign-in must choose a new one before it expires. */
  temporaryPasswordExpiresAt?: string;
  /** When the account was last signed out everywhere (disabled): refresh tokens issued before are refused. */
  signedOutAt?: string;
  /** The authenticator app's key (base32), once a code from it was verified (Cognito: the software token is registered). */
  totpSecret?: string;
  /** Whether sign-in asks for its code (Cognito: software-token MFA enabled as the user's preference). */
  totpEnabled?: boolean;
}

/** As Cognito lists SOFTWARE_TOKEN_MFA among the user's MFA settings: registered and enabled. */
export const secondFactorEnrolled = (account: Pick<LocalAccount, 'totpSecret' | 'totpEnabled'>): boolean => account.totpSecret !== undefined && account.totpEnabled === true;

export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 32);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(actual, expected);
};

export interface LocalAccountStore {
  all(): Promise<LocalAccount[]>;
  findBySub(sub: string): Promise<LocalAccount | undefined>;
  findByEmail(email: string): Promise<LocalAccount | undefined>;
  /** Adds an account unless the email is taken; returns the stored account or undefined. */
  add(account: Omit<LocalAccount, 'sub' | 'createdAt'> & { sub?: string }): Promise<LocalAccount | undefined>;
  update(sub: string, change: Partial<Pick<LocalAccount, 'disabled' | 'name' | 'groups' | 'passwordHash' | 'temporaryPasswordExpiresAt' | 'signedOutAt' | 'totpSecret' | 'totpEnabled'>>): Promise<LocalAccount | undefined>;
  remove(sub: string): Promise<void>;
}

const stores = new Map<string, LocalAccountStore>();

/** One store per file per process, so that writes are serialized. */
export const localAccountStore = (file: string): LocalAccountStore => {
  const existing = stores.get(file);
  if (existing) return existing;

  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const load = async (): Promise<LocalAccount[]> => {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as LocalAccount[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  };
  const save = async (accounts: LocalAccount[]): Promise<void> => {
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(accounts, null, 2), { mode: 0o600 });
    await rename(temporary, file);
  };

  const store: LocalAccountStore = {
    all: () => serialized(load),
    findBySub: (sub) => serialized(async () => (await load()).find((account) => account.sub === sub)),
    findByEmail: (email) => serialized(async () => (await load()).find((account) => account.email === email.toLowerCase())),
    add: (input) =>
      serialized(async () => {
        const accounts = await load();
        if (accounts.some((account) => account.email === input.email.toLowerCase())) return undefined;
        const account: LocalAccount = { ...input, email: input.email.toLowerCase(), sub: input.sub ?? newId(), createdAt: new Date().toISOString() };
        await save([...accounts, account]);
        return account;
      }),
    update: (sub, change) =>
      serialized(async () => {
        const accounts = await load();
        const index = accounts.findIndex((account) => account.sub === sub);
        const current = accounts[index];
        if (current === undefined) return undefined;
        // An undefined field in the change removes it (e.g. the temporary password's expiry once replaced).
        const updated = Object.fromEntries(Object.entries({ ...current, ...change }).filter(([, value]) => value !== undefined)) as unknown as LocalAccount;
        accounts[index] = updated;
        await save(accounts);
        return updated;
      }),
    remove: (sub) =>
      serialized(async () => {
        await save((await load()).filter((account) => account.sub !== sub));
      }),
  };
  stores.set(file, store);
  return store;
};
