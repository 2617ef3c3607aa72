import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * What the device keeps for one signed-in person, in IndexedDB: the API answers they read (to show them
 * offline, with their age) and their outbox of writes made offline. Everything here belongs to `owner`;
 * another person signing in on the same device, or signing out, wipes it (see `claimDevice`, `forgetDevice`).
 */
export interface SavedResponse {
  /** The API path with its query, as the app asked for it. */
  path: string;
  body: unknown;
  etag?: string | undefined;
  savedAt: string;
}

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'attention';

/** A file chosen offline, kept until the API has checked and attached it. */
export interface OutboxFile {
  name: string;
  type: string;
  blob: Blob;
  /** Where its presigned upload is asked for and where it is confirmed, with the fields both take (e.g. the obligation). */
  uploadsPath: string;
  confirmPath: string;
  fields: Record<string, string>;
  /** Attached: a resumed sending skips it. */
  done: boolean;
}

/**
 * A change made on the device, waiting to be sent: the new state of a record (PUT) based on the version
 * the person saw, and files to attach to it.
 */
export interface OutboxItem {
  id: string;
  /** The order of sending: writes go in the order they were made. */
  createdAt: string;
  kind: 'report' | 'attendance';
  /** The screen it was made on, to go back to it; and how the outbox names it. */
  screen: string;
  title: string;
  /** The record's API path, and the version the change was based on (sent as If-Match). */
  path: string;
  basedOn: string | undefined;
  /** The body of the PUT (null: only files to attach), and the record as the person saw it. */
  change: unknown;
  base: unknown;
  /** The PUT landed (its answer's version is in `basedOn` now): a resumed sending goes on with the files. */
  written: boolean;
  files: OutboxFile[];
  /** The PUT's Idempotency-Key, kept across retries and reloads (each file's upload id is its own key). */
  writeKey: string;
  state: OutboxState;
  problem?: { status: number; code: string; detail: string } | undefined;
  /** On a conflict (412): the record and its version on the server now. */
  server?: { body: unknown; etag: string | undefined } | undefined;
  sentAt?: string | undefined;
}

interface DeviceSchema extends DBSchema {
  responses: { key: string; value: SavedResponse };
  outbox: { key: string; value: OutboxItem; indexes: { createdAt: string } };
  owner: { key: 'owner'; value: string };
}

const databaseName = 'pakt-device';
let opened: Promise<IDBPDatabase<DeviceSchema>> | undefined;

export const device = () =>
  (opened ??= openDB<DeviceSchema>(databaseName, 1, {
    upgrade(database) {
      database.createObjectStore('responses', { keyPath: 'path' });
      database.createObjectStore('outbox', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
      database.createObjectStore('owner');
    },
    // Another tab wiping the device (signing out) must not wait for this one.
    blocking() {
      void opened?.then((database) => database.close());
      opened = undefined;
    },
  }));

/**
 * The device's data belongs to `subject` from now on: if it held another person's, that is wiped first
 * (their drafts included — they were never this person's to send).
 */
export const claimDevice = async (subject: string): Promise<void> => {
  const database = await device();
  const owner = await database.get('owner', 'owner');
  if (owner === subject) return;
  const wipe = database.transaction(['responses', 'outbox', 'owner'], 'readwrite');
  await Promise.all([wipe.objectStore('responses').clear(), wipe.objectStore('outbox').clear(), wipe.objectStore('owner').put(subject, 'owner'), wipe.done]);
};

export const deviceOwner = async (): Promise<string | undefined> => (await device()).get('owner', 'owner');

/** Signing out: nothing of the person stays on the device (the app's own code, cached by the service worker, does). */
export const forgetDevice = async (): Promise<void> => {
  const database = await opened?.catch(() => undefined);
  database?.close();
  opened = undefined;
  await deleteDB(databaseName);
};
