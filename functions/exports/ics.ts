import { addDays, defaultTimeZone, instantOf } from '../core/calendar.js';

/**
 * An iCalendar feed (RFC 5545) of a programme's activities (pure): text
 * escaped (backslash, semicolon, comma, line breaks), lines folded at 75 octets
 * without splitting a UTF-8 character, CRLF line ends. Activities without a time
 * are all-day events; timed ones are written in UTC, converted from the wall-clock
 * time in the activity's zone, so that every calendar shows them at the right hour
 * wherever its reader is (a 18:30 seminar in Kyiv is 17:30 in Berlin).
 */
export interface CalendarEvent {
  id: string;
  version: number;
  title: string;
  date: string;
  startTime?: string;
  endTime?: string;
  /** The zone of `startTime` and `endTime`; Europe/Kyiv when absent. */
  timeZone?: string;
  location?: string;
  url?: string;
  description?: string;
  status: 'planned' | 'held' | 'cancelled';
  updatedAt: string;
}

export const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** Splits a content line into lines of at most 75 octets; continuation lines start with a space. */
export const foldLine = (line: string): string => {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

const compactDate = (date: string) => date.replaceAll('-', '');
const stamp = (iso: string) => `${iso.replace(/[-:]/g, '').slice(0, 15)}Z`;

const utc = (event: CalendarEvent, time: string) => stamp(instantOf(event.date, time, event.timeZone ?? defaultTimeZone).toISOString());

const eventLines = (event: CalendarEvent, host: string): string[] => {
  const start = event.startTime ? `DTSTART:${utc(event, event.startTime)}` : `DTSTART;VALUE=DATE:${compactDate(event.date)}`;
  const end = event.startTime
    ? event.endTime ? [`DTEND:${utc(event, event.endTime)}`] : []
    : [`DTEND;VALUE=DATE:${compactDate(addDays(event.date, 1))}`];
  return [
    'BEGIN:VEVENT',
    `UID:${event.id}@${host}`,
    `DTSTAMP:${stamp(event.updatedAt)}`,
    `LAST-MODIFIED:${stamp(event.updatedAt)}`,
    `SEQUENCE:${event.version}`,
    start,
    ...end,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
};

export const calendarFeed = (calendar: { name: string; host: string; events: CalendarEvent[] }): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Pakt//Programme calendar//UK',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...calendar.events.flatMap((event) => eventLines(event, calendar.host)),
    'END:VCALENDAR',
  ].map(foldLine).join('\r\n') + '\r\n';
