import { isoNow } from '../core/clock.js';
import { renderPdf } from '../documents/pdf.js';
import { documentStore } from '../files/document-store.js';
import { amendmentDocument, certificateDocument, finalDocument } from '../memoranda/documents.js';
import { diffContents } from '../memoranda/diff.js';
import type { MemorandumRepository, StoredMemorandum } from '../memoranda/repository.js';
import type { Amendment, AuditEvent, StoredDocument } from '../memoranda/schema.js';
import { documentKey, signedDocumentRetention } from './document-keys.js';

/**
 * The final text and the certificate of completion, made by the renderer off the
 * request path: after the last approval the final text (nothing is signed before it
 * is stored with its hash), after the last signature the certificate. Idempotent: a
 * document already on record, or a memorandum no longer in the state that asked for
 * it, is left alone; a document stored but not yet recorded is made again over it.
 */
export interface MemorandumDocumentJob {
  kind: 'memorandum-document';
  memorandumId: string;
  document: 'final' | 'certificate';
  /** The amendment whose document it is; none for the memorandum's own. */
  amendment?: number;
}

const storePdf = async (key: string, definition: Parameters<typeof renderPdf>[0], renderedAt: string): Promise<StoredDocument> => {
  const stored = await documentStore().put(key, await renderPdf(definition), 'application/pdf', signedDocumentRetention(renderedAt));
  return { ...stored, renderedAt };
};

/** The step that asked for the document: the last approval or the last signature (of the amendment, if one). */
const lastEvent = (events: AuditEvent[], action: string, amendment?: number): AuditEvent | undefined =>
  events.filter((event) => event.action === action && (amendment === undefined || event.detail?.amendment === amendment)).at(-1);

const afterSigning: readonly StoredMemorandum['status'][] = ['signed', 'active'];

/** The memorandum's own document, as the head change that records it; undefined when there is nothing to make. */
const memorandumDocument = async (memorandum: StoredMemorandum, events: AuditEvent[], document: MemorandumDocumentJob['document']): Promise<Partial<StoredMemorandum> | undefined> => {
  const { final, certificate } = memorandum.documents;
  if (document === 'final') {
    const approved = lastEvent(events, 'approved_by_all');
    if (final || memorandum.status !== 'approved' || !approved) return undefined;
    return { documents: { ...memorandum.documents, final: await storePdf(documentKey(memorandum.id, 'final', memorandum.revision), finalDocument(memorandum, approved.at), approved.at) } };
  }
  const signed = lastEvent(events, 'signed_by_all');
  if (certificate || !final || !afterSigning.includes(memorandum.status) || !signed) return undefined;
  // The certificate names every signer and the audit-chain head of the last signature (an anchor of the chain from then on).
  const stored = await storePdf(documentKey(memorandum.id, 'certificate', memorandum.revision), certificateDocument(memorandum, memorandum.signatures, final.sha256, signed.hash, signed.at), signed.at);
  return { documents: { ...memorandum.documents, certificate: { ...stored, auditHead: { seq: signed.seq, hash: signed.hash } } } };
};

const amendmentDocuments = async (memorandum: StoredMemorandum, amendment: Amendment, events: AuditEvent[], document: MemorandumDocumentJob['document']): Promise<Amendment['documents'] | undefined> => {
  const { final, certificate } = amendment.documents;
  if (document === 'final') {
    const approved = lastEvent(events, 'amendment_approved_by_all', amendment.number);
    if (final || amendment.status !== 'approved' || !approved) return undefined;
    // Its changes section by section, then the memorandum as amended.
    const changes = diffContents(memorandum.content, amendment.content ?? memorandum.content);
    return { ...amendment.documents, final: await storePdf(documentKey(memorandum.id, 'final', amendment.revision), amendmentDocument({ memorandum, amendment, changes, renderedAt: approved.at }), approved.at) };
  }
  const signed = lastEvent(events, 'amendment_signed_by_all', amendment.number);
  if (certificate || !final || amendment.status !== 'signed' || !signed) return undefined;
  const stored = await storePdf(documentKey(memorandum.id, 'certificate', amendment.revision), certificateDocument(memorandum, amendment.signatures, final.sha256, signed.hash, signed.at, amendment), signed.at);
  return { ...amendment.documents, certificate: { ...stored, auditHead: { seq: signed.seq, hash: signed.hash } } };
};

/** Makes the document and records it on the memorandum (conditional on the version read: a change meanwhile makes the job run again). */
export const renderMemorandumDocument = async (memoranda: MemorandumRepository, job: MemorandumDocumentJob): Promise<boolean> => {
  const loaded = await memoranda.load(job.memorandumId);
  if (!loaded) return false;
  const { memorandum, events } = loaded;
  let change: Partial<StoredMemorandum> | undefined;
  if (job.amendment === undefined) {
    change = await memorandumDocument(memorandum, events, job.document);
  } else {
    const amendment = (memorandum.amendments ?? []).find((candidate) => candidate.number === job.amendment);
    const documents = amendment ? await amendmentDocuments(memorandum, amendment, events, job.document) : undefined;
    change = documents ? { amendments: (memorandum.amendments ?? []).map((candidate) => (candidate.number === job.amendment ? { ...candidate, documents } : candidate)) } : undefined;
  }
  if (!change) return false;
  // A derived file of a step already on the audit chain: recorded without a new event, but as a new version, so that a change
  // read before it cannot write over it (the SPA reloads a memorandum whose document it is waiting for).
  await memoranda.write({ head: { ...memorandum, ...change, version: memorandum.version + 1, updatedAt: isoNow() }, expectedVersion: memorandum.version, events: [] });
  return true;
};
