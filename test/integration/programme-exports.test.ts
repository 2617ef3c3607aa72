import { describe, expect, it } from 'vitest';
import { call, demoUser, download, stack, throughEdge, tokenOf } from '../support/api.js';
import { createActiveMemorandum } from '../support/memoranda.js';
import { validateIati } from '../support/iati.js';
import { pdfText } from '../support/pdf.js';
import { createProgramme, programmeContent, seminar } from '../support/programmes.js';

const coordinator = demoUser('coordinator');
const funder = demoUser('funder');

const programmeWithRecords = async (memorandumIds?: string[]) => {
  const programme = await createProgramme(programmeContent(memorandumIds ? { memorandumIds } : {}));
  const base = `/api/programmes/${programme.id}`;
  const held = await call<{ id: string }>('POST', `${base}/activities`, { as: coordinator, body: seminar({ status: 'held', attended: { total: 3 }, title: { uk: '=HYPERLINK("x")', en: 'Seminar, "quoted"' } }) });
  await call('POST', `${base}/activities`, { as: coordinator, body: seminar({ date: '2026-04-20', status: 'held', attended: { total: 40 } }) });
  await call('POST', `${base}/activities`, { as: coordinator, body: seminar({ date: '2026-05-14', status: 'held', attended: { total: 35 } }) });
  for (const [tallyId, people, families] of [['2026-03_legal_in_person', 14, 9], ['2026-03_psychological_online', 3, 2], ['2026-04_legal_in_person', 11, 8], ['2026-04_psychological_online', 9, 6]] as const) {
    await call('PUT', `${base}/tallies/${tallyId}`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { people, families } });
  }
  await call('PUT', `${base}/indicators/trained/actuals/2026-Q1`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { value: 24 } });
  return { programme, base, heldId: held.body.id };
};

describe('programme exports', () => {
  it('CSV files are UTF-8 with a BOM, attachments, formula-safe; funders get the dashboard\'s hidden counts, coordinators exact ones', async () => {
    const { base } = await programmeWithRecords();
    const indicators = await download(`${base}/exports/indicators.csv`, funder);
    expect(indicators.status).toBe(200);
    expect(indicators.type).toContain('text/csv');
    expect(indicators.disposition).toMatch(/^attachment; filename="programme-[0-9A-Z]{26}-indicators.csv"; filename\*=UTF-8''programme-[0-9A-Z]{26}-indicators.csv$/);
    expect(indicators.text.startsWith('\uFEFFРезультат / Result,')).toBe(true);
    expect(indicators.text).toContain(',trained,Навчені активісти,Activists trained,осіб,0,200,quarterly,2026-Q1,24,команда програми / programme team\r\n');

    const exact = await download(`${base}/exports/assistance.csv`, coordinator);
    expect(exact.text).toContain('2026-03,psychological,online,3,2\r\n');
    const protectedCsv = await download(`${base}/exports/assistance.csv`, funder);
    expect(protectedCsv.text).toContain('2026-Q1,psychological,<5,<5\r\n');
    expect(protectedCsv.text).not.toMatch(/,3,2\r\n/);
    expect(protectedCsv.text).toContain('Разом / Total,,37,25\r\n');

    const activities = await download(`${base}/exports/activities.csv`, funder);
    expect(activities.text).toContain(`'=HYPERLINK(""x"")`);
    expect(activities.text).toContain('"Seminar, ""quoted"""');
    expect(activities.text.split('\r\n')[1]?.endsWith(',30,<5')).toBe(true);
    const ownActivities = await download(`${base}/exports/activities.csv`, coordinator);
    expect(ownActivities.text.split('\r\n')[1]?.endsWith(',30,3')).toBe(true);
  });

  it('the IATI activity file served by the API validates against the IATI 2.03 schema', async () => {
    const { base } = await programmeWithRecords();
    const iati = await download(`${base}/exports/iati.xml`, funder);
    expect(iati.type).toContain('application/xml');
    expect(await validateIati(iati.text)).toBe('valid');
    expect(iati.text).toContain('<actual value="24"/>');
  });

  it('the progress report for a period is a PDF with Cyrillic text; the funder\'s hides small counts', async () => {
    const active = await createActiveMemorandum();
    const { base } = await programmeWithRecords([active.id]);
    const response = await fetch(`${stack().apiUrl}${base}/report.pdf?from=2026-01-01&to=2026-06-30`, { headers: { authorization: `Bearer ${tokenOf(funder)}`, ...throughEdge() } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/report-2026-01-01-2026-06-30\.pdf"; filename\*=UTF-8''programme-[0-9A-Z]{26}-report-2026-01-01-2026-06-30\.pdf$/);
    const text = pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain('ЗВІТ ПРО ХІД ВИКОНАННЯ ПРОГРАМИ');
    expect(text).toContain('2026-01-01 — 2026-06-30');
    expect(text).toContain('< 5');
    // The linked memorandum's parties are named, the council too (it neither implements nor funds the programme).
    expect(text).toContain('Молочанська міська рада');
    const bad = await call<{ errors: { path: string }[] }>('GET', `${base}/report.pdf?from=2026-06-30&to=2026-01-01`, { as: funder });
    expect(bad.body.errors.map((error) => error.path)).toEqual(['query.to']);
  });

  it('the calendar feed opens with the secret link only, and lists the activities', async () => {
    const { programme, heldId } = await programmeWithRecords();
    const feed = await download(`/api/calendar/${programme.id}/${programme.calendarToken}`, null);
    expect(feed.status).toBe(200);
    expect(feed.type).toContain('text/calendar');
    expect(feed.text).toContain(`UID:${heldId}@`);
    expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    // Times in the activity's zone (Kyiv unless it says otherwise) reach calendars as UTC; a zone that does not exist is named.
    const base = `/api/programmes/${programme.id}`;
    await call('POST', `${base}/activities`, { as: coordinator, body: seminar({ date: '2026-06-10', startTime: '18:30', endTime: '20:00', title: { uk: 'Брифінг у Києві' } }) });
    await call('POST', `${base}/activities`, { as: coordinator, body: seminar({ date: '2026-06-11', startTime: '09:00', timeZone: 'Europe/Berlin', title: { en: 'Briefing in Berlin' } }) });
    const unknownZone = await call<{ errors: { path: string; code: string }[] }>('POST', `${base}/activities`, { as: coordinator, body: seminar({ startTime: '09:00', timeZone: 'Europe/Atlantis' }) });
    expect(unknownZone.body.errors.map(({ path, code }) => [path, code])).toEqual([['body.timeZone', 'time_zone']]);
    const timed = (await download(`/api/calendar/${programme.id}/${programme.calendarToken}`, null)).text;
    expect(timed).toContain('DTSTART:20260610T153000Z\r\nDTEND:20260610T170000Z');
    expect(timed).toContain('DTSTART:20260611T070000Z');
    const wrong = await download(`/api/calendar/${programme.id}/${'x'.repeat(32)}`, null);
    expect(wrong.status).toBe(404);
    expect(wrong.text).not.toContain('VCALENDAR');
  });
});
