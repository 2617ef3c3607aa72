import { defineRoute } from '../core/route.js';
import { AmendmentDocumentParams, AmendmentDraft, AmendmentParams, AmendmentStart, Attachment, AttachmentConfirm, AttachmentParams, AttachmentUpload, AttachmentUploadRequest, AuditVerification, DiffQuery, DocumentLink, DocumentParams, EndRequest, Memorandum, MemorandumCreate, MemorandumDraft, MemorandumListQuery, MemorandumPage, MemorandumParams, MemorandumView, NoBody, ReturnRequest, RevisionDiff, RevisionList, SignRequest } from './schema.js';

/** The memoranda routes, in THE route table (functions/routes.ts). */
export const memorandumRoutes = [
  defineRoute({
    method: 'GET', path: '/api/memoranda', module: 'memoranda', operation: 'listMemoranda',
    summary: 'Memoranda the caller\'s organisation is party to, latest change first', access: ['admin', 'coordinator', 'council', 'funder'],
    query: MemorandumListQuery, response: MemorandumPage, successStatus: 200,
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda', module: 'memoranda', operation: 'createMemorandum',
    summary: 'Start a draft memorandum, blank or from a template', access: ['coordinator'],
    body: MemorandumCreate, response: Memorandum, successStatus: 201, idempotent: true,
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}', module: 'memoranda', operation: 'getMemorandum',
    summary: 'A memorandum with its parties\' state and audit trail', access: ['admin', 'coordinator', 'council', 'funder'],
    params: MemorandumParams, response: MemorandumView, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'PUT', path: '/api/memoranda/{memorandumId}/draft', module: 'memoranda', operation: 'saveDraft',
    summary: 'Save the draft as a new revision', access: ['coordinator'],
    params: MemorandumParams, body: MemorandumDraft, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/submit', module: 'memoranda', operation: 'submitMemorandum',
    summary: 'Freeze the current revision and ask every party to approve it', access: ['coordinator'],
    params: MemorandumParams, body: NoBody, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/withdraw', module: 'memoranda', operation: 'withdrawMemorandum',
    summary: 'Take a submitted memorandum back to draft while no party has acted', access: ['coordinator'],
    params: MemorandumParams, body: NoBody, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/approve', module: 'signing', operation: 'approveMemorandum',
    summary: 'Approve the frozen revision for the caller\'s party', access: ['coordinator', 'council'],
    params: MemorandumParams, body: NoBody, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum', heavy: true,
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/return', module: 'memoranda', operation: 'returnMemorandum',
    summary: 'Return the memorandum to draft with a comment', access: ['coordinator', 'council'],
    params: MemorandumParams, body: ReturnRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/close', module: 'memoranda', operation: 'closeMemorandum',
    summary: 'Close an active memorandum, with the reason', access: ['coordinator'],
    params: MemorandumParams, body: EndRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/terminate', module: 'memoranda', operation: 'terminateMemorandum',
    summary: 'Terminate an active memorandum early, with the reason', access: ['coordinator'],
    params: MemorandumParams, body: EndRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/sign', module: 'signing', operation: 'signMemorandum',
    summary: 'Sign the final text for the caller\'s party (the last signature seals it)', access: ['coordinator', 'council'],
    params: MemorandumParams, body: SignRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum', heavy: true,
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/documents/{kind}', module: 'signing', operation: 'getDocumentLink',
    summary: 'A short-lived download link for the final text or the certificate, after an integrity check', access: ['admin', 'coordinator', 'council', 'funder'],
    params: DocumentParams, response: DocumentLink, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/attachments/uploads', module: 'signing', operation: 'requestAttachmentUpload',
    summary: 'A presigned upload for an externally signed file (size and type fixed by its policy)', access: ['coordinator', 'council'],
    params: MemorandumParams, body: AttachmentUploadRequest, response: AttachmentUpload, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/attachments', module: 'signing', operation: 'attachSignedFile',
    summary: 'Record an uploaded signed file after checking its size, type and content ("attached, not verified")', access: ['coordinator', 'council'],
    params: MemorandumParams, body: AttachmentConfirm, response: Attachment, successStatus: 201, idempotent: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/attachments/{attachmentId}', module: 'signing', operation: 'getAttachmentLink',
    summary: 'A short-lived download link for an attached file, after an integrity check', access: ['admin', 'coordinator', 'council', 'funder'],
    params: AttachmentParams, response: DocumentLink, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/revisions', module: 'memoranda', operation: 'listRevisions',
    summary: 'Every saved revision: who saved it and when', access: ['admin', 'coordinator', 'council', 'funder'],
    params: MemorandumParams, response: RevisionList, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/diff', module: 'memoranda', operation: 'diffRevisions',
    summary: 'What changed between two revisions, section by section', access: ['admin', 'coordinator', 'council', 'funder'],
    params: MemorandumParams, query: DiffQuery, response: RevisionDiff, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/audit/verify', module: 'signing', operation: 'verifyAuditTrail',
    summary: 'Recompute the audit hash chain, hold it against the heads recorded on the memorandum, its certificate and the signed daily digest, and report the first event that does not hold', access: ['admin', 'coordinator', 'council', 'funder'],
    params: MemorandumParams, response: AuditVerification, successStatus: 200, resource: 'memorandum', heavy: true,
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/amendments', module: 'memoranda', operation: 'startAmendment',
    summary: 'Start an amendment (supplementary agreement) to a memorandum in force: a draft of the amended text', access: ['coordinator'],
    params: MemorandumParams, body: AmendmentStart, response: Memorandum, successStatus: 201, idempotent: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'PUT', path: '/api/memoranda/{memorandumId}/amendments/{number}', module: 'memoranda', operation: 'saveAmendment',
    summary: 'Save the amended text as a new revision', access: ['coordinator'],
    params: AmendmentParams, body: AmendmentDraft, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/amendments/{number}/submit', module: 'memoranda', operation: 'submitAmendment',
    summary: 'Freeze the amended text and ask every party of it (and any party leaving) to approve it', access: ['coordinator'],
    params: AmendmentParams, body: NoBody, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/amendments/{number}/return', module: 'memoranda', operation: 'returnAmendment',
    summary: 'Return the amendment to draft with a comment', access: ['coordinator', 'council'],
    params: AmendmentParams, body: ReturnRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/amendments/{number}/abandon', module: 'memoranda', operation: 'abandonAmendment',
    summary: 'Abandon an amendment nobody has signed yet (the memorandum stays as it is)', access: ['coordinator'],
    params: AmendmentParams, body: EndRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/amendments/{number}/approve', module: 'signing', operation: 'approveAmendment',
    summary: 'Approve the amended text for the caller\'s party (the last approval renders its final text)', access: ['coordinator', 'council'],
    params: AmendmentParams, body: NoBody, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum', heavy: true,
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/amendments/{number}/sign', module: 'signing', operation: 'signAmendment',
    summary: 'Sign the amendment for the caller\'s party (the last signature puts the amended text in force)', access: ['coordinator', 'council'],
    params: AmendmentParams, body: SignRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum', heavy: true,
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/amendments/{number}/documents/{kind}', module: 'signing', operation: 'getAmendmentDocumentLink',
    summary: 'A short-lived download link for an amendment\'s final text or certificate, after an integrity check', access: ['admin', 'coordinator', 'council', 'funder'],
    params: AmendmentDocumentParams, response: DocumentLink, successStatus: 200, resource: 'memorandum',
  }),
] as const;
