import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateIn, endOfCalendarPeriod, endOfMonth, today } from '../../functions/core/calendar.js';
import { nextDueDate } from '../../functions/obligations/model.js';

describe('calendar dates', () => {
  it('keep month ends: quarterly from 30 September is 31 December, monthly from 31 January is the end of February', () => {
    expect(addMonths('2026-09-30', 3)).toBe('2026-12-31');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-02-28', 1)).toBe('2026-03-31');
    expect(addMonths('2026-12-31', -3)).toBe('2026-09-30');
  });

  it('keep other days, inside shorter months', () => {
    expect(addMonths('2026-01-30', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-30', 2)).toBe('2026-03-30');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-15', -12)).toBe('2025-03-15');
  });

  it('recurring due dates follow the month ends', () => {
    expect(nextDueDate('2026-09-30', 'quarterly', '2026-12-01')).toBe('2026-12-31');
    expect(nextDueDate('2026-01-31', 'monthly', '2026-02-10')).toBe('2026-02-28');
    expect(nextDueDate('2026-01-31', 'monthly', '2026-03-01')).toBe('2026-03-31');
  });

  it('move by days across months, years and daylight-saving changes', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(endOfCalendarPeriod('2026-11-05', 3)).toBe('2026-12-31');
    expect(endOfCalendarPeriod('2026-11-05', 12)).toBe('2026-12-31');
  });

  it('"today" is the date in Kyiv, not in UTC', () => {
    // 23:30 UTC on 1 December is 01:30 on 2 December in Kyiv (UTC+2 in winter, +3 in summer).
    expect(dateIn('2026-12-01T23:30:00Z')).toBe('2026-12-02');
    expect(dateIn('2026-06-30T21:30:00Z')).toBe('2026-07-01');
    expect(dateIn('2026-06-30T20:30:00Z')).toBe('2026-06-30');
    expect(dateIn('2026-12-01T23:30:00Z', 'Europe/Berlin')).toBe('2026-12-02');
    expect(dateIn('2026-12-01T22:30:00Z', 'Europe/Berlin')).toBe('2026-12-01');
    expect(today({ now: () => new Date('2026-12-31T22:15:00Z') })).toBe('2027-01-01');
  });
});
