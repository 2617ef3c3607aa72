import { AppError, notFound } from '../core/errors.js';
import { moduleHandler } from '../core/handler.js';
import { logger } from '../core/logger.js';
import { tableContext } from '../data/client.js';
import { renderPdf } from '../documents/pdf.js';
import { documentStore, sha256Hex } from '../files/document-store.js';
import { certificateDocument, finalDocument } from '../memoranda/documents.js';
import { memorandumRepository } from '../memoranda/repository.js';
import type { Signature, StoredDocument } from '../memoranda/schema.js';
import { memorandumUseCases } from '../memoranda/use-cases.js';

/**
 * Approval, signing and the signed documents: the memorandum steps that render
 * PDFs. A module of its own so that only these routes carry the PDF renderer
 * (pdfmake and its fonts) in their Lambda.
 */
const memoranda = memorandumRepository(tableContext());
const { loadVisible, transition } = memorandumUseCases(memoranda);

/** Renders a document and stores it; if storage fails nothing else happens, and the step can be retried. */
const storePdf = async (key: string, definition: Parameters<typeof renderPdf>[0], renderedAt: string): Promise<StoredDocument> => {
  const bytes = await renderPdf(definition);
  try {
    const stored = await documentStore().put(key, bytes, 'application/pdf');
    return { ...stored, renderedAt };
  } catch (error) {
    logger.error('Storing a document failed', { key, error: error instanceof Error ? error.name : 'unknown' });
    throw new AppError('storage_unavailable', 'The document could not be stored, so nothing was changed. Try again in a moment.');
  }
};

const documentKey = (memorandumId: string, kind: 'final' | 'certificate', revision: number) => `memoranda/${memorandumId}/${kind}-r${revision}.pdf`;


export const handler = moduleHandler('signing', {
  async approveMemorandum({ actor, params, ifMatch }) {
    // The last approval renders the final text and opens signing.
    return transition({ actor, memorandumId: params.memorandumId, ifMatch, action: 'approve', detail: { orgId: actor.orgId } }, async (memorandum, next, event) =>
      next.status === 'approved'
        ? { documents: { final: await storePdf(documentKey(memorandum.id, 'final', memorandum.revision), finalDocument(memorandum, event.at), event.at) } }
        : {},
    );
  },

  async signMemorandum({ actor, params, body, ifMatch, meta }) {
    return transition({ actor, memorandumId: params.memorandumId, ifMatch, action: 'sign', detail: { orgId: actor.orgId, documentHash: body.documentHash } }, async (memorandum, next, event) => {
      const final = memorandum.documents.final;
      if (!final || final.sha256 !== body.documentHash) {
        throw new AppError('document_mismatch', 'The document you were shown is not the one on record. Reload it, check it and sign again.');
      }
      const signature: Signature = { orgId: actor.orgId, userId: actor.userId, fullName: body.fullName, position: body.position, at: event.at, documentHash: body.documentHash, sourceIp: meta.sourceIp, userAgent: meta.userAgent.slice(0, 300) };
      const signatures = [...memorandum.signatures, signature];
      if (next.status !== 'signed') return { signatures };
      // The last signature seals it: the certificate names every signer and the audit-chain head.
      const certificate = await storePdf(documentKey(memorandum.id, 'certificate', memorandum.revision), certificateDocument({ ...memorandum, signatures }, signatures, final.sha256, event.hash, event.at), event.at);
      return { signatures, documents: { ...memorandum.documents, certificate } };
    });
  },

  async getDocumentLink({ actor, params }) {
    const { memorandum } = await loadVisible(actor, params.memorandumId);
    const document = memorandum.documents[params.kind];
    if (!document) throw notFound('The document');
    // The stored bytes are checked against the hash on record before anyone downloads them.
    const bytes = await documentStore().get(document.key);
    if (!bytes || sha256Hex(bytes) !== document.sha256) {
      logger.error('Stored document failed its integrity check', { memorandumId: memorandum.id, kind: params.kind });
      throw new AppError('integrity_failure', 'The stored document does not match its recorded SHA-256. It has not been served; the operators have been alerted.');
    }
    const filename = `pakt-${memorandum.id}-${params.kind}.pdf`;
    const seconds = 300;
    return { body: { url: await documentStore().downloadUrl(document.key, filename, seconds), filename, sha256: document.sha256, size: document.size, expiresAt: new Date(Date.now() + seconds * 1000).toISOString() } };
  },
});
