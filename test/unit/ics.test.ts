import { describe, expect, it } from 'vitest';
import { calendarFeed, escapeText, foldLine } from '../../functions/exports/ics.js';

const seminar = { id: '01J00000000000000000000311', version: 2, title: 'Семінар: права людини, Крим; мережа', date: '2026-03-12', startTime: '10:00', endTime: '16:00', location: 'Tallinn, EE', status: 'held' as const, updatedAt: '2026-03-13T08:30:00.000Z' };

describe('iCalendar feed', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });

  it('folds long lines at 75 octets without splitting a Cyrillic character', () => {
    const line = `SUMMARY:${'Семінар '.repeat(12)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [index, part] of parts.entries()) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(index === 0 ? 75 : 75);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('writes timed, all-day and cancelled events with CRLF line ends', () => {
    const feed = calendarFeed({
      name: 'Правова солідарність',
      host: 'pakt.example.org',
      events: [seminar, { ...seminar, id: 'B', title: 'Press day', startTime: undefined, endTime: undefined, status: 'cancelled', version: 1 }],
    });
    expect(feed.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(feed.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(feed).toContain('DTSTART:20260312T100000\r\nDTEND:20260312T160000');
    expect(feed).toContain('SUMMARY:Семінар: права людини\\, Крим\\; мережа');
    expect(feed).toContain('UID:01J00000000000000000000311@pakt.example.org');
    expect(feed).toContain('DTSTAMP:20260313T083000Z');
    expect(feed).toContain('DTSTART;VALUE=DATE:20260312\r\nDTEND;VALUE=DATE:20260313');
    expect(feed).toContain('STATUS:CANCELLED');
  });
});
