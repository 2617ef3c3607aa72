import type { Actor } from '../core/actor.js';
import { isoNow } from '../core/clock.js';
import { AppError, notFound } from '../core/errors.js';
import { chainEvent } from '../memoranda/audit-chain.js';
import { attachmentPut } from '../memoranda/repository.js';
import { attachableStatuses, attachmentMaxBytes, type Attachment, type Memorandum, type MemorandumStatus } from '../memoranda/schema.js';
import { participantOf } from '../memoranda/workflow.js';
import { moduleHandler } from '../core/handler.js';
import { logger } from '../core/logger.js';
import { tableContext } from '../data/client.js';
import { documentStore, issueUploadForm, receiveUpload, sha256Hex, verifiedDownloadLink } from '../files/document-store.js';
import { memorandumRepository } from '../memoranda/repository.js';
import type { Signature, StoredDocument } from '../memoranda/schema.js';
import { configuredDigestReader } from '../memoranda/digest-reader.js';
import { IntegrityFailure, memorandumUseCases } from '../memoranda/use-cases.js';
import { integrityFailureNotice } from '../memoranda/notifications.js';
import { configuredMailer } from '../notifications/mailer.js';
import { optionalEnv } from '../core/config.js';
import { userRepository } from '../users/repository.js';
import { attachmentKey } from './document-keys.js';
import { amendmentUseCases } from '../memoranda/amendment-use-cases.js';
import { amendmentNumbered } from '../memoranda/amendments.js';
import { sendRenderJob } from '../documents/render-queue.js';
import type { MemorandumDocumentJob } from './final-documents.js';
import { memorandumRoutes } from '../memoranda/routes.js';

/**
 * Approval, signing, the signed documents and the integrity of the record: the
 * memorandum steps that render PDFs or check what is stored (documents, the audit
 * chain against its signed digests). A module of its own so that only these routes
 * carry the PDF renderer, the documents store and the digest key in their Lambda.
 */
const memoranda = memorandumRepository(tableContext());
const users = userRepository(tableContext());
const useCases = memorandumUseCases(memoranda, { digests: configuredDigestReader() });
const { loadVisible, transition, verifyAuditChain } = useCases;
const amendments = amendmentUseCases(memoranda, useCases);


const requireAttachingSignatory = (actor: Actor, memorandum: Memorandum) => {
  if (participantOf(actor, memorandum).signatoryFor !== actor.orgId) throw new AppError('forbidden', 'Only your organisation\'s named signatory can attach a signed file.');
  if (!(attachableStatuses as readonly MemorandumStatus[]).includes(memorandum.status)) throw new AppError('invalid_transition', 'Signed files can be attached once the final text exists.');
};

/** A document the renderer makes after a step: asked for again when its message may have been lost (the step is long past). */
const documentStillPending = async (memorandum: Memorandum, job: Omit<MemorandumDocumentJob, 'kind' | 'memorandumId'>, askedAt: string): Promise<never> => {
  if (Date.now() - Date.parse(askedAt) > resendAfterMs) await askRenderer({ kind: 'memorandum-document', memorandumId: memorandum.id, ...job });
  throw new AppError('document_pending', job.document === 'final'
    ? 'The final text is still being prepared; it can be signed once it is stored. Try again in a moment.'
    : 'The certificate of completion is still being prepared. Try again in a moment.');
};
const resendAfterMs = 60_000;

/**
 * The step is on record whatever happens here: if the queue cannot be reached, the document is asked for
 * again by the first signature or download that finds it missing a minute later (documentStillPending).
 */
const askRenderer = async (job: MemorandumDocumentJob): Promise<void> => {
  try {
    await sendRenderJob(job);
  } catch (error) {
    logger.error('The renderer could not be asked for a document; it is asked again when someone needs it', { memorandumId: job.memorandumId, document: job.document, error: error instanceof Error ? error.name : 'unknown' });
  }
};

/** Nothing is signed or approved over a record that fails its checks: refused, nothing written, the drafting organisation's coordinators told. */
const refusingTamperedRecords = async <T>(step: () => Promise<T>): Promise<T> => {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof IntegrityFailure)) throw error;
    logger.error('A memorandum failed its integrity check; the step was refused', { memorandumId: error.memorandum.id, what: error.what, firstBrokenSeq: error.firstBrokenSeq });
    await alertCoordinators(error);
    throw new AppError('integrity_failure', error.what === 'document'
      ? 'The stored text of the memorandum does not match its recorded SHA-256, so nothing can be signed. Nothing was recorded; the drafting organisation\'s coordinators have been told.'
      : 'The memorandum\'s audit trail fails its integrity check, so this step was refused. Nothing was recorded; the drafting organisation\'s coordinators have been told.');
  }
};

const alertCoordinators = async (failure: IntegrityFailure) => {
  try {
    const { items } = await users.listByOrganisation(failure.memorandum.draftingOrgId, 100, undefined);
    const notice = integrityFailureNotice(failure.memorandum, failure.what, `${optionalEnv('WEB_URL') ?? ''}/memoranda/${failure.memorandum.id}`);
    await configuredMailer().send(items.filter((user) => user.role === 'coordinator' && user.status === 'active').map((user) => ({ to: user.email, ...notice })));
  } catch (error) {
    logger.error('Coordinators were not told of an integrity failure', { memorandumId: failure.memorandum.id, error: error instanceof Error ? error.name : 'unknown' });
  }
};

/** The final text as stored, checked against the SHA-256 on record (and the one the signatory was shown). */
const requireStoredFinalText = async (memorandum: Memorandum, shownHash: string, final = memorandum.documents.final, amendment?: number) => {
  if (!final) return documentStillPending(memorandum, { document: 'final', ...(amendment === undefined ? {} : { amendment }) }, memorandum.updatedAt);
  if (final.sha256 !== shownHash) {
    throw new AppError('document_mismatch', 'The document you were shown is not the one on record. Reload it, check it and sign again.');
  }
  const bytes = await documentStore().get(final.key);
  if (!bytes || sha256Hex(bytes) !== final.sha256) throw new IntegrityFailure(memorandum, 'document');
  return final;
};


export const handler = moduleHandler('signing', memorandumRoutes, {
  async approveMemorandum({ actor, params, ifMatch }) {
    // The last approval asks the renderer for the final text; signing opens once it is stored.
    const result = await refusingTamperedRecords(() => transition({ actor, memorandumId: params.memorandumId, ifMatch, action: 'approve', detail: { orgId: actor.orgId }, requireIntactChain: true }));
    if (result.body.status === 'approved') await askRenderer({ kind: 'memorandum-document', memorandumId: params.memorandumId, document: 'final' });
    return result;
  },

  async signMemorandum({ actor, params, body, ifMatch, meta }) {
    const result = await refusingTamperedRecords(() => transition({ actor, memorandumId: params.memorandumId, ifMatch, action: 'sign', detail: { orgId: actor.orgId, documentHash: body.documentHash }, requireIntactChain: true }, async (memorandum, _next, event) => {
      await requireStoredFinalText(memorandum, body.documentHash);
      const signature: Signature = { orgId: actor.orgId, userId: actor.userId, fullName: body.fullName, position: body.position, at: event.at, documentHash: body.documentHash, sourceIp: meta.sourceIp, userAgent: meta.userAgent.slice(0, 300) };
      return { signatures: [...memorandum.signatures, signature] };
    }));
    // The last signature seals it: the renderer makes the certificate, naming every signer and the audit-chain head.
    if (result.body.status !== 'approved') await askRenderer({ kind: 'memorandum-document', memorandumId: params.memorandumId, document: 'certificate' });
    return result;
  },

  async verifyAuditTrail({ actor, params }) {
    const { memorandum, events, digests } = await loadVisible(actor, params.memorandumId);
    return { body: await verifyAuditChain(memorandum, events, digests) };
  },

  async requestAttachmentUpload({ actor, params, body }) {
    const { memorandum } = await loadVisible(actor, params.memorandumId);
    requireAttachingSignatory(actor, memorandum);
    return { body: await issueUploadForm(documentStore(), (uploadId) => attachmentKey(memorandum.id, actor.orgId, uploadId), { contentType: body.contentType, maxBytes: attachmentMaxBytes }) };
  },

  async attachSignedFile({ actor, params, body, idempotency }) {
    await idempotency?.replayIfCompleted();
    const { memorandum, attachments } = await loadVisible(actor, params.memorandumId);
    requireAttachingSignatory(actor, memorandum);
    // Once confirmed, an upload is never checked again: its form, posted again, cannot replace the checked file.
    if (attachments.some((attachment) => attachment.id === body.uploadId)) throw new AppError('already_done', 'This upload is already attached.');
    const store = documentStore();
    const key = attachmentKey(memorandum.id, actor.orgId, body.uploadId);
    // The API is the gate: S3's policy is not enforced everywhere, and S3 trusts the declared type.
    const stored = await receiveUpload(store, key, { contentType: body.contentType, maxBytes: attachmentMaxBytes });
    const now = isoNow();
    const attachment: Attachment = { id: body.uploadId, orgId: actor.orgId, userId: actor.userId, filename: body.filename, contentType: body.contentType, size: stored.size, sha256: stored.sha256, at: now, verification: 'not_verified' };
    const event = chainEvent(memorandum.auditHead, { at: now, actor: { userId: actor.userId, orgId: actor.orgId }, action: 'attached', detail: { attachmentId: attachment.id, filename: attachment.filename, sha256: attachment.sha256 } });
    const head = { ...memorandum, version: memorandum.version + 1, updatedAt: now, auditHead: { seq: event.seq, hash: event.hash } };
    const result = { body: attachment, location: `/api/memoranda/${memorandum.id}/attachments/${attachment.id}` };
    await memoranda.write({ head, expectedVersion: memorandum.version, events: [event], alongside: [attachmentPut(tableContext().table, memorandum.id, attachment), ...(idempotency ? [idempotency.record(result)] : [])] });
    return result;
  },

  async getAttachmentLink({ actor, params }) {
    const { attachments } = await loadVisible(actor, params.memorandumId);
    const attachment = attachments.find((candidate) => candidate.id === params.attachmentId);
    if (!attachment) throw notFound('The attachment');
    return { body: await verifiedDownloadLink(documentStore(), attachmentKey(params.memorandumId, attachment.orgId, attachment.id), attachment) };
  },

  async getDocumentLink({ actor, params }) {
    const { memorandum } = await loadVisible(actor, params.memorandumId);
    const document = memorandum.documents[params.kind];
    if (!document && documentAskedFor(memorandum.status, params.kind)) return documentStillPending(memorandum, { document: params.kind }, memorandum.updatedAt);
    return { body: await checkedDocumentLink(memorandum.id, document, `pakt-${memorandum.id}-${params.kind}.pdf`) };
  },

  async approveAmendment({ actor, params, ifMatch }) {
    // The last approval renders the amendment's text (its changes, then the memorandum as amended) and opens signing.
    const number = Number(params.number);
    const result = await refusingTamperedRecords(() => amendments.step({ actor, memorandumId: params.memorandumId, number, ifMatch, action: 'approve', detail: { orgId: actor.orgId }, requireIntactChain: true }));
    if (amendmentNumbered(result.body, number)?.status === 'approved') await askRenderer({ kind: 'memorandum-document', memorandumId: params.memorandumId, document: 'final', amendment: number });
    return result;
  },

  async signAmendment({ actor, params, body, ifMatch, meta }) {
    const number = Number(params.number);
    const result = await refusingTamperedRecords(() =>
      amendments.step({ actor, memorandumId: params.memorandumId, number, ifMatch, action: 'sign', detail: { orgId: actor.orgId, documentHash: body.documentHash }, requireIntactChain: true }, async ({ memorandum, amendment, event }) => {
        await requireStoredFinalText(memorandum, body.documentHash, amendment.documents.final, amendment.number);
        const signature: Signature = { orgId: actor.orgId, userId: actor.userId, fullName: body.fullName, position: body.position, at: event.at, documentHash: body.documentHash, sourceIp: meta.sourceIp, userAgent: meta.userAgent.slice(0, 300) };
        return { amendment: { signatures: [...amendment.signatures, signature] } };
      }),
    );
    if (amendmentNumbered(result.body, number)?.status === 'signed') await askRenderer({ kind: 'memorandum-document', memorandumId: params.memorandumId, document: 'certificate', amendment: number });
    return result;
  },

  async getAmendmentDocumentLink({ actor, params }) {
    const { memorandum } = await loadVisible(actor, params.memorandumId);
    const amendment = amendmentNumbered(memorandum, Number(params.number));
    if (!amendment) throw notFound('The amendment');
    const document = amendment.documents[params.kind];
    if (!document && documentAskedFor(amendment.status, params.kind)) return documentStillPending(memorandum, { document: params.kind, amendment: amendment.number }, amendment.updatedAt);
    return { body: await checkedDocumentLink(memorandum.id, document, `pakt-${memorandum.id}-amendment-${amendment.number}-${params.kind}.pdf`) };
  },
});

/** Whether the step that asks for the document is done (the last approval for the final text, the last signature for the certificate). */
const documentAskedFor = (status: string, kind: 'final' | 'certificate') => (kind === 'final' ? ['approved', 'signed', 'active'] : ['signed', 'active']).includes(status);

/** A download link for a stored document, once its bytes are checked against the hash on record. */
const checkedDocumentLink = async (memorandumId: string, document: StoredDocument | undefined, filename: string) => {
  if (!document) throw notFound('The document');
  const bytes = await documentStore().get(document.key);
  if (!bytes || sha256Hex(bytes) !== document.sha256) {
    logger.error('Stored document failed its integrity check', { memorandumId, key: document.key });
    throw new AppError('integrity_failure', 'The stored document does not match its recorded SHA-256. It has not been served; the operators have been alerted.');
  }
  const seconds = 300;
  return { url: await documentStore().downloadUrl(document.key, filename, seconds), filename, sha256: document.sha256, size: document.size, expiresAt: new Date(Date.now() + seconds * 1000).toISOString() };
};
