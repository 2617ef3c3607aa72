import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { demoOrganisations } from '../../infra/local/seed.js';
import { call, demoUser, download, uniqueKey } from '../support/api.js';
import { pressConference } from '../support/events.js';
import { caseContent, createActiveMemorandum, samplePdf } from '../support/memoranda.js';
import { createProgramme, programmeContent, seminar, uploadMaterial } from '../support/programmes.js';

/**
 * Events by every party of a memorandum, on the local stack: the council records a
 * press conference it organises with the NGO under its obligation; both parties see
 * it on the memorandum's calendar, and the programme that links the memorandum shows
 * it on its calendar, in its iCalendar feed and (as counts) on the funder's dashboard.
 */
const coordinator = demoUser('coordinator');
const council = demoUser('council');
const funder = demoUser('funder');

interface Event { id: string; version: number; organiserOrgId: string; coOrganiserOrgIds?: string[]; obligationIds?: string[]; title: { uk?: string }; status: string }
interface Problem { code: string; errors?: { path: string }[] }

const eventsOf = async (memorandumId: string, as: typeof coordinator) => (await call<{ items: Event[] }>('GET', `/api/memoranda/${memorandumId}/events`, { as })).body.items;

describe('events by every party', () => {
  it('a council-organised press conference co-organised with the NGO appears on both parties\' calendar and the linked programme\'s', async () => {
    const active = await createActiveMemorandum();
    const programme = await createProgramme(programmeContent({ memorandumIds: [active.id] }));

    const recorded = await call<Event>('POST', `/api/memoranda/${active.id}/events`, { as: council, body: pressConference() });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ organiserOrgId: demoOrganisations.molochanskCouncil, coOrganiserOrgIds: [demoOrganisations.relativesNgo], obligationIds: ['c2'], version: 1 });
    expect(recorded.headers.get('location')).toBe(`/api/memoranda/${active.id}/events/${recorded.body.id}`);

    // Both parties see it on the memorandum's calendar.
    for (const as of [council, coordinator]) expect((await eventsOf(active.id, as)).map((event) => event.id)).toEqual([recorded.body.id]);
    // Outside the parties nobody learns of it.
    expect((await call('GET', `/api/memoranda/${active.id}/events`, { as: 'resource.center@pakt.local' })).status).toBe(404);

    // The programme's calendar shows it beside the programme's own activities.
    const calendar = await call<{ items: unknown[]; partnerEvents: Event[] }>('GET', `/api/programmes/${programme.id}/activities`, { as: coordinator });
    expect(calendar.body.partnerEvents.map((event) => event.id)).toEqual([recorded.body.id]);
    // And so does its iCalendar feed, read with a real parser.
    const feed = await download(`/api/calendar/${programme.id}/${programme.calendarToken ?? ''}`, null);
    const summaries = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent').map((event) => String(event.getFirstPropertyValue('summary')));
    expect(summaries).toContain('Пресконференція про незаконно позбавлених волі мешканців громади');

    // Held, with three people counted: the implementer sees the count, the funder sees it hidden (fewer than five).
    // Sent from the outbox with its Idempotency-Key: a retry after a lost answer replays it, the count stays one change.
    const attendance = { as: council, headers: { 'if-match': '"1"', 'idempotency-key': uniqueKey() }, body: pressConference({ status: 'held', attended: { total: 3, byGender: { female: 2, male: 1 } } }) };
    const held = await call<Event>('PUT', `/api/memoranda/${active.id}/events/${recorded.body.id}`, attendance);
    expect(held.status).toBe(200);
    const retried = await call<Event>('PUT', `/api/memoranda/${active.id}/events/${recorded.body.id}`, attendance);
    expect([retried.status, retried.body.version]).toEqual([200, held.body.version]);
    const forImplementer = await call<{ partnerEvents: { total: { held: number }; attended: unknown } }>('GET', `/api/programmes/${programme.id}/dashboard`, { as: coordinator });
    expect(forImplementer.body.partnerEvents).toMatchObject({ total: { held: 1 }, attended: { value: 3 } });
    const forFunder = await call<{ partnerEvents: { total: { held: number }; byType: { type: string; held: number }[]; attended: unknown } }>('GET', `/api/programmes/${programme.id}/dashboard`, { as: funder });
    expect(forFunder.body.partnerEvents).toMatchObject({ total: { held: 1 }, byType: [{ type: 'press_conference', held: 1 }], attended: { hidden: 'fewer_than_threshold' } });
    expect(JSON.stringify(forFunder.body)).not.toContain('Пресцентр');
  });

  it('a programme activity co-organised with a party of its linked memorandum shows both organisers', async () => {
    const active = await createActiveMemorandum();
    const programme = await createProgramme(programmeContent({ memorandumIds: [active.id] }));
    const together = await call<{ coOrganiserOrgIds?: string[] }>('POST', `/api/programmes/${programme.id}/activities`, { as: coordinator, body: seminar({ coOrganiserOrgIds: [demoOrganisations.molochanskCouncil] }) });
    expect([together.status, together.body.coOrganiserOrgIds]).toEqual([201, [demoOrganisations.molochanskCouncil]]);
    const stranger = await call<Problem>('POST', `/api/programmes/${programme.id}/activities`, { as: coordinator, body: seminar({ coOrganiserOrgIds: [demoOrganisations.rightsInstitute, demoOrganisations.relativesNgo] }) });
    expect([stranger.status, stranger.body.errors?.map((error) => error.path)]).toEqual([400, ['body.coOrganiserOrgIds.0', 'body.coOrganiserOrgIds.1']]);
  });

  it('names every bad field and writes nothing; only the organiser changes its event', async () => {
    const active = await createActiveMemorandum();
    const bad = await call<Problem>('POST', `/api/memoranda/${active.id}/events`, {
      as: council, body: pressConference({ date: '2025-12-01', coOrganiserOrgIds: [demoOrganisations.rightsInstitute, demoOrganisations.molochanskCouncil], obligationIds: ['n1', 'zz'] }),
    });
    expect([bad.status, bad.body.errors?.map((error) => error.path)]).toEqual([400, ['body.coOrganiserOrgIds.0', 'body.coOrganiserOrgIds.1', 'body.obligationIds.0', 'body.obligationIds.1', 'body.date']]);
    const shapeless = await call<Problem>('POST', `/api/memoranda/${active.id}/events`, { as: council, body: pressConference({ status: 'planned', attended: { total: 10 }, endTime: '10:00' }) });
    expect([shapeless.status, shapeless.body.errors?.map((error) => error.path).sort()]).toEqual([400, ['body.attended', 'body.endTime']]);
    expect(await eventsOf(active.id, council)).toEqual([]);

    const recorded = await call<Event>('POST', `/api/memoranda/${active.id}/events`, { as: council, body: pressConference() });
    const byPartner = await call<Problem>('PUT', `/api/memoranda/${active.id}/events/${recorded.body.id}`, { as: coordinator, headers: { 'if-match': '"1"' }, body: pressConference({ status: 'cancelled' }) });
    expect([byPartner.status, byPartner.body.code]).toEqual([403, 'forbidden']);
    const stale = await call<Problem>('PUT', `/api/memoranda/${active.id}/events/${recorded.body.id}`, { as: council, headers: { 'if-match': '"7"' }, body: pressConference({ status: 'cancelled' }) });
    expect([stale.status, stale.body.code]).toEqual([412, 'stale_version']);
    // The NGO records its own seminar, co-organised by the council, serving the NGO's obligation n3 (information events).
    const byNgo = await call<Event>('POST', `/api/memoranda/${active.id}/events`, { as: coordinator, body: pressConference({ type: 'seminar', coOrganiserOrgIds: [demoOrganisations.molochanskCouncil], obligationIds: ['n3', 'c2'] }) });
    expect(byNgo.status).toBe(201);
    expect((await eventsOf(active.id, council)).map((event) => event.organiserOrgId).sort()).toEqual([demoOrganisations.relativesNgo, demoOrganisations.molochanskCouncil].sort());
  });

  it('the organiser attaches the press release; every party downloads it, checked', async () => {
    const active = await createActiveMemorandum();
    const recorded = await call<Event>('POST', `/api/memoranda/${active.id}/events`, { as: council, body: pressConference() });
    const base = `/api/memoranda/${active.id}/events/${recorded.body.id}`;
    const attached = await (await uploadMaterial(base, council, { bytes: samplePdf, storedType: 'application/pdf', filename: 'пресреліз.pdf' })).confirm(1);
    expect(attached.status).toBe(201);
    const material = attached.body.materials?.[0];
    expect(material).toMatchObject({ filename: 'пресреліз.pdf', size: samplePdf.byteLength });
    const link = await call<{ url: string }>('GET', `${base}/materials/${material?.id ?? ''}`, { as: coordinator });
    expect(link.status).toBe(200);
    expect(new Uint8Array(await (await fetch(link.body.url)).arrayBuffer())).toEqual(samplePdf);
    // A later change of the event keeps its materials.
    const held = await call<Event & { materials?: unknown[] }>('PUT', base, { as: council, headers: { 'if-match': `"${attached.body.version}"` }, body: pressConference({ status: 'held', attended: { total: 30 } }) });
    expect(held.body.materials).toHaveLength(1);
    const removed = await call<{ materials?: unknown[] }>('DELETE', `${base}/materials/${material?.id ?? ''}`, { as: council, headers: { 'if-match': `"${held.body.version}"` } });
    expect([removed.status, removed.body.materials]).toEqual([200, []]);
  });

  it('a draft memorandum takes no events', async () => {
    const content = caseContent();
    const draft = await call<{ id: string }>('POST', '/api/memoranda', { as: coordinator, body: { content } });
    const refused = await call<Problem>('POST', `/api/memoranda/${draft.body.id}/events`, { as: coordinator, body: pressConference({ coOrganiserOrgIds: [] }) });
    expect([refused.status, refused.body.code]).toEqual([409, 'invalid_transition']);
  });
});
