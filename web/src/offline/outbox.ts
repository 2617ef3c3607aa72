import { device, type OutboxFile, type OutboxItem } from './device';
import { claimFor } from './saved-reads';

/**
 * The outbox on the device: changes made without a connection, kept until the API has them. A second
 * change to the same record before the first was sent joins it (one write, based on the version first
 * seen); nothing leaves the outbox but by being sent or by the person discarding it.
 */
export type NewChange = Pick<OutboxItem, 'kind' | 'screen' | 'title' | 'path' | 'basedOn' | 'change' | 'base'> & { files?: Omit<OutboxFile, 'done'>[] };

const unsent = (item: OutboxItem) => item.state !== 'sent';

export const outboxItems = async (): Promise<OutboxItem[]> => (await device()).getAllFromIndex('outbox', 'createdAt');

/** The change to a record still on the device, if any: its screen shows it instead of the server's. */
export const unsentChangeTo = async (path: string): Promise<OutboxItem | undefined> => (await outboxItems()).find((item) => item.path === path && unsent(item));

/** Screens hand over reactive state; IndexedDB keeps plain data (the records are JSON, the files Blobs). */
const plain = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export const queueChange = async (subject: string, given: NewChange): Promise<OutboxItem> => {
  await claimFor(subject);
  const change = given;
  const files = (given.files ?? []).map((file) => ({ ...file, done: false }));
  const earlier = await unsentChangeTo(change.path);
  const item: OutboxItem = earlier && earlier.state !== 'sending'
    ? {
        ...earlier, title: change.title, change: change.change ?? earlier.change, files: [...earlier.files, ...files], state: 'waiting', problem: undefined,
        // A written change sent again is a new write, based on the version its first write made.
        ...(earlier.written && change.change !== null ? { written: false, writeKey: crypto.randomUUID() } : {}),
      }
    : { ...change, id: crypto.randomUUID(), createdAt: new Date().toISOString(), written: change.change === null, files, writeKey: crypto.randomUUID(), state: 'waiting' };
  await updateItem(item);
  return item;
};

/** An item as IndexedDB can keep it, whatever reactive state it came through. */
const storable = (item: OutboxItem): OutboxItem => ({
  ...item, change: plain(item.change), base: plain(item.base), problem: plain(item.problem), server: plain(item.server),
  files: item.files.map((file) => ({ name: file.name, type: file.type, blob: file.blob, uploadsPath: file.uploadsPath, confirmPath: file.confirmPath, fields: { ...file.fields }, done: file.done })),
});

export const updateItem = async (item: OutboxItem): Promise<void> => {
  await (await device()).put('outbox', storable(item));
};

export const discardItem = async (id: string): Promise<void> => {
  await (await device()).delete('outbox', id);
};

/** Sent items stay listed for a day, so the person sees they went; then they go. */
export const pruneSent = async (now = Date.now()): Promise<void> => {
  const database = await device();
  for (const item of await outboxItems()) {
    if (item.state === 'sent' && item.sentAt && now - Date.parse(item.sentAt) > 86_400_000) await database.delete('outbox', item.id);
  }
};

/**
 * A conflict settled by the person: their change sent again on top of the server's version ("mine"), or
 * the server's kept and their change dropped — files they attached still go ("theirs").
 */
export const settleConflict = async (item: OutboxItem, choice: 'mine' | 'theirs'): Promise<void> => {
  if (!item.server) return;
  const keepsFiles = item.files.some((file) => !file.done);
  if (choice === 'theirs' && !keepsFiles) return discardItem(item.id);
  await updateItem({
    ...item, basedOn: item.server.etag, base: item.server.body, server: undefined, problem: undefined, state: 'waiting',
    ...(choice === 'mine' ? { written: false, writeKey: crypto.randomUUID() } : { written: true, change: null }),
  });
};
