import ICAL from 'ical.js';
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
    // 10:00–16:00 in Kyiv (UTC+2 in March).
    expect(feed).toContain('DTSTART:20260312T080000Z\r\nDTEND:20260312T140000Z');
    expect(feed).toContain('SUMMARY:Семінар: права людини\\, Крим\\; мережа');
    expect(feed).toContain('UID:01J00000000000000000000311@pakt.example.org');
    expect(feed).toContain('DTSTAMP:20260313T083000Z');
    expect(feed).toContain('DTSTART;VALUE=DATE:20260312\r\nDTEND;VALUE=DATE:20260313');
    expect(feed).toContain('STATUS:CANCELLED');
  });
});

describe('iCalendar feed read by a calendar (ical.js)', () => {
  const feed = calendarFeed({
    name: 'Правова солідарність',
    host: 'pakt.example.org',
    events: [
      { ...seminar, id: 'kyiv', title: 'Пресконференція', date: '2026-12-10', startTime: '18:30', endTime: '20:00' },
      { ...seminar, id: 'summer', title: 'Літня школа', date: '2026-07-10', startTime: '18:30', endTime: undefined },
      { ...seminar, id: 'berlin', title: 'Briefing in Berlin', date: '2026-12-11', startTime: '09:00', endTime: '10:00', timeZone: 'Europe/Berlin' },
      { ...seminar, id: 'all-day', title: 'День пам’яті', date: '2026-12-12', startTime: undefined, endTime: undefined },
    ],
  });
  const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  const byId = (id: string) => {
    const event = events.find((candidate) => candidate.uid === `${id}@pakt.example.org`);
    if (!event) throw new Error(`No event ${id}`);
    return event;
  };
  const wallClock = (instant: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(instant);

  it('parses, with every event', () => {
    expect(events.map((event) => event.summary)).toEqual(['Пресконференція', 'Літня школа', 'Briefing in Berlin', 'День пам’яті']);
  });

  it('puts an 18:30 Kyiv event at 17:30 in Berlin, in winter and in summer', () => {
    const winter = byId('kyiv');
    expect(wallClock(winter.startDate.toJSDate(), 'Europe/Kyiv')).toBe('10/12/2026, 18:30');
    expect(wallClock(winter.startDate.toJSDate(), 'Europe/Berlin')).toBe('10/12/2026, 17:30');
    expect(wallClock(winter.endDate.toJSDate(), 'Europe/Berlin')).toBe('10/12/2026, 19:00');
    expect(wallClock(byId('summer').startDate.toJSDate(), 'Europe/Berlin')).toBe('10/07/2026, 17:30');
  });

  it('keeps an event organised in another zone at its own hour there', () => {
    const briefing = byId('berlin').startDate.toJSDate();
    expect(wallClock(briefing, 'Europe/Berlin')).toBe('11/12/2026, 09:00');
    expect(wallClock(briefing, 'Europe/Kyiv')).toBe('11/12/2026, 10:00');
  });

  it('keeps an all-day event a whole day, in no zone', () => {
    const day = byId('all-day');
    expect(day.startDate.isDate).toBe(true);
    expect(day.startDate.toString()).toBe('2026-12-12');
  });
});
