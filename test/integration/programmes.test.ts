import { describe, expect, it } from 'vitest';
import { demoOrganisations } from '../../infra/local/seed.js';
import { call, demoUser, uniqueKey } from '../support/api.js';
import { caseProgrammeContent } from '../../infra/local/cases.js';
import { createCaseMemorandum, createOtherMemorandum } from '../support/memoranda.js';
import { activist, createProgramme, programmeContent, type ProgrammeBody } from '../support/programmes.js';

const coordinator = demoUser('coordinator');
const funder = demoUser('funder');
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
interface Problem { code: string; errors?: { path: string }[] }

describe('programmes', () => {
  it('refuses an Idempotency-Key used before on another programme, and writes nothing (422 idempotency-key-reused)', async () => {
    const [first, second] = [await createProgramme(), await createProgramme()];
    const key = { 'idempotency-key': uniqueKey() };
    const body = activist({ name: 'Ключ для однієї програми' });
    const created = await call<{ id: string }>('POST', `/api/programmes/${first.id}/network`, { as: coordinator, body, headers: key });
    expect(created.status).toBe(201);
    const elsewhere = await call<Problem & { type: string }>('POST', `/api/programmes/${second.id}/network`, { as: coordinator, body, headers: key });
    expect([elsewhere.status, elsewhere.body.code, elsewhere.body.type]).toEqual([422, 'idempotency_key_reused', 'https://pakt.app/problems/idempotency-key-reused']);
    const network = await call<{ items: unknown[] }>('GET', `/api/programmes/${second.id}/network`, { as: coordinator });
    expect(network.body.items).toEqual([]);
    const retry = await call<{ id: string }>('POST', `/api/programmes/${first.id}/network`, { as: coordinator, body, headers: key });
    expect([retry.body.id, retry.headers.get('idempotent-replayed')]).toEqual([created.body.id, 'true']);
  });

  it('the coordinator creates the source programme; its implementers run it, its funder reads it, nobody else sees it', async () => {
    const created = await call<ProgrammeBody & { calendarToken?: string }>('POST', '/api/programmes', { as: coordinator, body: { content: programmeContent() }, headers: { 'idempotency-key': uniqueKey() } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: 'implementer', version: 1, content: { period: { start: '2026-01-01', end: '2027-06-30' }, budget: { currency: 'EUR', amount: 180000 } } });
    expect(created.body.calendarToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const path = `/api/programmes/${created.body.id}`;

    const asFunder = await call<ProgrammeBody & { organisations: Record<string, { en: string }> }>('GET', path, { as: funder });
    expect(asFunder.body.role).toBe('funder');
    expect(asFunder.body).not.toHaveProperty('calendarToken');
    expect(asFunder.body.organisations[demoOrganisations.resourceCenter]?.en).toBe('Crimean Tatar Resource Center');
    const fundersList = await call<{ items: { id: string; role: string }[] }>('GET', '/api/programmes?limit=100', { as: funder });
    expect(fundersList.body.items.find((item) => item.id === created.body.id)).toMatchObject({ role: 'funder', health: { held: 0, planned: 0 } });
    expect((await call<ProgrammeBody>('GET', path, { as: 'resource.center@pakt.local' })).body.role).toBe('implementer');
    expect((await call('PUT', path, { as: funder, body: { content: programmeContent() }, headers: ifMatch(1) })).status).toBe(403);
  });

  it('refuses text with characters XML cannot carry (they would break the IATI export), naming the field, and writes nothing', async () => {
    const programme = await createProgramme();
    const bad = await call<Problem>('POST', `/api/programmes/${programme.id}/network`, { as: coordinator, body: activist({ name: 'Олена\u0007Коваль', city: 'Ки\u000bїв' }) });
    expect([bad.status, bad.body.errors?.map((error) => error.path).sort()]).toEqual([400, ['body.city', 'body.name']]);
    expect((await call<{ items: unknown[] }>('GET', `/api/programmes/${programme.id}/network`, { as: coordinator })).body.items).toEqual([]);
  });

  it('names every rule a programme breaks and writes nothing', async () => {
    const content = programmeContent();
    const [outcome] = content.outcomes;
    const [output] = outcome?.outputs ?? [];
    if (!outcome || !output) throw new Error('the case programme has an outcome with an output');
    const other = await createOtherMemorandum();
    const bad = {
      ...content,
      period: { start: '2027-06-30', end: '2026-01-01' },
      implementingOrgIds: [demoOrganisations.resourceCenter],
      funderOrgIds: [demoOrganisations.resourceCenter, '01J00000000000000000000990'],
      memorandumIds: [other.id],
      budget: { currency: 'euro', amount: 100, lines: [] },
    };
    bad.outcomes = [{ ...outcome, outputs: [{ ...output, indicators: outcome.indicators.map((indicator) => ({ ...indicator, baseline: -1 })) }] }];
    const refused = await call<Problem>('POST', '/api/programmes', { as: coordinator, body: { content: bad } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((error) => error.path).sort()).toEqual(['body.content.budget.currency', 'body.content.outcomes.0.outputs.0.indicators.0.baseline', 'body.content.period.end']);

    const rules = await call<Problem>('POST', '/api/programmes', { as: coordinator, body: { content: { ...bad, period: content.period, budget: content.budget, outcomes: [{ ...outcome, outputs: [{ ...output, indicators: outcome.indicators }] }] } } });
    expect(rules.status).toBe(400);
    expect(rules.body.errors?.map((error) => error.path).sort()).toEqual([
      'body.content.funderOrgIds.0', 'body.content.funderOrgIds.1', 'body.content.implementingOrgIds', 'body.content.memorandumIds.0', 'body.content.outcomes.0.outputs.0.indicators.0.id',
    ]);
    const mine = await call<{ items: { title: { en?: string } }[] }>('GET', '/api/programmes?limit=100', { as: 'resource.center@pakt.local' });
    expect(mine.status).toBe(200);
  });

  it('answers the same for a real and a made-up obligation of a memorandum the caller is no party to (no oracle)', async () => {
    const memorandum = await createCaseMemorandum();
    const withSource = (obligationId: string) => {
      const content = caseProgrammeContent({ implementingOrgIds: [demoOrganisations.resourceCenter], funderOrgIds: [demoOrganisations.funder], memorandumIds: [memorandum.id] });
      const [outcome] = content.outcomes;
      if (outcome?.indicators[0]) outcome.indicators[0].source = { memorandumId: memorandum.id, obligationId, indicatorId: 'events' };
      return call<Problem>('POST', '/api/programmes', { as: 'resource.center@pakt.local', body: { content } });
    };
    const [real, madeUp] = [await withSource('c2'), await withSource('made-up')];
    expect(real.status).toBe(400);
    expect(madeUp.body).toEqual(real.body);
    expect(real.body.errors?.map((error) => error.path)).toEqual(['body.content.outcomes.0.indicators.0.source.memorandumId', 'body.content.memorandumIds.0']);
  });

  it('reads a programme\'s records with the caller\'s relationship in the same Query: each implementer sees them, its funder is refused, an implementer removed sees nothing', async () => {
    const programme = await createProgramme();
    const base = `/api/programmes/${programme.id}`;
    const centre = 'resource.center@pakt.local';
    await call('POST', `${base}/network`, { as: coordinator, body: activist({ name: 'Учасниця мережі' }) });
    await call('PUT', `${base}/spending/2026-03/training`, { as: coordinator, headers: ifMatch(0), body: { amount: 100 } });
    const lists = ['network', 'spending', 'actuals'] as const;
    const seenBy = async (as: typeof coordinator | string) => Promise.all(lists.map(async (records) => {
      const { status, body } = await call<{ items: unknown[] }>('GET', `${base}/${records}`, { as });
      return { records, status, items: body.items?.length };
    }));
    const expected = [{ records: 'network', status: 200, items: 1 }, { records: 'spending', status: 200, items: 1 }, { records: 'actuals', status: 200, items: 0 }];
    // The two implementers' member items sort on either side of one another: both reads find their own.
    expect(await seenBy(coordinator)).toEqual(expected);
    expect(await seenBy(centre)).toEqual(expected);
    expect((await seenBy(funder)).map(({ status }) => status)).toEqual([403, 403, 403]);

    const withoutCentre = { ...programmeContent(), implementingOrgIds: [demoOrganisations.relativesNgo] };
    expect((await call('PUT', base, { as: coordinator, body: { content: withoutCentre }, headers: ifMatch(programme.version) })).status).toBe(200);
    expect((await seenBy(centre)).map(({ status }) => status)).toEqual([404, 404, 404]);
    expect(await seenBy(coordinator)).toEqual(expected);
  });

  it('changes under If-Match; a funder removed from the programme no longer sees it', async () => {
    const programme = await createProgramme();
    const path = `/api/programmes/${programme.id}`;
    const withoutFunder = { ...programmeContent(), funderOrgIds: [] };
    expect((await call<Problem>('PUT', path, { as: coordinator, body: { content: withoutFunder }, headers: ifMatch(0) })).status).toBe(412);
    const updated = await call<ProgrammeBody>('PUT', path, { as: coordinator, body: { content: withoutFunder }, headers: ifMatch(programme.version) });
    expect(updated.body.version).toBe(2);
    expect((await call('GET', path, { as: funder })).status).toBe(404);
    const list = await call<{ items: { id: string }[] }>('GET', '/api/programmes?limit=100', { as: funder });
    expect(list.body.items.some((item) => item.id === programme.id)).toBe(false);
  });
});
