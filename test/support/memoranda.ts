import { caseMemorandumContent } from '../../infra/local/cases.js';
import { demoOrganisations } from '../../infra/local/seed.js';
import { call, demoUser } from './api.js';

/** The source-case memorandum between the NGO and the council, with named approvers and signatories. */
export const caseContent = (named = true) => {
  const coordinator = demoUser('coordinator');
  const council = demoUser('council');
  return caseMemorandumContent({
    ngoOrgId: demoOrganisations.relativesNgo,
    councilOrgId: demoOrganisations.molochanskCouncil,
    ...(named ? { ngoApprover: coordinator.id, ngoSignatory: coordinator.id, councilApprover: council.id, councilSignatory: council.id } : {}),
  });
};

export interface Created {
  id: string;
  version: number;
  status: string;
  documents?: { final?: { sha256: string; key: string }; certificate?: { sha256: string; key: string } };
}

type Content = ReturnType<typeof caseContent>;

export const createCaseMemorandum = async (options: { submit?: boolean; content?: Content } = {}): Promise<Created> => {
  const created = await call<Created>('POST', '/api/memoranda', { as: demoUser('coordinator'), body: { content: options.content ?? caseContent() } });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  if (!options.submit) return created.body;
  const submitted = await call<Created>('POST', `/api/memoranda/${created.body.id}/submit`, { as: demoUser('coordinator'), headers: { 'if-match': `"${created.body.version}"` } });
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return submitted.body;
};

/** A memorandum between the resource centre and the rights institute: none of the demo callers but its coordinator is party. */
export const createOtherMemorandum = async (): Promise<Created> => {
  const content = {
    title: { en: 'Legal solidarity with the Crimean Tatar people' },
    term: { start: '2026-02-01', end: '2027-07-31' },
    parties: [
      { orgId: demoOrganisations.resourceCenter, role: { en: 'Resource centre' } },
      { orgId: demoOrganisations.rightsInstitute, role: { en: 'Partner' } },
    ],
    purposes: [{ id: 'p1', text: { en: 'Promote a civilian international movement for the de-occupation of Crimea' } }],
    areas: [{ id: 'a1', text: { en: 'Seminars and trainings for a network of activists' } }],
    obligations: [],
  };
  const created = await call<Created>('POST', '/api/memoranda', { as: 'resource.center@pakt.local', body: { content } });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body;
};

interface WithDocuments { documents?: { final?: { sha256: string }; certificate?: { sha256: string } }; amendments?: { number: number; documents: { final?: { sha256: string }; certificate?: { sha256: string } } }[] }

/**
 * The memorandum once the renderer has stored the document its last step asked for (the final text after
 * the last approval, the certificate after the last signature; of the amendment, when one is named).
 */
export const withDocument = async <T extends WithDocuments = Created & WithDocuments>(memorandumId: string, kind: 'final' | 'certificate', amendment?: number): Promise<T> => {
  for (let poll = 0; poll < 300; poll += 1) {
    const { body } = await call<{ memorandum: T }>('GET', `/api/memoranda/${memorandumId}`, { as: demoUser('coordinator') });
    const documents = amendment === undefined ? body.memorandum.documents : body.memorandum.amendments?.find((candidate) => candidate.number === amendment)?.documents;
    if (documents?.[kind]) return body.memorandum;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The ${kind} document of ${memorandumId} was not made.`);
};

/** The source-case memorandum approved by both parties: its final PDF is rendered and signing is open. */
export const createApprovedMemorandum = async (content?: Content): Promise<Created> => {
  const inReview = await createCaseMemorandum({ submit: true, ...(content ? { content } : {}) });
  const path = `/api/memoranda/${inReview.id}`;
  const byCouncil = await call<Created>('POST', `${path}/approve`, { as: demoUser('council'), headers: { 'if-match': `"${inReview.version}"` } });
  const approved = await call<Created>('POST', `${path}/approve`, { as: demoUser('coordinator'), headers: { 'if-match': `"${byCouncil.body.version}"` } });
  if (approved.status !== 200) throw new Error(`approve failed: ${approved.status} ${JSON.stringify(approved.body)}`);
  return withDocument(approved.body.id, 'final');
};

/** The source-case memorandum signed by both parties; its term has started, so it is active. */
export const createActiveMemorandum = async (content?: Content): Promise<Created> => {
  const approved = await createApprovedMemorandum(content);
  const path = `/api/memoranda/${approved.id}/sign`;
  const body = (name: string) => ({ fullName: name, position: 'Посада', documentHash: approved.documents?.final?.sha256 ?? '', confirm: true });
  const first = await call<Created>('POST', path, { as: demoUser('council'), body: body('Ігор Петренко'), headers: { 'if-match': `"${approved.version}"` } });
  const active = await call<Created>('POST', path, { as: demoUser('coordinator'), body: body('Олена Коваль'), headers: { 'if-match': `"${first.body.version}"` } });
  if (active.status !== 200) throw new Error(`sign failed: ${active.status} ${JSON.stringify(active.body)}`);
  return withDocument(active.body.id, 'certificate');
};

/** The smallest well-formed start of a PDF: enough for the API's content check. */
export const samplePdf = new TextEncoder().encode('%PDF-1.7\n% signed externally\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Uploads a file through the presigned POST the API issues, as the browser does, and records it. */
/** Posts a file to S3 with a presigned form, as a browser does; `storedType` lets a test lie about the type. */
export const postToS3 = async (upload: { url: string; fields: Record<string, string> }, file: { bytes: Uint8Array; storedType: string; filename: string }) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, name === 'Content-Type' ? file.storedType : value);
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.storedType }), file.filename);
  const posted = await fetch(upload.url, { method: 'POST', body: form });
  if (posted.status >= 300) throw new Error(`S3 upload failed: ${posted.status} ${await posted.text()}`);
};

export const uploadSignedFile = async (memorandumId: string, as: ReturnType<typeof demoUser>, file: { bytes: Uint8Array; contentType: string; declared?: string; declaredSize?: number } = { bytes: samplePdf, contentType: 'application/pdf' }) => {
  const declared = file.declared ?? file.contentType;
  const upload = await call<{ uploadId: string; url: string; fields: Record<string, string> }>('POST', `/api/memoranda/${memorandumId}/attachments/uploads`, { as, body: { filename: 'signed.pdf', contentType: declared, size: file.declaredSize ?? file.bytes.byteLength } });
  if (upload.status !== 200) throw new Error(`upload request failed: ${upload.status} ${JSON.stringify(upload.body)}`);
  await postToS3(upload.body, { bytes: file.bytes, storedType: file.contentType, filename: 'signed.pdf' });
  return { uploadId: upload.body.uploadId, confirm: () => call<{ id: string; sha256: string; verification: string }>('POST', `/api/memoranda/${memorandumId}/attachments`, { as, body: { uploadId: upload.body.uploadId, filename: 'signed.pdf', contentType: declared } }) };
};
