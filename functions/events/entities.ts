import { defineEntity } from '../data/entity.js';
import { MemorandumEvent } from './schema.js';

/** The events the memorandum's parties organise: a partition of their own, so that the memorandum's Query never reads them. */
export const eventsPartition = (memorandumId: string) => `MOU#${memorandumId}#EVENTS`;
const eventKey = (memorandumId: string, eventId: string) => ({ PK: eventsPartition(memorandumId), SK: `EV#${eventId}` });

export const memorandumEvent = defineEntity({
  tag: 'memorandumEvent',
  version: 1,
  schema: MemorandumEvent,
  key: eventKey,
  keyOf: (event) => eventKey(event.memorandumId, event.id),
});
