import { describe, expect, it } from 'vitest';
import { elapsedShare, frequencyOf, liesWithin, periodOf, periodRange, periodsBetween } from '../../functions/programmes/periods.js';

describe('programme periods', () => {
  it.each([
    ['2026-02', { start: '2026-02-01', end: '2026-02-28' }],
    ['2028-02', { start: '2028-02-01', end: '2028-02-29' }],
    ['2026-Q4', { start: '2026-10-01', end: '2026-12-31' }],
    ['2026-Q1', { start: '2026-01-01', end: '2026-03-31' }],
    ['2027', { start: '2027-01-01', end: '2027-12-31' }],
  ])('%s covers %j', (period, range) => {
    expect(periodRange(period)).toEqual(range);
  });

  it('finds the period containing a date, for each frequency', () => {
    expect(['monthly', 'quarterly', 'yearly'].map((frequency) => periodOf(frequency as 'monthly', '2026-08-07'))).toEqual(['2026-08', '2026-Q3', '2026']);
    expect(frequencyOf('2026-Q3')).toBe('quarterly');
  });

  it('lists the periods of an 18-month programme across the year end', () => {
    const programme = { start: '2026-01-01', end: '2027-06-30' };
    expect(periodsBetween('quarterly', programme)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    expect(periodsBetween('monthly', programme)).toHaveLength(18);
    expect(periodsBetween('monthly', { start: '2026-11-15', end: '2027-02-01' })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('keeps periods inside the programme, counting a partly covered first and last period as inside', () => {
    const programme = { start: '2026-01-15', end: '2027-06-30' };
    expect(['2026-01', '2026-Q1', '2027-Q2', '2026', '2027'].every((period) => liesWithin(period, programme))).toBe(true);
    expect(['2025-12', '2027-07', '2027-Q3', '2025'].some((period) => liesWithin(period, programme))).toBe(false);
  });

  it('measures elapsed time from 0 to 1', () => {
    const programme = { start: '2026-01-01', end: '2026-12-31' };
    expect(elapsedShare(programme, '2025-06-01')).toBe(0);
    expect(elapsedShare(programme, '2026-07-02')).toBeCloseTo(0.5, 2);
    expect(elapsedShare(programme, '2027-03-01')).toBe(1);
  });
});
