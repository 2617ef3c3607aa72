import { isoNow } from '../core/clock.js';
import { invalid, notFound } from '../core/errors.js';
import { indicatorsOf, relationshipOf } from './policy.js';
import { counterDelta, spendCounters, tallyCounters } from './figures.js';
import { frequencyOf, liesWithin } from './periods.js';
import { parseTallyId, type IndicatorActual, type Tally } from './schema.js';
import { requireVersion } from '../core/versions.js';
import type { Operations } from '../core/pipeline.js';
import { loadProgrammeToRun, readToRun, records, requireToRun } from './context.js';

/** What the programme records per period: assistance tallies, spending and indicator actuals (each kept with the dashboard's figures). */
export const recordOperations = {
  async listTallies({ actor, params }) {
    const { data: items } = await readToRun(actor, params.programmeId, () => records.tallies(params.programmeId));
    return { body: { items } };
  },

  async putTally({ actor, params, body, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const cell = parseTallyId(params.tallyId);
    if (!liesWithin(cell.month, programme.content.period)) throw invalid([{ path: 'params.tallyId', message: `The month must lie within the programme (${programme.content.period.start} — ${programme.content.period.end}).` }]);
    const stored = await records.getTally(programme.id, params.tallyId);
    requireVersion(stored, ifMatch, 'tally');
    const next: Tally = { id: params.tallyId, programmeId: programme.id, ...cell, people: body.people, families: body.families, version: (stored?.version ?? 0) + 1, updatedAt: isoNow() };
    await records.putTally(next, stored?.version ?? 0, counterDelta(tallyCounters(stored), tallyCounters(next)));
    return { body: next, version: next.version };
  },

  async listSpending({ actor, params }) {
    const { relationship, items } = await records.spendingBeside(params.programmeId, actor.orgId);
    requireToRun(actor, relationship);
    return { body: { items } };
  },

  async putSpend({ actor, params, body, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const lines = new Set([...(programme.content.budget?.lines ?? []).map((line) => line.id), 'unassigned']);
    const problems = [
      ...(programme.content.budget ? [] : [{ path: 'params.programmeId', message: 'The programme has no budget to report spending against.' }]),
      ...(lines.has(params.lineId) ? [] : [{ path: 'params.lineId', message: 'Not a budget line of this programme (or "unassigned").' }]),
      ...(liesWithin(params.month, programme.content.period) ? [] : [{ path: 'params.month', message: 'The month must lie within the programme.' }]),
    ];
    if (problems.length > 0) throw invalid(problems);
    const stored = await records.getSpend(programme.id, params.month, params.lineId);
    requireVersion(stored, ifMatch, 'spending record');
    const next = { programmeId: programme.id, month: params.month, lineId: params.lineId, amountCents: Math.round(body.amount * 100), version: (stored?.version ?? 0) + 1, updatedAt: isoNow() };
    await records.putSpend(next, stored?.version ?? 0, counterDelta(spendCounters(stored), spendCounters(next)));
    return { body: next, version: next.version };
  },

  async listIndicatorActuals({ actor, params }) {
    const { content, items } = await records.actualsBeside(params.programmeId);
    requireToRun(actor, content && relationshipOf(actor.orgId, content));
    return { body: { items } };
  },

  async putIndicatorActual({ actor, params, body, ifMatch }) {
    const programme = await loadProgrammeToRun(actor, params.programmeId);
    const indicator = indicatorsOf(programme.content).find((candidate) => candidate.indicator.id === params.indicatorId)?.indicator;
    if (!indicator) throw notFound('The indicator');
    const problems = [
      ...(frequencyOf(params.period) === indicator.frequency ? [] : [{ path: 'params.period', message: `This indicator is reported ${indicator.frequency}.` }]),
      ...(liesWithin(params.period, programme.content.period) ? [] : [{ path: 'params.period', message: 'The period must lie within the programme.' }]),
    ];
    if (problems.length > 0) throw invalid(problems);
    const stored = await records.getActual(programme.id, indicator.id, params.period);
    requireVersion(stored, ifMatch, 'indicator actual');
    const next: IndicatorActual = { programmeId: programme.id, indicatorId: indicator.id, period: params.period, value: body.value, version: (stored?.version ?? 0) + 1, updatedAt: isoNow() };
    await records.putActual(next, stored?.version ?? 0);
    return { body: next, version: next.version };
  },
} satisfies Partial<Operations<'programmes'>>;
