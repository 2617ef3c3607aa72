import type { FieldProblem } from '../core/errors.js';
import type { TrackedObligation } from '../obligations/schema.js';
import { trackedObligationOf } from '../obligations/model.js';
import { canonicalJson } from './audit-chain.js';
import { amendmentMaxObligationChanges, type Directory, type MemorandumContent } from './schema.js';

/**
 * What amendments do beyond their workflow (amendment-workflow.ts, shared with the SPA):
 * who may start one, its first state, what it must satisfy to be submitted and what its
 * last signature does to the tracked obligations and each party's figures.
 */
export * from './amendment-workflow.js';

/** What a submitted amendment must satisfy beyond a valid draft: it changes something, and not too much at once. */
export const amendmentSubmissionProblems = (inForce: MemorandumContent, amended: MemorandumContent, tracked: TrackedObligation[], context: { memorandum: { id: string; draftingOrgId: string }; number: number; today: string }): FieldProblem[] => {
  if (canonicalJson(inForce) === canonicalJson(amended)) return [{ path: 'content', message: 'The amendment changes nothing yet.' }];
  const changes = obligationChanges(inForce, amended, tracked, { ...context, at: context.today });
  const touched = changes.started.length + changes.changed.length + changes.ended.length;
  return touched > amendmentMaxObligationChanges ? [{ path: 'content.obligations', message: `An amendment may change at most ${amendmentMaxObligationChanges} obligations at once.` }] : [];
};

/** An obligation's own terms (not the memorandum's title it carries, nor its record version), to compare. */
const termsOf = ({ memorandumTitle: _title, timeZone: _zone, version: _version, ...terms }: TrackedObligation): string => canonicalJson(terms);

/**
 * What the amendment's last signature does to the tracked obligations: new ones
 * start, changed ones take their new terms and keep their reports, status and
 * progress, ended ones are cancelled (never due or reminded of again). Matched by id.
 */
export const obligationChanges = (
  inForce: MemorandumContent,
  amended: MemorandumContent,
  tracked: TrackedObligation[],
  context: { memorandum: { id: string; draftingOrgId: string }; number: number; today: string; at: string },
) => {
  const byId = new Map(tracked.map((obligation) => [obligation.obligationId, obligation]));
  const amendedIds = new Set(amended.obligations.map((obligation) => obligation.id));
  // The title and the time zone travel on every tracked obligation: a change to them reaches all of them (without marking them amended).
  const titleChanged = canonicalJson([inForce.title, inForce.timeZone ?? null]) !== canonicalJson([amended.title, amended.timeZone ?? null]);
  const started: { before?: TrackedObligation; after: TrackedObligation }[] = [];
  const changed: { before: TrackedObligation; after: TrackedObligation }[] = [];
  const memorandum = { ...context.memorandum, content: { title: amended.title, ...(amended.timeZone ? { timeZone: amended.timeZone } : {}) } };
  for (const obligation of amended.obligations) {
    const existing = byId.get(obligation.id);
    if (!existing || existing.endedBy) {
      // New, or ended earlier and agreed again: tracked afresh.
      const after = trackedObligationOf(memorandum, obligation, context.at);
      started.push(existing ? { before: existing, after: { ...after, version: (existing.version ?? 1) + 1 } } : { after });
      continue;
    }
    // Everything agreed comes from the amended terms; only what reports recorded carries over.
    const terms = trackedObligationOf(memorandum, obligation, existing.createdAt);
    const after: TrackedObligation = {
      ...terms,
      status: existing.status,
      percentComplete: existing.percentComplete,
      ...(existing.reportedThrough ? { reportedThrough: existing.reportedThrough } : {}),
      ...(existing.amendedBy ? { amendedBy: existing.amendedBy } : {}),
      ...(existing.version === undefined ? {} : { version: existing.version }),
      // An indicator kept by id keeps its latest actual.
      indicators: terms.indicators.map((indicator) => {
        const latest = existing.indicators.find((candidate) => candidate.id === indicator.id)?.latestActual;
        return latest === undefined ? indicator : { ...indicator, latestActual: latest };
      }),
    };
    const termsChanged = termsOf(after) !== termsOf(existing);
    if (termsChanged || titleChanged) changed.push({ before: existing, after: { ...after, ...(termsChanged ? { amendedBy: context.number } : {}), version: (existing.version ?? 1) + 1 } });
  }
  const ended = tracked
    .filter((obligation) => !amendedIds.has(obligation.obligationId) && !obligation.endedBy)
    .map((before) => ({ before, after: { ...before, status: 'cancelled' as const, endedBy: { amendment: context.number, on: context.today }, version: (before.version ?? 1) + 1 } }));
  return { started, changed, ended };
};

export type ObligationChanges = ReturnType<typeof obligationChanges>;

/** What an obligation adds to its party's figures (ended ones add nothing). */
const figuresOf = (obligation: TrackedObligation) => (obligation.endedBy ? { total: 0, done: 0, percentSum: 0 } : { total: 1, done: obligation.status === 'done' ? 1 : 0, percentSum: obligation.percentComplete });

/** Each party's figures change by what the amendment touches (added to the stored figures, so a report accepted meanwhile is not lost). */
export const progressDeltas = (changes: ObligationChanges): Map<string, { total: number; done: number; percentSum: number }> => {
  const deltas = new Map<string, { total: number; done: number; percentSum: number }>();
  const add = (obligation: TrackedObligation, sign: 1 | -1) => {
    const figures = figuresOf(obligation);
    const current = deltas.get(obligation.ownerOrgId) ?? { total: 0, done: 0, percentSum: 0 };
    deltas.set(obligation.ownerOrgId, { total: current.total + sign * figures.total, done: current.done + sign * figures.done, percentSum: current.percentSum + sign * figures.percentSum });
  };
  for (const { before, after } of [...changes.started, ...changes.changed, ...changes.ended]) {
    if (before) add(before, -1);
    add(after, 1);
  }
  return deltas;
};

/** The directory of the agreement after the amendment: the amended text's names over the earlier ones (a leaving party's name stays readable). */
export const mergedDirectory = (inForce: Directory, amended: Directory): Directory => ({
  organisations: { ...inForce.organisations, ...amended.organisations },
  people: { ...inForce.people, ...amended.people },
});
