import { describe, expect, it } from 'vitest';
import { call, demoUser, uniqueKey } from '../support/api.js';
import { createActiveMemorandum, createCaseMemorandum } from '../support/memoranda.js';

const council = demoUser('council');
const coordinator = demoUser('coordinator');

interface Report {
  id: string;
  status: string;
  version: number;
  entries: { obligationId: string; status: string; percentComplete: number; narrative?: string; indicatorActuals: unknown[] }[];
}
interface Problem {
  code: string;
  errors?: { path: string }[];
}

const period = { start: '2026-01-15', end: '2026-03-31' };
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

describe('progress reports', () => {
  it('the council starts a report listing its five obligations, saves entries and submits it', async () => {
    const active = await createActiveMemorandum();
    const base = `/api/memoranda/${active.id}/reports`;
    const created = await call<Report>('POST', base, { as: council, body: { period }, headers: { 'idempotency-key': uniqueKey() } });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe(`2026-01-15_2026-03-31_${council.orgId}`);
    expect(created.body.entries.map((entry) => entry.obligationId)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);

    const saved = await call<Report>('PUT', `${base}/${created.body.id}`, {
      as: council, headers: ifMatch(1),
      body: { entries: [{ obligationId: 'c2', status: 'in_progress', percentComplete: 40, narrative: 'Проведено дві пресконференції.' }] },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.entries.find((entry) => entry.obligationId === 'c2')).toMatchObject({ status: 'in_progress', percentComplete: 40, narrative: 'Проведено дві пресконференції.' });
    expect(saved.body.entries.find((entry) => entry.obligationId === 'c1')).toMatchObject({ status: 'not_started', percentComplete: 0 });

    const submitted = await call<Report>('POST', `${base}/${created.body.id}/submit`, { as: council, headers: ifMatch(saved.body.version) });
    expect(submitted.body.status).toBe('submitted');
    const late = await call<Problem>('PUT', `${base}/${created.body.id}`, { as: council, headers: ifMatch(submitted.body.version), body: { entries: [] } });
    expect(late.status).toBe(409);
    expect((await call<Report>('GET', `${base}/${created.body.id}`, { as: coordinator })).body.status).toBe('submitted');
  });

  it('allows one report per organisation, memorandum and period', async () => {
    const active = await createActiveMemorandum();
    await call('POST', `/api/memoranda/${active.id}/reports`, { as: council, body: { period } });
    const again = await call<Problem>('POST', `/api/memoranda/${active.id}/reports`, { as: council, body: { period } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_exists');
  });

  it('names every bad entry field and writes nothing', async () => {
    const active = await createActiveMemorandum();
    const created = await call<Report>('POST', `/api/memoranda/${active.id}/reports`, { as: council, body: { period } });
    const path = `/api/memoranda/${active.id}/reports/${created.body.id}`;
    const shape = await call<Problem>('PUT', path, { as: council, headers: ifMatch(1), body: { entries: [{ obligationId: 'c1', status: 'finished', percentComplete: 140, indicatorActuals: [{ indicatorId: 'i1', value: -2 }] }] } });
    expect(shape.body.errors?.map((error) => error.path).sort()).toEqual(['body.entries.0.indicatorActuals.0.value', 'body.entries.0.percentComplete', 'body.entries.0.status']);
    const ownership = await call<Problem>('PUT', path, { as: council, headers: ifMatch(1), body: { entries: [{ obligationId: 'n1', status: 'done', percentComplete: 100 }, { obligationId: 'c1', status: 'done', percentComplete: 100, indicatorActuals: [{ indicatorId: 'nope', value: 1 }] }] } });
    expect(ownership.body.errors?.map((error) => error.path)).toEqual(['body.entries.0.obligationId', 'body.entries.1.indicatorActuals.0.indicatorId']);
    expect((await call<Report>('GET', path, { as: council })).body.version).toBe(1);
  });

  it('are made only on memoranda in force, within their term, and stay within the two organisations', async () => {
    const draft = await createCaseMemorandum();
    expect((await call<Problem>('POST', `/api/memoranda/${draft.id}/reports`, { as: council, body: { period } })).status).toBe(409);
    const active = await createActiveMemorandum();
    const early = await call<Problem>('POST', `/api/memoranda/${active.id}/reports`, { as: council, body: { period: { start: '2025-12-01', end: '2025-12-31' } } });
    expect(early.body.errors?.map((error) => error.path)).toEqual(['body.period.start']);
    const reversed = await call<Problem>('POST', `/api/memoranda/${active.id}/reports`, { as: council, body: { period: { start: '2026-03-31', end: '2026-01-15' } } });
    expect(reversed.body.errors?.map((error) => error.path)).toEqual(['body.period.end']);
    const created = await call<Report>('POST', `/api/memoranda/${active.id}/reports`, { as: council, body: { period } });
    expect((await call('GET', `/api/memoranda/${active.id}/reports/${created.body.id}`, { as: 'resource.center@pakt.local' })).status).toBe(404);
  });
});
