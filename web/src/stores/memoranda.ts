import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Attachment, AttachmentUpload, AuditVerification, DocumentLink, Memorandum, MemorandumContent, MemorandumPage, MemorandumStatus, MemorandumView, ReturnRequest, RevisionDiff } from '../../../functions/memoranda/schema';
import { postToPresignedForm } from '../api/upload';
import { services } from '../services';
import { usePagedList } from './paged-list';

export type TransitionAction = 'submit' | 'withdraw' | 'return' | 'close' | 'terminate';

/** My organisation's memoranda, and the actions taken on one of them. */
export const useMemorandaStore = defineStore('memoranda', () => {
  const status = ref<MemorandumStatus | null>(null);
  const oldestFirst = ref(false);
  const list = usePagedList(async (cursor?: string) => {
    const query = new URLSearchParams({ limit: '25', ...(cursor ? { cursor } : {}), ...(status.value ? { status: status.value } : {}), ...(oldestFirst.value ? { order: 'oldest' } : {}) });
    return (await services().api.get<MemorandumPage>(`/memoranda?${query.toString()}`)).body;
  });

  const filterBy = async (next: MemorandumStatus | null) => {
    status.value = next;
    await list.load();
  };

  const sortBy = async (oldest: boolean) => {
    oldestFirst.value = oldest;
    await list.load();
  };

  const path = (memorandumId: string) => `/memoranda/${encodeURIComponent(memorandumId)}`;

  const fetchOne = async (memorandumId: string) => {
    const { body, etag } = await services().api.get<MemorandumView>(path(memorandumId));
    return { view: body, etag };
  };

  const create = async (body: { content: MemorandumContent } | { templateId: string }) =>
    (await services().api.send<Memorandum>('POST', '/memoranda', body, { idempotent: true })).body;

  const saveDraft = async (memorandumId: string, content: MemorandumContent, etag: string) =>
    services().api.send<Memorandum>('PUT', `${path(memorandumId)}/draft`, { content }, { ifMatch: etag });

  const transition = async (memorandumId: string, action: TransitionAction | 'approve', etag: string, body: ReturnRequest | { reason: string } | Record<string, never> = {}) =>
    services().api.send<Memorandum>('POST', `${path(memorandumId)}/${action}`, body, { ifMatch: etag });

  const sign = async (memorandumId: string, etag: string, body: { fullName: string; position: string; documentHash: string; confirm: true }) =>
    services().api.send<Memorandum>('POST', `${path(memorandumId)}/sign`, body, { ifMatch: etag });

  const documentLink = async (memorandumId: string, kind: 'final' | 'certificate') => (await services().api.get<DocumentLink>(`${path(memorandumId)}/documents/${kind}`)).body;

  const attachmentLink = async (memorandumId: string, attachmentId: string) => (await services().api.get<DocumentLink>(`${path(memorandumId)}/attachments/${attachmentId}`)).body;

  /** Uploads straight to S3 with the presigned POST (reporting progress), then asks the API to check and record it. */
  const attach = async (memorandumId: string, file: File, contentType: string, onProgress: (percent: number) => void) => {
    const upload = (await services().api.send<AttachmentUpload>('POST', `${path(memorandumId)}/attachments/uploads`, { filename: file.name, contentType, size: file.size })).body;
    await postToPresignedForm(upload, file, onProgress);
    return (await services().api.send<Attachment>('POST', `${path(memorandumId)}/attachments`, { uploadId: upload.uploadId, filename: file.name, contentType }, { idempotencyKey: upload.uploadId })).body;
  };

  const revisions = async (memorandumId: string) => (await services().api.get<{ items: { revision: number; savedAt: string; savedBy: string }[] }>(`${path(memorandumId)}/revisions`)).body.items;

  const diff = async (memorandumId: string, from: number, to: number) => (await services().api.get<RevisionDiff>(`${path(memorandumId)}/diff?from=${from}&to=${to}`)).body;

  const amendmentPath = (memorandumId: string, number: number) => `${path(memorandumId)}/amendments/${number}`;

  /** A supplementary agreement: started from the text in force, edited, then the memorandum's own steps. */
  const startAmendment = async (memorandumId: string, summary?: { uk?: string; en?: string }) =>
    (await services().api.send<Memorandum>('POST', `${path(memorandumId)}/amendments`, summary ? { summary } : {}, { idempotent: true })).body;

  const saveAmendment = async (memorandumId: string, number: number, body: { content: MemorandumContent; summary?: { uk?: string; en?: string } }, etag: string) =>
    services().api.send<Memorandum>('PUT', amendmentPath(memorandumId, number), body, { ifMatch: etag });

  const amendmentStep = async (memorandumId: string, number: number, action: 'submit' | 'approve' | 'return' | 'abandon', etag: string, body: ReturnRequest | { reason: string } | Record<string, never> = {}) =>
    services().api.send<Memorandum>('POST', `${amendmentPath(memorandumId, number)}/${action}`, body, { ifMatch: etag });

  const signAmendment = async (memorandumId: string, number: number, etag: string, body: { fullName: string; position: string; documentHash: string; confirm: true }) =>
    services().api.send<Memorandum>('POST', `${amendmentPath(memorandumId, number)}/sign`, body, { ifMatch: etag });

  const amendmentDocumentLink = async (memorandumId: string, number: number, kind: 'final' | 'certificate') =>
    (await services().api.get<DocumentLink>(`${amendmentPath(memorandumId, number)}/documents/${kind}`)).body;

  const verify = async (memorandumId: string) => (await services().api.get<AuditVerification>(`${path(memorandumId)}/audit/verify`)).body;

  return {
    status, oldestFirst, sortBy, items: list.items, nextCursor: list.nextCursor, state: list.state, error: list.error, loadingMore: list.loadingMore, load: list.load, loadMore: list.loadMore,
    filterBy, fetchOne, create, saveDraft, transition, sign, documentLink, attachmentLink, attach, revisions, diff, verify,
    startAmendment, saveAmendment, amendmentStep, signAmendment, amendmentDocumentLink, $reset: list.reset,
  };
});
