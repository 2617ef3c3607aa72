import { defineRoute } from '../core/route.js';
import { MemorandumEvent, MemorandumEventInput, MemorandumEventList, MemorandumEventMaterialParams, MemorandumEventParams, MemorandumEventsQuery } from './schema.js';
import { DocumentConfirm, DocumentUploadRequest, DownloadLink, UploadForm } from '../files/schema.js';
import { MemorandumParams } from '../memoranda/schema.js';

/** The events routes, in THE route table (functions/routes.ts). */
export const eventRoutes = [
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/events', module: 'events', operation: 'listMemorandumEvents',
    summary: 'The events every party organises under the memorandum, by date (counts of people only, never who)', access: ['admin', 'coordinator', 'council', 'funder'],
    params: MemorandumParams, query: MemorandumEventsQuery, response: MemorandumEventList, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/events', module: 'events', operation: 'recordMemorandumEvent',
    summary: 'Record an event the caller\'s party organises (with co-organisers among the parties), linked to the obligations it serves', access: ['coordinator', 'council'],
    params: MemorandumParams, body: MemorandumEventInput, response: MemorandumEvent, successStatus: 201, idempotent: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'PUT', path: '/api/memoranda/{memorandumId}/events/{eventId}', module: 'events', operation: 'updateMemorandumEvent',
    summary: 'Change an event the caller\'s party organises: held or cancelled, attendance, place, time', access: ['coordinator', 'council'],
    params: MemorandumEventParams, body: MemorandumEventInput, response: MemorandumEvent, successStatus: 200, idempotent: true, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/events/{eventId}/materials/uploads', module: 'events', operation: 'requestEventMaterialUpload',
    summary: 'A presigned upload for an event\'s material (programme, photo, press release; size and type fixed by its policy)', access: ['coordinator', 'council'],
    params: MemorandumEventParams, body: DocumentUploadRequest, response: UploadForm, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/events/{eventId}/materials', module: 'events', operation: 'attachEventMaterial',
    summary: 'Attach an uploaded material to the event once the API has checked its size, type and first bytes', access: ['coordinator', 'council'],
    params: MemorandumEventParams, body: DocumentConfirm, response: MemorandumEvent, successStatus: 201, idempotent: true, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/events/{eventId}/materials/{materialId}', module: 'events', operation: 'getEventMaterialLink',
    summary: 'A short-lived download link for an event\'s material, after an integrity check', access: ['admin', 'coordinator', 'council', 'funder'],
    params: MemorandumEventMaterialParams, response: DownloadLink, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'DELETE', path: '/api/memoranda/{memorandumId}/events/{eventId}/materials/{materialId}', module: 'events', operation: 'removeEventMaterial',
    summary: 'Remove a material from the event', access: ['coordinator', 'council'],
    params: MemorandumEventMaterialParams, response: MemorandumEvent, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
] as const;
