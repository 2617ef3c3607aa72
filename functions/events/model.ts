import { hasRole, type Actor } from '../core/actor.js';
import type { FieldProblem } from '../core/errors.js';
import type { Memorandum } from '../memoranda/schema.js';
import type { TrackedObligation } from '../obligations/schema.js';
import type { MemorandumEvent, MemorandumEventInput } from './schema.js';

/** Pure rules for the events the parties of a memorandum organise. */

type Refusal = { code: 'forbidden' | 'invalid_transition'; reason: string } | undefined;

/** A party's coordinators and council officers record the events their organisation organises, while the memorandum is in force. */
export const recordProblem = (actor: Actor, memorandum: Pick<Memorandum, 'status' | 'content'>): Refusal => {
  if (!hasRole(actor, 'coordinator', 'council') || !memorandum.content.parties.some((party) => party.orgId === actor.orgId)) {
    return { code: 'forbidden', reason: 'Only a party\'s coordinators and council officers record its events.' };
  }
  return memorandum.status === 'active' ? undefined : { code: 'invalid_transition', reason: 'Events are recorded on memoranda in force.' };
};

/** Only the organiser changes an event (its co-organisers see it on their calendars). */
export const editProblem = (actor: Actor, memorandum: Pick<Memorandum, 'status' | 'content'>, event: Pick<MemorandumEvent, 'organiserOrgId'>): Refusal =>
  actor.orgId !== event.organiserOrgId ? { code: 'forbidden', reason: 'Only the organising party changes its event.' } : recordProblem(actor, memorandum);

/**
 * What a sound event needs beyond its schema: its co-organisers are other parties, each
 * named once; the obligations it serves are in force and belong to an organiser; it
 * lies within the memorandum's term.
 */
export const eventProblems = (input: MemorandumEventInput, context: { content: Memorandum['content']; organiserOrgId: string; obligations: TrackedObligation[] }): FieldProblem[] => {
  const parties = new Set(context.content.parties.map((party) => party.orgId));
  const coOrganisers = input.coOrganiserOrgIds ?? [];
  const organisers = new Set([context.organiserOrgId, ...coOrganisers]);
  const problems: FieldProblem[] = [];
  coOrganisers.forEach((orgId, index) => {
    if (!parties.has(orgId)) problems.push({ path: `body.coOrganiserOrgIds.${index}`, message: 'Must be a party of the memorandum.' });
    else if (orgId === context.organiserOrgId) problems.push({ path: `body.coOrganiserOrgIds.${index}`, message: 'Your organisation organises it already.' });
    else if (coOrganisers.indexOf(orgId) < index) problems.push({ path: `body.coOrganiserOrgIds.${index}`, message: 'Named twice.' });
  });
  (input.obligationIds ?? []).forEach((obligationId, index, all) => {
    const obligation = context.obligations.find((candidate) => candidate.obligationId === obligationId);
    if (!obligation || obligation.endedBy || !organisers.has(obligation.ownerOrgId)) problems.push({ path: `body.obligationIds.${index}`, message: 'Must be an obligation in force of the organiser or a co-organiser.' });
    else if (all.indexOf(obligationId) < index) problems.push({ path: `body.obligationIds.${index}`, message: 'Named twice.' });
  });
  const { start, end } = context.content.term;
  if (input.date < start || (end && input.date > end)) problems.push({ path: 'body.date', message: `Must lie within the memorandum's term (${start} — ${end ?? '…'}).` });
  return problems;
};

/** The events a report on an obligation may count: held within its period, serving that obligation. */
export const eventsServing = (events: MemorandumEvent[], obligationId: string, period: { start: string; end: string }): MemorandumEvent[] =>
  events.filter((event) => event.status === 'held' && event.date >= period.start && event.date <= period.end && (event.obligationIds ?? []).includes(obligationId));

/** Everyone who organises it, the organiser first. */
export const organisersOf = (event: Pick<MemorandumEvent, 'organiserOrgId' | 'coOrganiserOrgIds'>): string[] => [event.organiserOrgId, ...(event.coOrganiserOrgIds ?? [])];
