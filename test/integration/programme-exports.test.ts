import { describe, expect, it } from 'vitest';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { call, demoUser, download, stack, table } from '../support/api.js';
import { indicatorActual } from '../../functions/programmes/entities.js';
import { createActiveMemorandum } from '../support/memoranda.js';
import { validateIati } from '../support/iati.js';
import { pdfText } from '../support/pdf.js';
import { createProgramme, exported, programmeContent, seminar } from '../support/programmes.js';

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
    const indicators = await exported(base, 'indicators.csv', funder);
    expect(indicators.status).toBe(200);
    expect(indicators.type).toContain('text/csv');
    expect(indicators.disposition).toMatch(/^attachment; filename="programme-[0-9A-Z]{26}-indicators.csv"; filename\*=UTF-8''programme-[0-9A-Z]{26}-indicators.csv$/);
    expect(indicators.text.startsWith('\uFEFFРезультат / Result,')).toBe(true);
    expect(indicators.text).toContain(',trained,Навчені активісти,Activists trained,осіб,0,200,quarterly,2026-Q1,24,команда програми / programme team\r\n');

    const exact = await exported(base, 'assistance.csv', coordinator);
    expect(exact.text).toContain('2026-03,psychological,online,3,2\r\n');
    const protectedCsv = await exported(base, 'assistance.csv', funder);
    expect(protectedCsv.text).toContain('2026-Q1,psychological,<5,<5\r\n');
    expect(protectedCsv.text).not.toMatch(/,3,2\r\n/);
    expect(protectedCsv.text).toContain('Разом / Total,,37,25\r\n');

    const activities = await exported(base, 'activities.csv', funder);
    expect(activities.text).toContain(`'=HYPERLINK(""x"")`);
    expect(activities.text).toContain('"Seminar, ""quoted"""');
    expect(activities.text.split('\r\n')[1]?.endsWith(',30,<5')).toBe(true);
    const ownActivities = await exported(base, 'activities.csv', coordinator);
    expect(ownActivities.text.split('\r\n')[1]?.endsWith(',30,3')).toBe(true);
  });

  it('the IATI activity file served by the API validates against the IATI 2.03 schema', async () => {
    const { base } = await programmeWithRecords();
    const iati = await exported(base, 'iati.xml', funder);
    expect(iati.type).toContain('application/xml');
    expect(await validateIati(iati.text)).toBe('valid');
    expect(iati.text).toContain('<actual value="24"/>');
  });

  it('the progress report for a period is a PDF with Cyrillic text; the funder\'s hides small counts', async () => {
    const active = await createActiveMemorandum();
    const { base } = await programmeWithRecords([active.id]);
    const report = await exported(base, 'report.pdf', funder, { from: '2026-01-01', to: '2026-06-30' });
    expect(report.status).toBe(200);
    expect(report.type).toBe('application/pdf');
    expect(report.disposition).toMatch(/report-2026-01-01-2026-06-30\.pdf"; filename\*=UTF-8''programme-[0-9A-Z]{26}-report-2026-01-01-2026-06-30\.pdf$/);
    // The job showed its progress from the work done, ending at 100.
    expect(report.seen.at(-1)).toBe(100);
    expect(report.seen).toEqual([...report.seen].sort((a, b) => a - b));
    const text = pdfText(report.bytes);
    expect(text).toContain('ЗВІТ ПРО ХІД ВИКОНАННЯ ПРОГРАМИ');
    expect(text).toContain('2026-01-01 — 2026-06-30');
    expect(text).toContain('< 5');
    // The linked memorandum's parties are named, the council too (it neither implements nor funds the programme).
    expect(text).toContain('Молочанська міська рада');
    const bad = await call<{ errors: { path: string }[] }>('POST', `${base}/exports`, { as: funder, body: { kind: 'report.pdf', from: '2026-06-30', to: '2026-01-01' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.path)).toEqual(['body.to']);
    const periodOnCsv = await call<{ errors: { path: string }[] }>('POST', `${base}/exports`, { as: funder, body: { kind: 'indicators.csv', from: '2026-01-01' } });
    expect(periodOnCsv.body.errors.map((error) => error.path)).toEqual(['body.from']);
  });

  it('an export job is reused while the data is unchanged, made anew once it changes, and each audience sees only its own', async () => {
    const { base } = await programmeWithRecords();
    const first = await exported(base, 'indicators.csv', coordinator);
    const again = await call<{ id: string; status: string }>('POST', `${base}/exports`, { as: coordinator, body: { kind: 'indicators.csv' } });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id: first.job.id, status: 'done' });
    // A funder asking the same is another job (small counts hidden), and cannot open the coordinator's.
    const funders = await call<{ id: string }>('POST', `${base}/exports`, { as: funder, body: { kind: 'indicators.csv' } });
    expect(funders.body.id).not.toBe(first.job.id);
    expect((await call('GET', first.location, { as: funder })).status).toBe(404);
    // A new figure: a new job, and the file says it.
    await call('PUT', `${base}/indicators/trained/actuals/2026-Q2`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { value: 31 } });
    const changed = await exported(base, 'indicators.csv', coordinator);
    expect(changed.job.id).not.toBe(first.job.id);
    expect(changed.text).toContain(',2026-Q2,31,');
    expect(first.text).not.toContain(',2026-Q2,31,');
    // Another programme's job id is no job at all.
    expect((await call('GET', `${base}/exports/jobs/${'0'.repeat(32)}`, { as: coordinator })).status).toBe(404);
  });

  it('a job that fails every attempt is marked failed for its asker and dead-lettered; asking again once mended makes it', async () => {
    const { programme, base } = await programmeWithRecords();
    // A stored actual that its schema refuses (written past the API): every render attempt fails on it, loudly.
    const malformed = { ...indicatorActual.item({ programmeId: programme.id, indicatorId: 'trained', period: '2026-Q3', value: 5, version: 1, updatedAt: '2026-07-01T00:00:00.000Z' }), value: 'five' };
    const { client, table: name } = table();
    await client.send(new PutCommand({ TableName: name, Item: malformed }));
    const asked = await call<{ id: string }>('POST', `${base}/exports`, { as: coordinator, body: { kind: 'indicators.csv' } });
    const location = asked.headers.get('location') ?? '';
    let job: { status: string; problem?: string } = { status: 'queued' };
    for (let poll = 0; job.status !== 'failed' && poll < 200; poll += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await call<{ status: string; problem?: string }>('GET', location, { as: coordinator })).body;
    }
    expect(job).toMatchObject({ status: 'failed', problem: expect.stringContaining('could not be made') });
    // On the dead-letter queue, as an operator receives it.
    table();
    const deadLettered = async () => {
      const { Messages = [] } = await new SQSClient({ endpoint: new URL(stack().renderDeadLetterUrl).origin }).send(new ReceiveMessageCommand({ QueueUrl: stack().renderDeadLetterUrl, MaxNumberOfMessages: 10 }));
      return Messages.some((message) => message.Body?.includes(asked.body.id));
    };
    // The job is marked failed in the last attempt, just before the queue gives the message up.
    await expect.poll(deadLettered, { timeout: 5000, interval: 100 }).toBe(true);
    // Mended (the bad item gone), the same request sends the same job off again, and it is made.
    await client.send(new DeleteCommand({ TableName: name, Key: indicatorActual.key(programme.id, 'trained', '2026-Q3') }));
    const mended = await exported(base, 'indicators.csv', coordinator);
    expect(mended.job.id).toBe(asked.body.id);
    expect(mended.text).toContain(',2026-Q1,24,');
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
