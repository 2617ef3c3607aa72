import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { networkMember } from '../../functions/programmes/entities.js';
import { call, demoUser, table, uniqueKey } from '../support/api.js';
import { createActiveMemorandum } from '../support/memoranda.js';
import { activist, createActivity, createProgramme, programmeContent, exported, seminar, storedAndRecounted, type ActivityBody } from '../support/programmes.js';
import { firstQuarter, startCouncilReport } from '../support/reports.js';

const coordinator = demoUser('coordinator');
const funder = demoUser('funder');
type Cell = { value: number } | { hidden: string };
interface Dashboard {
  elapsed: number;
  activities: { total: { planned: number; held: number; cancelled: number }; byType: { type: string; held: number; planned: number }[]; attended: { total: Cell; byGender: Record<string, Cell> } };
  assistance: { total: { people: Cell; families: Cell }; byType: { type: string; people: Cell; families: Cell }[]; grain: string; byPeriod: { period: string; byType: Record<string, { people: Cell }> }[] };
  indicators: { id: string; latest?: number; actuals: { period: string; value: number }[] }[];
  obligations: { orgId: string; total: number; done: number }[];
}

/** The stored figures item and a recount from the programme's records, read straight from DynamoDB Local. */
describe('programme dashboard', () => {
  it('the source programme built through the API: the funder\'s dashboard shows what was recorded, with small counts hidden; figures equal a recount', async () => {
    const active = await createActiveMemorandum();
    const programme = await createProgramme(programmeContent({ memorandumIds: [active.id] }));
    const base = `/api/programmes/${programme.id}`;

    // Seminars and trainings over the 18 months: planned, then most held with attendance, one cancelled.
    const created = [];
    for (let month = 1; month <= 18; month += 3) {
      const date = `${2026 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-15`;
      for (const type of ['seminar', 'training']) {
        const activity = await call<{ id: string; version: number }>('POST', `${base}/activities`, { as: coordinator, body: seminar({ type, date }), headers: { 'idempotency-key': uniqueKey() } });
        expect(activity.status).toBe(201);
        created.push({ ...activity.body, date, type });
      }
    }
    const held = created.slice(0, 8);
    await Promise.all(held.map((activity, index) => call('PUT', `${base}/activities/${activity.id}`, {
      as: coordinator, headers: { 'if-match': `"${activity.version}"` },
      body: seminar({ type: activity.type, date: activity.date, status: 'held', attended: { total: 20 + index, byGender: { female: 12, male: 8 + index } } }),
    })));
    const cancelled = created[8];
    await call('PUT', `${base}/activities/${cancelled?.id}`, { as: coordinator, headers: { 'if-match': '"1"' }, body: seminar({ type: cancelled?.type, date: cancelled?.date, status: 'cancelled' }) });

    // Assistance to families: legal and psychological help per month; March's psychological help reached 3 people.
    const tallies: [string, number, number][] = [['2026-03_legal_in_person', 14, 9], ['2026-03_psychological_online', 3, 2], ['2026-04_legal_in_person', 11, 8], ['2026-04_psychological_online', 9, 6], ['2026-04_humanitarian_outreach', 40, 25]];
    await Promise.all(tallies.map(([tallyId, people, families]) => call('PUT', `${base}/tallies/${tallyId}`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { people, families } })));
    // Indicators reported quarterly.
    await call('PUT', `${base}/indicators/trained/actuals/2026-Q1`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { value: 24 } });
    await call('PUT', `${base}/indicators/trained/actuals/2026-Q2`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { value: 51 } });
    await call('PUT', `${base}/indicators/countries/actuals/2026-Q2`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { value: 3 } });

    const forFunder = await call<Dashboard>('GET', `${base}/dashboard`, { as: funder });
    expect(forFunder.status).toBe(200);
    const dashboard = forFunder.body;
    expect(dashboard.activities.total).toEqual({ planned: 3, held: 8, cancelled: 1 });
    expect(dashboard.activities.byType.find((row) => row.type === 'seminar')).toMatchObject({ held: 4 });
    expect(dashboard.activities.attended.total).toEqual({ value: 8 * 20 + 28 });
    expect(dashboard.assistance.total.people).toEqual({ value: 77 });
    // Funders see quarters: the first quarter's psychological help (3 people, all in March) is hidden.
    expect(dashboard.assistance.grain).toBe('quarterly');
    const q1 = dashboard.assistance.byPeriod.find((row) => row.period === '2026-Q1');
    expect(q1?.byType.psychological?.people).toEqual({ hidden: 'fewer_than_threshold' });
    // Not derivable: the other psychological quarter and the other first-quarter cell are hidden with it.
    expect(q1?.byType.legal?.people).toEqual({ hidden: 'protects_a_small_count' });
    expect(dashboard.assistance.byPeriod.find((row) => row.period === '2026-Q2')?.byType.humanitarian?.people).toEqual({ value: 40 });
    expect(dashboard.indicators.find((indicator) => indicator.id === 'trained')).toMatchObject({ latest: 51, actuals: [{ period: '2026-Q1', value: 24 }, { period: '2026-Q2', value: 51 }] });
    expect(dashboard.obligations.map((party) => party.total).sort()).toEqual([4, 5]);
    expect(JSON.stringify(dashboard)).not.toContain('"value":3,');

    const forCoordinator = await call<Dashboard>('GET', `${base}/dashboard`, { as: coordinator });
    expect(forCoordinator.body.assistance.grain).toBe('monthly');
    expect(forCoordinator.body.assistance.byPeriod.find((row) => row.period === '2026-03')?.byType.psychological?.people).toEqual({ value: 3 });

    const figures = await storedAndRecounted(programme.id);
    expect(figures.stored).toEqual(figures.recounted);
  });

  it('many interleaved writes to the same records still leave figures equal to a recount', async () => {
    const programme = await createProgramme();
    const base = `/api/programmes/${programme.id}`;
    const activity = await call<{ id: string; version: number }>('POST', `${base}/activities`, { as: coordinator, body: seminar() });
    // Twenty writers race on one activity and one tally cell; losers get 412 and retry with the fresh version.
    const retrying = async (path: string, body: (attempt: number) => unknown, versionOf: () => Promise<number>) => {
      for (let attempt = 0; attempt < 40; attempt += 1) {
        const response = await call('PUT', path, { as: coordinator, headers: { 'if-match': `"${await versionOf()}"` }, body: body(attempt) });
        if (response.status === 200) return;
        expect(response.status).toBe(412);
      }
      throw new Error('never won the race');
    };
    const activityVersion = async () => (await call<{ items: { id: string; version: number }[] }>('GET', `${base}/activities`, { as: coordinator })).body.items.find((item) => item.id === activity.body.id)?.version ?? 0;
    const tallyVersion = async () => (await call<{ items: { id: string; version: number }[] }>('GET', `${base}/tallies`, { as: coordinator })).body.items.find((item) => item.id === '2026-05_social_phone')?.version ?? 0;
    await Promise.all([
      ...Array.from({ length: 10 }, (_, writer) => retrying(`${base}/activities/${activity.body.id}`, (attempt) => seminar(writer % 3 === 0 ? { status: 'cancelled' } : { status: 'held', attended: { total: 10 + writer + attempt, byGender: { female: writer } } }), activityVersion)),
      ...Array.from({ length: 10 }, (_, writer) => retrying(`${base}/tallies/2026-05_social_phone`, () => ({ people: 5 + writer, families: 2 + (writer % 3) }), tallyVersion)),
    ]);
    const figures = await storedAndRecounted(programme.id);
    expect(figures.stored).toEqual(figures.recounted);
    expect(Object.keys(figures.stored).length).toBeGreaterThan(3);
  });

  it('a network member removed on request leaves only anonymous counts; funders see the network by country, small counts hidden', async () => {
    const programme = await createProgramme();
    const base = `/api/programmes/${programme.id}`;
    const { activity, base: activityPath } = await createActivity(programme.id, { status: 'held', attended: { total: 20 } });
    const ids = [];
    for (const [country, name] of [['DE', 'Айше'], ['DE', 'Ленур'], ['PL', 'Ельміра'], ['PL', 'Решат'], ['PL', 'Сейтумер'], ['PL', 'Зера'], ['PL', 'Мустафа']] as const) {
      const added = await call<{ id: string; version: number }>('POST', `${base}/network`, { as: coordinator, body: activist({ name, country }) });
      ids.push(added.body);
    }
    const linked = await call<ActivityBody>('PUT', `${activityPath}/participants`, { as: coordinator, body: { changes: ids.map((member) => ({ memberId: member.id, status: 'attended' })) }, headers: { 'if-match': `"${activity.version}"` } });
    expect(linked.status).toBe(200);
    // The seven linked attendees are part of the attendance: 20 counted at the door become 27.
    expect(linked.body).toMatchObject({ network: { invited: 0, attended: 7 }, attended: { total: 27 } });
    ids.splice(0, ids.length, ...ids.map((member) => ({ ...member, version: member.version + 1 })));

    const first = ids[0];
    const removed = await call('DELETE', `${base}/network/${first?.id}`, { as: coordinator, headers: { 'if-match': `"${first?.version}"` } });
    expect(removed.status).toBe(200);
    const network = await call<{ items: { name: string }[]; removed: number }>('GET', `${base}/network`, { as: coordinator });
    expect(network.body.removed).toBe(1);
    expect(network.body.items.map((member) => member.name)).not.toContain('Айше');
    const { client, table: name } = table();
    const { Items = [] } = await client.send(new QueryCommand({ TableName: name, KeyConditionExpression: 'PK = :pk AND SK = :sk', ExpressionAttributeValues: { ':pk': networkMember.key(programme.id, first?.id ?? '').PK, ':sk': networkMember.key(programme.id, first?.id ?? '').SK } }));
    expect(JSON.stringify(Items)).not.toContain('Айше');
    expect(Items[0]).toMatchObject({ removed: true, kind: 'activist', country: 'DE', participationCounts: { invited: 0, attended: 1 } });

    const dashboard = await call<Dashboard & { network: { byCountry: { country: string; activists: Cell }[]; participation: { attended: Cell } } }>('GET', `${base}/dashboard`, { as: funder });
    expect(dashboard.body.network.byCountry).toEqual([
      { country: 'DE', activists: { hidden: 'fewer_than_threshold' }, organisations: { value: 0 }, attended: { hidden: 'fewer_than_threshold' } },
      // PL's participation is hidden too: the total is shown, and DE's small count would be the difference.
      { country: 'PL', activists: { hidden: 'protects_a_small_count' }, organisations: { value: 0 }, attended: { hidden: 'protects_a_small_count' } },
    ]);
    expect(dashboard.body.network.participation.attended).toEqual({ value: 7 });
    expect(dashboard.body.activities.attended.total).toEqual({ value: 27 });
    const figures = await storedAndRecounted(programme.id);
    expect(figures.stored).toEqual(figures.recounted);
  });

  it('shows each linked party\'s obligations done, its latest accepted report, and indicator actuals taken from accepted council reports', async () => {
    const { memorandumId, report, base: reportPath } = await startCouncilReport();
    const content = programmeContent({ memorandumIds: [memorandumId] });
    const sourced = (source: { memorandumId: string; obligationId: string; indicatorId: string }) => ({
      ...content,
      outcomes: content.outcomes.map((outcome) => ({ ...outcome, outputs: outcome.outputs.map((output) => ({ ...output, indicators: output.indicators.map((indicator) => (indicator.id === 'publications' ? { ...indicator, source } : indicator)) })) })),
    });
    const wrong = await call<{ errors: { path: string }[] }>('POST', '/api/programmes', { as: coordinator, body: { content: sourced({ memorandumId, obligationId: 'c9', indicatorId: 'events' }) } });
    expect(wrong.body.errors.map((error) => error.path)).toEqual(['body.content.outcomes.0.outputs.0.indicators.0.source.obligationId']);
    const programme = await createProgramme(sourced({ memorandumId, obligationId: 'c2', indicatorId: 'events' }));

    const saved = await call<{ version: number }>('PUT', reportPath, { as: demoUser('council'), headers: { 'if-match': `"${report.version}"` }, body: { entries: [{ obligationId: 'c5', status: 'done', percentComplete: 100 }, { obligationId: 'c2', status: 'in_progress', percentComplete: 40, indicatorActuals: [{ indicatorId: 'events', value: 3 }] }] } });
    const submitted = await call<{ version: number }>('POST', `${reportPath}/submit`, { as: demoUser('council'), headers: { 'if-match': `"${saved.body.version}"` } });
    expect((await call('POST', `${reportPath}/accept`, { as: coordinator, headers: { 'if-match': `"${submitted.body.version}"` } })).status).toBe(200);

    const dashboard = await call<{ obligations: { orgId: string; done: number; total: number; lastAcceptedReport?: { period: unknown } }[]; indicators: { id: string; actuals: unknown[]; latest?: number }[] }>('GET', `/api/programmes/${programme.id}/dashboard`, { as: funder });
    const council = dashboard.body.obligations.find((party) => party.orgId === demoUser('council').orgId);
    expect(council).toMatchObject({ done: 1, total: 5, lastAcceptedReport: { period: firstQuarter } });
    expect(dashboard.body.obligations.find((party) => party.orgId === coordinator.orgId)?.lastAcceptedReport).toBeUndefined();
    expect(dashboard.body.indicators.find((indicator) => indicator.id === 'publications')).toMatchObject({ actuals: [{ period: '2026-Q1', value: 3, fromReport: true }], latest: 3 });
    // The funder's files carry it too, marked as the council's.
    const csv = await exported(`/api/programmes/${programme.id}`, 'indicators.csv', funder);
    expect(csv.text).toMatch(/,publications,[^\r]*,2026-Q1,3,звіт ради \/ council report\r\n/);
    const xml = await exported(`/api/programmes/${programme.id}`, 'iati.xml', funder);
    expect(xml.text).toContain('<actual value="3"><comment><narrative xml:lang="uk">За прийнятим звітом ради');
    // What the team records for that period itself takes precedence.
    await call('PUT', `/api/programmes/${programme.id}/indicators/publications/actuals/2026-Q1`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { value: 8 } });
    const after = await call<{ indicators: { id: string; actuals: unknown[] }[] }>('GET', `/api/programmes/${programme.id}/dashboard`, { as: funder });
    expect(after.body.indicators.find((indicator) => indicator.id === 'publications')?.actuals).toEqual([{ period: '2026-Q1', value: 8 }]);
  });

  it('reports spending against budget lines; the funder sees it by line, in exact cents', async () => {
    const programme = await createProgramme();
    const base = `/api/programmes/${programme.id}`;
    const first = await call<{ version: number }>('PUT', `${base}/spending/2026-03/training`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { amount: 1250.1 } });
    expect(first.status).toBe(200);
    await call('PUT', `${base}/spending/2026-03/training`, { as: coordinator, headers: { 'if-match': `"${first.body.version}"` }, body: { amount: 1250.2 } });
    await call('PUT', `${base}/spending/2026-04/campaign`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { amount: 0.1 } });
    const refused = await call<{ errors: { path: string }[] }>('PUT', `${base}/spending/2028-01/nope`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { amount: 1.005 } });
    expect(refused.body.errors.map((error) => error.path).sort()).toEqual(['body.amount']);
    const outside = await call<{ errors: { path: string }[] }>('PUT', `${base}/spending/2028-01/nope`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { amount: 1 } });
    expect(outside.body.errors.map((error) => error.path).sort()).toEqual(['params.lineId', 'params.month']);
    const dashboard = await call<{ spending: { totalCents: number; byLine: { lineId: string; cents: number }[] } }>('GET', `${base}/dashboard`, { as: funder });
    expect(dashboard.body.spending).toEqual({ totalCents: 125030, byLine: [{ lineId: 'campaign', cents: 10 }, { lineId: 'training', cents: 125020 }, { lineId: 'support', cents: 0 }] });
    const figures = await storedAndRecounted(programme.id);
    expect(figures.stored).toEqual(figures.recounted);
  });

  it('refuses activities and tallies outside the programme, and unknown indicators, naming the field', async () => {
    const programme = await createProgramme();
    const base = `/api/programmes/${programme.id}`;
    const outside = await call<{ errors: { path: string }[] }>('POST', `${base}/activities`, { as: coordinator, body: seminar({ date: '2028-01-10', attended: { total: -1 }, organiserOrgId: '01J00000000000000000000990' }) });
    expect(outside.status).toBe(400);
    expect(outside.body.errors.map((error) => error.path).sort()).toEqual(['body.attended', 'body.attended.total']);
    const late = await call<{ errors: { path: string }[] }>('POST', `${base}/activities`, { as: coordinator, body: seminar({ date: '2028-01-10', organiserOrgId: '01J00000000000000000000990' }) });
    expect(late.body.errors.map((error) => error.path).sort()).toEqual(['body.date', 'body.organiserOrgId']);
    const tally = await call<{ errors: { path: string }[] }>('PUT', `${base}/tallies/2025-12_legal_phone`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { people: 3, families: 4 } });
    expect(tally.body.errors.map((error) => error.path)).toEqual(['body.families']);
    const early = await call<{ errors: { path: string }[] }>('PUT', `${base}/tallies/2025-12_legal_phone`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { people: 3, families: 2 } });
    expect(early.body.errors.map((error) => error.path)).toEqual(['params.tallyId']);
    const wrongFrequency = await call<{ errors: { path: string }[] }>('PUT', `${base}/indicators/trained/actuals/2026-03`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { value: 1 } });
    expect(wrongFrequency.body.errors.map((error) => error.path)).toEqual(['params.period']);
    expect((await call('PUT', `${base}/indicators/nope/actuals/2026-Q1`, { as: coordinator, headers: { 'if-match': '"0"' }, body: { value: 1 } })).status).toBe(404);
    expect((await storedAndRecounted(programme.id)).stored).toEqual({});
  });
});
