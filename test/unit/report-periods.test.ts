import { describe, expect, it } from 'vitest';
import { periodChoices } from '../../web/src/views/report-periods.js';

const term = { start: '2026-01-15', end: null };

describe('the periods a report can be started for', () => {
  it('offers the due periods first (counting obligations), then the last two completed quarters', () => {
    const choices = periodChoices({
      due: [{ start: '2026-07-01', end: '2026-09-30' }, { start: '2026-07-01', end: '2026-09-30' }, { start: '2026-04-01', end: '2026-06-30' }],
      recurrences: ['quarterly', 'once'], today: '2026-12-01', term, taken: [],
    });
    expect(choices.map((choice) => [choice.start, choice.end, choice.due, choice.unit])).toEqual([
      ['2026-04-01', '2026-06-30', 1, undefined],
      ['2026-07-01', '2026-09-30', 2, undefined],
    ]);
  });

  it('makes months and years from the recurrences, clipped to the term, never overlapping a report already submitted or accepted', () => {
    const choices = periodChoices({
      due: [], recurrences: ['monthly', 'yearly'], today: '2026-02-10', term, taken: [{ start: '2025-12-01', end: '2025-12-31' }],
    });
    expect(choices.map((choice) => [choice.start, choice.end, choice.unit])).toEqual([
      ['2026-01-15', '2026-01-31', 'month'],
    ]);
  });

  it('crosses a year boundary for quarters', () => {
    const choices = periodChoices({ due: [], recurrences: ['quarterly'], today: '2027-01-05', term, taken: [] });
    expect(choices.map((choice) => `${choice.start}/${choice.end}`)).toEqual(['2026-10-01/2026-12-31', '2026-07-01/2026-09-30']);
  });
});
