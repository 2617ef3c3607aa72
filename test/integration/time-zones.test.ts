import { describe, expect, it } from 'vitest';
import { addDays, dateIn } from '../../functions/core/calendar.js';
import { activateDueMemoranda } from '../../functions/jobs/daily.js';
import { memorandumRepository } from '../../functions/memoranda/repository.js';
import { call, demoUser, table } from '../support/api.js';
import { caseContent, createActiveMemorandum } from '../support/memoranda.js';

/**
 * Whose calendar a date is in: an organisation names the zone it works in (its new
 * events default to it), and a memorandum the zone its "today" is counted in — coming
 * into force, due dates and report periods (Europe/Kyiv when it names none).
 */
const admin = demoUser('admin');
const council = demoUser('council');

describe('time zones', () => {
  it('an organisation keeps the zone it works in, and a wrong one is named as such', async () => {
    const created = await call<{ id: string; version: number; timeZone?: string }>('POST', '/api/organisations', { as: admin, body: { name: { uk: 'Естонська ініціатива', en: 'Estonian initiative' }, type: 'other', timeZone: 'Europe/Tallinn' } });
    expect([created.status, created.body.timeZone]).toEqual([201, 'Europe/Tallinn']);
    const moved = await call<{ timeZone?: string }>('PATCH', `/api/organisations/${created.body.id}`, { as: admin, body: { timeZone: 'Europe/Berlin' }, headers: { 'if-match': `"${created.body.version}"` } });
    expect(moved.body.timeZone).toBe('Europe/Berlin');
    const wrong = await call<{ errors?: { path: string }[] }>('POST', '/api/organisations', { as: admin, body: { name: { uk: 'Десь', en: 'Somewhere' }, type: 'other', timeZone: 'Europe/Atlantis' } });
    expect([wrong.status, wrong.body.errors?.map((error) => error.path)]).toEqual([400, ['body.timeZone']]);
  });

  it('a memorandum in Kiritimati\'s zone whose term starts today there is in force from its last signature, and its obligations keep its zone', async () => {
    const zone = 'Pacific/Kiritimati';
    const content = { ...caseContent(), timeZone: zone, term: { start: dateIn(new Date(), zone), end: null } };
    const active = await createActiveMemorandum(content);
    expect(active.status).toBe('active');
    const commitments = await call<{ items: { timeZone?: string }[] }>('GET', `/api/commitments?memorandumId=${active.id}`, { as: council });
    expect(new Set(commitments.body.items.map((item) => item.timeZone))).toEqual(new Set([zone]));
  });

  it('the daily job brings a signed memorandum into force on its start date in its own zone', async () => {
    const zone = 'Pacific/Kiritimati';
    const now = new Date();
    const start = addDays(dateIn(now, zone), 1);
    const signed = await createActiveMemorandum({ ...caseContent(), timeZone: zone, term: { start, end: null } });
    expect(signed.status).toBe('signed');
    const repository = memorandumRepository(table());
    const aDayLater = new Date(now.getTime() + 24 * 3600 * 1000);
    expect((await activateDueMemoranda(repository, dateIn(now), now)).activated).not.toContain(signed.id);
    expect((await activateDueMemoranda(repository, dateIn(aDayLater), aDayLater)).activated).toContain(signed.id);
  });
});
