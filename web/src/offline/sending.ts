import type { UploadForm } from '../../../functions/files/schema';
import { ApiError } from '../api/client';
import { postToPresignedForm } from '../api/upload';
import { services } from '../services';
import { conflictRows } from './conflicts';
import { deviceOwner, type OutboxFile, type OutboxItem } from './device';
import { outboxItems, updateItem } from './outbox';

/**
 * Sends the outbox in the order the changes were made, one at a time (one tab at a time: a Web Lock).
 * Each write carries its own Idempotency-Key and the If-Match of the version it was based on, so a retry
 * after a lost answer is replayed, never applied twice, and someone else's change meanwhile is a 412 the
 * person settles, never overwritten. Files upload after their record's write, each confirmed with its
 * upload id as key; a dropped connection resumes with the first file not yet attached.
 */
export type SendOutcome = 'sent' | 'offline' | 'sign-in';

export interface SendEvents {
  changed(): void;
  progress(itemId: string, file: string, percent: number): void;
}

class StopSending extends Error {
  constructor(readonly outcome: SendOutcome) {
    super(outcome);
  }
}

const problemOf = (error: ApiError) => ({ status: error.status, code: error.code, detail: error.message });

/** Whether the API can be called now: a live token, renewed with the refresh token if it expired offline. */
const liveSession = async (): Promise<boolean> => {
  const { auth } = services();
  if (await auth.accessToken()) return true;
  await auth.renew().catch(() => undefined);
  return (await auth.accessToken()) !== undefined;
};

/** An error that ends this round of sending (the item stays as it was), or undefined for one the item keeps. */
const stopFor = (error: unknown): StopSending | undefined => {
  if (!(error instanceof ApiError)) return new StopSending('offline');
  if (error.status === 0 || error.status >= 500 || error.code === 'request_in_progress') return new StopSending('offline');
  if (error.status === 401) return new StopSending('sign-in');
  return undefined;
};

const attach = async (item: OutboxItem, file: OutboxFile, events: SendEvents): Promise<string | undefined> => {
  const { api } = services();
  const form = (await api.send<UploadForm>('POST', file.uploadsPath, { ...file.fields, filename: file.name, contentType: file.type, size: file.blob.size })).body;
  await postToPresignedForm(form, new File([file.blob], file.name, { type: file.type }), (percent) => events.progress(item.id, file.name, percent));
  const confirmed = await api.send('POST', file.confirmPath, { ...file.fields, uploadId: form.uploadId, filename: file.name, contentType: file.type }, { ifMatch: item.basedOn ?? '', idempotencyKey: form.uploadId });
  return confirmed.etag;
};

/**
 * The record's PUT. On a 412 the server's record is fetched: if it already holds the change (a colleague
 * typed the same, or this write landed and its answer was lost past the key's lifetime) it counts as
 * written; otherwise the person chooses.
 */
const write = async (item: OutboxItem): Promise<OutboxItem> => {
  const { api } = services();
  try {
    const written = await api.send('PUT', item.path, item.change, { ifMatch: item.basedOn ?? '', idempotencyKey: item.writeKey });
    return { ...item, written: true, basedOn: written.etag };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 412)) throw error;
    const server = await api.get(item.path);
    if (conflictRows(item.change, server.body).length === 0) return { ...item, written: true, basedOn: server.etag };
    return { ...item, state: 'attention', problem: problemOf(error), server: { body: server.body, etag: server.etag } };
  }
};

const sendItem = async (item: OutboxItem, events: SendEvents): Promise<void> => {
  const { api } = services();
  await updateItem({ ...item, state: 'sending' });
  events.changed();
  let current: OutboxItem = { ...item, state: 'sending' };
  try {
    if (!current.written) {
      current = await write(current);
      if (current.state === 'attention') return await updateItem(current);
      await updateItem(current);
    }
    for (const [index, file] of current.files.entries()) {
      if (file.done) continue;
      const etag = await attach(current, file, events);
      current = { ...current, basedOn: etag, files: current.files.map((each, at) => (at === index ? { ...each, done: true } : each)) };
      await updateItem(current);
    }
    await updateItem({ ...current, state: 'sent', sentAt: new Date().toISOString(), problem: undefined });
  } catch (error) {
    const stop = stopFor(error);
    if (stop) {
      await updateItem({ ...current, state: 'waiting' });
      throw stop;
    }
    const apiError = error as ApiError;
    // Someone changed the record meanwhile: the person sees both and chooses (nothing is overwritten or dropped).
    const server = apiError.status === 412 ? await api.get(current.path).then(({ body, etag }) => ({ body, etag })).catch(() => undefined) : undefined;
    await updateItem({ ...current, state: 'attention', problem: problemOf(apiError), server });
  } finally {
    events.changed();
  }
};

export const sendOutbox = async (events: SendEvents): Promise<SendOutcome> => {
  const subject = services().auth.subject();
  const run = async (): Promise<SendOutcome> => {
    // Only the signed-in person's own changes are theirs to send (claimFor wipes another person's).
    if (!subject || (await deviceOwner()) !== subject) return 'sent';
    const waiting = (await outboxItems()).filter((item) => item.state === 'waiting' || item.state === 'sending');
    if (waiting.length === 0) return 'sent';
    if (!(await liveSession())) return 'sign-in';
    try {
      for (const item of waiting) await sendItem(item, events);
      return 'sent';
    } catch (error) {
      if (error instanceof StopSending) return error.outcome;
      throw error;
    }
  };
  return navigator.locks ? navigator.locks.request('pakt-outbox', run) : run();
};
