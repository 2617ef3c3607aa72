import { call, demoUser, type CallOptions } from './api.js';
import { createActiveMemorandum, withDocument, type caseContent } from './memoranda.js';

/** Amendment fixtures: the source-case memorandum in force, and a supplementary agreement to it in the state a test needs. */

export interface AmendmentBody {
  number: number;
  status: string;
  content?: ReturnType<typeof caseContent>;
  parties: { orgId: string; approval: string }[];
  signedBy: string[];
  documents: { final?: { sha256: string }; certificate?: { sha256: string } };
}

export interface AmendedMemorandum {
  id: string;
  version: number;
  status: string;
  content: ReturnType<typeof caseContent>;
  amendments?: AmendmentBody[];
  formerParties?: string[];
}

const coordinator = demoUser('coordinator');
const council = demoUser('council');
export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** A demo user, or a user signed in by a test (by their token). */
export type Caller = CallOptions['as'] | { token: string };
export const auth = (who: Caller): Pick<CallOptions, 'as' | 'token'> => (who !== null && typeof who === 'object' && 'token' in who ? { token: who.token } : { as: who });

export const startAmendment = async (memorandumId: string, as: CallOptions['as'] = coordinator) => {
  const started = await call<AmendedMemorandum>('POST', `/api/memoranda/${memorandumId}/amendments`, { as, body: { summary: { uk: 'Продовжуємо строк і змінюємо звітування.', en: 'The term is extended and reporting changes.' } } });
  if (started.status !== 201) throw new Error(`amendment not started: ${started.status} ${JSON.stringify(started.body)}`);
  return started.body;
};

/** The text in force with the term extended to the end of 2027 and the council's events obligation reported quarterly. */
export const extendedTerm = (content: ReturnType<typeof caseContent>) => ({
  ...content,
  term: { ...content.term, end: '2027-12-31' },
  obligations: content.obligations.map((obligation) => (obligation.id === 'c2' ? { ...obligation, recurrence: 'quarterly' as const, dueDate: '2027-03-31' } : obligation)),
});

const step = async (memorandum: AmendedMemorandum, number: number, action: string, who: Caller, body?: unknown) => {
  const response = await call<AmendedMemorandum>('POST', `/api/memoranda/${memorandum.id}/amendments/${number}/${action}`, { ...auth(who), headers: ifMatch(memorandum.version), ...(body ? { body } : {}) });
  if (response.status !== 200) throw new Error(`amendment ${action} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
};

/** An active memorandum with amendment 1 in the state asked for (between the NGO and the council of the source case). */
export const memorandumWithAmendment = async (state: 'draft' | 'in_review' | 'approved') => {
  const active = await createActiveMemorandum();
  const started = await startAmendment(active.id);
  const saved = await call<AmendedMemorandum>('PUT', `/api/memoranda/${active.id}/amendments/1`, { as: coordinator, headers: ifMatch(started.version), body: { content: extendedTerm(started.content) } });
  if (saved.status !== 200) throw new Error(`amendment not saved: ${saved.status} ${JSON.stringify(saved.body)}`);
  if (state === 'draft') return saved.body;
  const submitted = await step(saved.body, 1, 'submit', coordinator);
  if (state === 'in_review') return submitted;
  const byCouncil = await step(submitted, 1, 'approve', council);
  const approved = await step(byCouncil, 1, 'approve', coordinator);
  return withDocument<typeof approved>(approved.id, 'final', 1);
};

export const signAmendment = (memorandum: AmendedMemorandum, number: number, who: Caller, fullName: string) =>
  call<AmendedMemorandum>('POST', `/api/memoranda/${memorandum.id}/amendments/${number}/sign`, {
    ...auth(who), headers: ifMatch(memorandum.version), body: { fullName, position: 'Посада', documentHash: memorandum.amendments?.find((amendment) => amendment.number === number)?.documents.final?.sha256 ?? '0'.repeat(64), confirm: true },
  });

export { step as amendmentStep };
