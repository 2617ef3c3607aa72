import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { memorandumPartition, partyProgress } from '../../functions/memoranda/entities.js';
import { trackedObligationRecords } from '../../functions/obligations/repository.js';
import { recount } from '../../functions/reports/acceptance.js';
import { call, demoUser, table, uniqueKey } from '../support/api.js';
import { caseContent, createActiveMemorandum, createCaseMemorandum, samplePdf } from '../support/memoranda.js';
import { uploadEvidence, type ReportBody } from '../support/reports.js';
import { today } from '../../functions/core/calendar.js';

const council = demoUser('council');
const coordinator = demoUser('coordinator');

interface Report {
  id: string;
  status: string;
  version: number;
  entries: { obligationId: string; status: string; percentComplete: number; narrative?: string; indicatorActuals: unknown[]; reviewComment?: string }[];
}
interface Problem {
  code: string;
  errors?: { path: string }[];
}
interface CodedProblem {
  errors: { path: string; code: string }[];
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

  it('a save sent again with its Idempotency-Key (an outbox retry after a lost answer) answers as the first did and changes nothing', async () => {
    const active = await createActiveMemorandum();
    const base = `/api/memoranda/${active.id}/reports`;
    const created = await call<Report>('POST', base, { as: council, body: { period } });
    const key = uniqueKey();
    const body = { entries: [{ obligationId: 'c2', status: 'in_progress', percentComplete: 40, narrative: 'Заповнено без зв’язку.' }] };
    const first = await call<Report>('PUT', `${base}/${created.body.id}`, { as: council, headers: { ...ifMatch(1), 'idempotency-key': key }, body });
    const again = await call<Report>('PUT', `${base}/${created.body.id}`, { as: council, headers: { ...ifMatch(1), 'idempotency-key': key }, body });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe('"2"');
    expect((await call<Report>('GET', `${base}/${created.body.id}`, { as: council })).body.version).toBe(2);
    const otherBody = await call<Problem>('PUT', `${base}/${created.body.id}`, { as: council, headers: { ...ifMatch(2), 'idempotency-key': key }, body: { entries: [] } });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.code).toBe('idempotency_key_reused');
    const stale = await call<Problem>('PUT', `${base}/${created.body.id}`, { as: council, headers: { ...ifMatch(1), 'idempotency-key': uniqueKey() }, body });
    expect(stale.status).toBe(412);
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
    const inReview = await createCaseMemorandum({ submit: true });
    expect((await call<Problem>('POST', `/api/memoranda/${inReview.id}/reports`, { as: council, body: { period } })).status).toBe(409);
    const active = await createActiveMemorandum();
    const early = await call<Problem>('POST', `/api/memoranda/${active.id}/reports`, { as: council, body: { period: { start: '2025-12-01', end: '2025-12-31' } } });
    expect(early.body.errors?.map((error) => error.path)).toEqual(['body.period.start']);
    const reversed = await call<Problem>('POST', `/api/memoranda/${active.id}/reports`, { as: council, body: { period: { start: '2026-03-31', end: '2026-01-15' } } });
    expect(reversed.body.errors?.map((error) => error.path)).toEqual(['body.period.end']);
    const created = await call<Report>('POST', `/api/memoranda/${active.id}/reports`, { as: council, body: { period } });
    expect((await call('GET', `/api/memoranda/${active.id}/reports/${created.body.id}`, { as: 'resource.center@pakt.local' })).status).toBe(404);
    const page = await call<{ reportTimeline: Record<string, unknown>[] }>('GET', `/api/memoranda/${active.id}`, { as: coordinator });
    expect(page.body.reportTimeline).toEqual([{ id: created.body.id, orgId: council.orgId, period, status: 'draft' }]);
  });

  it('cover periods that have ended (or end within the grace days), never one already reported on, and say something', async () => {
    const active = await createActiveMemorandum();
    const base = `/api/memoranda/${active.id}/reports`;
    const endOfNextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
    const future = await call<Problem>('POST', base, { as: council, body: { period: { start: '2026-04-01', end: endOfNextYear } } });
    expect([future.status, future.body.errors?.map((error) => error.path)]).toEqual([400, ['body.period.end']]);

    const first = await call<Report & { orgName?: { uk: string }; memorandumTitle?: { uk?: string } }>('POST', base, { as: council, body: { period } });
    // Who reports on which memorandum travels with the report, so the review queue names them in one read.
    expect([first.body.orgName?.uk, first.body.memorandumTitle?.uk?.slice(0, 24)]).toEqual(['Молочанська міська рада Запорізької області', 'Меморандум про співпрацю']);
    const empty = await call<Problem>('POST', `${base}/${first.body.id}/submit`, { as: council, headers: ifMatch(first.body.version) });
    expect([empty.status, empty.body.errors?.map((error) => error.path)]).toEqual([400, ['entries']]);
    const said = await call<Report>('PUT', `${base}/${first.body.id}`, { as: council, headers: ifMatch(first.body.version), body: { entries: [{ obligationId: 'c1', status: 'not_started', percentComplete: 0, narrative: 'Домовилися про приміщення для семінару.' }] } });
    expect((await call<Report>('POST', `${base}/${first.body.id}/submit`, { as: council, headers: ifMatch(said.body.version) })).status).toBe(200);

    const overlapping = await call<Problem>('POST', base, { as: council, body: { period: { start: '2026-03-01', end: '2026-05-31' } } });
    expect([overlapping.status, overlapping.body.errors?.map((error) => error.path)]).toEqual([400, ['body.period.start']]);
    expect((await call<Report>('POST', base, { as: council, body: { period: { start: '2026-04-01', end: '2026-06-30' } } })).status).toBe(201);
  });
});

describe('reviewing progress reports', () => {
  const storedAndRecounted = async (memorandumId: string, orgId: string) => {
    const { client, table: tableName } = table();
    const stored = (await client.send(new GetCommand({ TableName: tableName, Key: partyProgress.key(memorandumId, orgId) }))).Item;
    const obligations = (await client.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :obl)', ExpressionAttributeValues: { ':pk': memorandumPartition(memorandumId), ':obl': 'OBL#' } }))).Items ?? [];
    const owned = obligations.filter((item) => item.ownerOrgId === orgId).map(trackedObligationRecords.read);
    return { stored: { total: stored?.total, done: stored?.done, percentSum: stored?.percentSum }, recounted: recount(owned) };
  };

  const submitReport = async (memorandumId: string, reportPeriod: { start: string; end: string }, entries: unknown[]) => {
    const created = await call<Report>('POST', `/api/memoranda/${memorandumId}/reports`, { as: council, body: { period: reportPeriod } });
    const saved = await call<Report>('PUT', `/api/memoranda/${memorandumId}/reports/${created.body.id}`, { as: council, headers: ifMatch(created.body.version), body: { entries } });
    return call<Report>('POST', `/api/memoranda/${memorandumId}/reports/${created.body.id}/submit`, { as: council, headers: ifMatch(saved.body.version) });
  };

  it('two quarters: returned with a comment on one entry, resubmitted, accepted; figures equal a recount', async () => {
    const active = await createActiveMemorandum();
    const q1 = await submitReport(active.id, period, [{ obligationId: 'c2', status: 'in_progress', percentComplete: 40, narrative: 'Дві пресконференції.' }, { obligationId: 'c5', status: 'done', percentComplete: 100 }]);
    const queue = await call<{ items: { id: string; memorandumId: string }[] }>('GET', '/api/reviews?limit=100', { as: coordinator });
    expect(queue.body.items.some((item) => item.memorandumId === active.id && item.id === q1.body.id)).toBe(true);

    const path = `/api/memoranda/${active.id}/reports/${q1.body.id}`;
    const returned = await call<Report>('POST', `${path}/return`, { as: coordinator, headers: ifMatch(q1.body.version), body: { entryComments: [{ obligationId: 'c2', comment: 'Додайте дати пресконференцій.' }] } });
    expect(returned.body.status).toBe('returned');
    expect(returned.body.entries.find((entry) => entry.obligationId === 'c2')?.reviewComment).toBe('Додайте дати пресконференцій.');
    const resaved = await call<Report>('PUT', path, { as: council, headers: ifMatch(returned.body.version), body: { entries: [{ obligationId: 'c2', status: 'in_progress', percentComplete: 50, narrative: 'Пресконференції 12.02 і 20.03.', indicatorActuals: [{ indicatorId: 'events', value: 2 }] }] } });
    const withEvidence = await (await uploadEvidence(path, council, { bytes: samplePdf, storedType: 'application/pdf', filename: 'пресреліз.pdf', obligationId: 'c2' })).confirm(resaved.body.version);
    expect(withEvidence.status).toBe(201);
    const resubmitted = await call<Report>('POST', `${path}/submit`, { as: council, headers: ifMatch(withEvidence.body.version) });
    const accepted = await call<ReportBody & { history: { action: string; comment?: string; entryComments?: unknown[] }[] }>('POST', `${path}/accept`, { as: coordinator, headers: ifMatch(resubmitted.body.version) });
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.history.map((step) => step.action)).toEqual(['submitted', 'returned', 'submitted', 'accepted']);
    expect(accepted.body.history[1]?.entryComments).toEqual([{ obligationId: 'c2', comment: 'Додайте дати пресконференцій.' }]);
    expect(accepted.body.entries.find((entry) => entry.obligationId === 'c2')?.evidence?.map((file) => file.filename)).toEqual(['пресреліз.pdf']);
    expect((await call<Problem>('PUT', path, { as: council, headers: ifMatch(accepted.body.version), body: { entries: [] } })).status).toBe(409);

    const commitments = await call<{ items: { obligationId: string; status: string; percentComplete: number }[] }>('GET', `/api/commitments?memorandumId=${active.id}`, { as: council });
    expect(commitments.body.items.find((item) => item.obligationId === 'c2')).toMatchObject({ status: 'in_progress', percentComplete: 50, reportedThrough: '2026-03-31', indicators: [{ id: 'events', latestActual: 2, target: 8 }] });
    expect(commitments.body.items.find((item) => item.obligationId === 'c5')).toMatchObject({ status: 'done', percentComplete: 100 });
    const afterQ1 = await storedAndRecounted(active.id, council.orgId);
    expect(afterQ1.stored).toEqual({ total: 5, done: 1, percentSum: 150 });
    expect(afterQ1.stored).toEqual(afterQ1.recounted);

    const q2 = await submitReport(active.id, { start: '2026-04-01', end: '2026-06-30' }, [{ obligationId: 'c2', status: 'done', percentComplete: 100 }, { obligationId: 'c1', status: 'at_risk', percentComplete: 10 }]);
    await call('POST', `/api/memoranda/${active.id}/reports/${q2.body.id}/accept`, { as: coordinator, headers: ifMatch(q2.body.version) });
    const afterQ2 = await storedAndRecounted(active.id, council.orgId);
    expect(afterQ2.stored).toEqual({ total: 5, done: 2, percentSum: 210 });
    expect(afterQ2.stored).toEqual(afterQ2.recounted);
  });

  it('a review on a version the council has since changed gets 412; a simultaneous accept and return leave one whole outcome', async () => {
    const active = await createActiveMemorandum();
    const submitted = await submitReport(active.id, period, [{ obligationId: 'c4', status: 'in_progress', percentComplete: 20 }]);
    const path = `/api/memoranda/${active.id}/reports/${submitted.body.id}`;
    const returned = await call<Report>('POST', `${path}/return`, { as: coordinator, headers: ifMatch(submitted.body.version), body: { comment: 'Додайте кількість учасників.' } });
    const edited = await call<Report>('PUT', path, { as: council, headers: ifMatch(returned.body.version), body: { entries: [{ obligationId: 'c4', status: 'in_progress', percentComplete: 30, indicatorActuals: [{ indicatorId: 'participants', value: 42 }] }] } });
    const resubmitted = await call<Report>('POST', `${path}/submit`, { as: council, headers: ifMatch(edited.body.version) });
    // The coordinator still has the first submission open.
    const stale = await call<Problem>('POST', `${path}/accept`, { as: coordinator, headers: ifMatch(submitted.body.version) });
    expect(stale.status).toBe(412);

    const [accept, sendBack] = await Promise.all([
      call<Report>('POST', `${path}/accept`, { as: coordinator, headers: ifMatch(resubmitted.body.version) }),
      call<Report>('POST', `${path}/return`, { as: coordinator, headers: ifMatch(resubmitted.body.version), body: { comment: 'Ще раз.' } }),
    ]);
    expect([accept.status, sendBack.status].sort()).toEqual([200, 412]);
    const stored = (await call<Report>('GET', path, { as: council })).body;
    const c4 = (await call<{ items: { obligationId: string; percentComplete: number }[] }>('GET', `/api/commitments?memorandumId=${active.id}`, { as: council })).body.items.find((item) => item.obligationId === 'c4');
    if (accept.status === 200) expect([stored.status, c4?.percentComplete]).toEqual(['accepted', 30]);
    else expect([stored.status, c4?.percentComplete]).toEqual(['returned', 0]);
    const figures = await storedAndRecounted(active.id, council.orgId);
    expect(figures.stored).toEqual(figures.recounted);
  });

  it('two reports on the same obligations accepted at once: one wins, the other retries, figures still equal a recount', async () => {
    const active = await createActiveMemorandum();
    const first = await submitReport(active.id, period, [{ obligationId: 'c3', status: 'in_progress', percentComplete: 30 }]);
    const second = await submitReport(active.id, { start: '2026-04-01', end: '2026-06-30' }, [{ obligationId: 'c3', status: 'done', percentComplete: 100 }]);
    const results = await Promise.all([first, second].map((report) => call<Report>('POST', `/api/memoranda/${active.id}/reports/${report.body.id}/accept`, { as: coordinator, headers: ifMatch(report.body.version) })));
    // Either one acceptance loses the race (409) and is retried, or they happened one after the other: never a lost update.
    results.forEach((result) => expect([200, 409]).toContain(result.status));
    for (const [index, result] of results.entries()) {
      const report = [first, second][index];
      if (result.status === 409 && report) {
        const retry = await call<Report>('POST', `/api/memoranda/${active.id}/reports/${report.body.id}/accept`, { as: coordinator, headers: ifMatch(report.body.version) });
        expect(retry.status).toBe(200);
      }
    }
    for (const report of [first, second]) expect((await call<Report>('GET', `/api/memoranda/${active.id}/reports/${report.body.id}`, { as: coordinator })).body.status).toBe('accepted');
    const figures = await storedAndRecounted(active.id, council.orgId);
    expect(figures.stored).toEqual(figures.recounted);
  });

  it('is the drafting organisation\'s coordinators\' task, and a council officer cannot accept its own report', async () => {
    const active = await createActiveMemorandum();
    const submitted = await submitReport(active.id, period, [{ obligationId: 'c1', status: 'done', percentComplete: 100 }]);
    const own = await call<Problem>('POST', `/api/memoranda/${active.id}/reports/${submitted.body.id}/accept`, { as: council, headers: ifMatch(submitted.body.version) });
    expect(own.status).toBe(403);
    const empty = await call<Problem>('POST', `/api/memoranda/${active.id}/reports/${submitted.body.id}/return`, { as: coordinator, headers: ifMatch(submitted.body.version), body: {} });
    expect(empty.body.errors?.map((error) => error.path)).toEqual(['body.comment']);
  });
});

describe('completion reports of one-off obligations', () => {
  /** The case memorandum with the council's fifth obligation one-off and due at the end of the year. */
  const withOneOff = () => {
    const content = caseContent();
    content.obligations = content.obligations.map((obligation) => (obligation.id === 'c5' ? { ...obligation, recurrence: 'once' as const, dueDate: '2026-12-31' } : obligation));
    return content;
  };

  it('report a one-off obligation as done before it is due, beside the periodic reports, reviewed like any other', async () => {
    const active = await createActiveMemorandum(withOneOff());
    const base = `/api/memoranda/${active.id}/reports`;
    // A quarterly report already covers the spring: the completion report may overlap it.
    const quarterly = await call<Report>('POST', base, { as: council, body: { period } });
    const quarterlyFilled = await call<Report>('PUT', `${base}/${quarterly.body.id}`, { as: council, headers: ifMatch(1), body: { entries: [{ obligationId: 'c1', status: 'in_progress', percentComplete: 30 }] } });
    await call('POST', `${base}/${quarterly.body.id}/submit`, { as: council, headers: ifMatch(quarterlyFilled.body.version) });

    const completion = await call<Report & { completes?: string }>('POST', base, { as: council, body: { period: { start: '2026-01-15', end: '2026-05-20' }, completes: 'c5' } });
    expect(completion.status).toBe(201);
    expect(completion.body.id).toBe(`2026-01-15_2026-05-20_${council.orgId}~c5`);
    expect(completion.body.completes).toBe('c5');
    expect(completion.body.entries.map(({ obligationId, status, percentComplete }) => [obligationId, status, percentComplete])).toEqual([['c5', 'done', 100]]);
    const reportPath = `${base}/${completion.body.id}`;

    const otherEntry = await call<Problem>('PUT', reportPath, { as: council, headers: ifMatch(1), body: { entries: [{ obligationId: 'c1', status: 'done', percentComplete: 100 }] } });
    expect(otherEntry.body.errors?.map((error) => error.path)).toEqual(['body.entries.0.obligationId']);
    const inProgress = await call<Report>('PUT', reportPath, { as: council, headers: ifMatch(1), body: { entries: [{ obligationId: 'c5', status: 'in_progress', percentComplete: 90 }] } });
    const notDone = await call<CodedProblem>('POST', `${reportPath}/submit`, { as: council, headers: ifMatch(inProgress.body.version) });
    expect(notDone.body.errors.map(({ path, code }) => [path, code])).toEqual([['entries', 'completion_not_done']]);
    const done = await call<Report>('PUT', reportPath, { as: council, headers: ifMatch(inProgress.body.version), body: { entries: [{ obligationId: 'c5', status: 'done', percentComplete: 100, narrative: 'Документування завершено, звіт передано.' }] } });
    const submitted = await call<Report>('POST', `${reportPath}/submit`, { as: council, headers: ifMatch(done.body.version) });
    expect(submitted.body.status).toBe('submitted');

    const accepted = await call<Report>('POST', `${reportPath}/accept`, { as: coordinator, headers: ifMatch(submitted.body.version) });
    expect(accepted.body.status).toBe('accepted');
    const view = await call<{ obligations: { obligationId: string; status: string }[]; reportTimeline: { id: string; completes?: string }[] }>('GET', `/api/memoranda/${active.id}`, { as: council });
    expect(view.body.obligations.find((obligation) => obligation.obligationId === 'c5')?.status).toBe('done');
    expect(view.body.reportTimeline.find((report) => report.id === completion.body.id)?.completes).toBe('c5');

    // Done is done: no second completion report.
    const again = await call<CodedProblem>('POST', base, { as: council, body: { period: { start: '2026-05-21', end: '2026-05-25' }, completes: 'c5' } });
    expect(again.body.errors.map(({ path, code }) => [path, code])).toEqual([['body.completes', 'obligation_closed']]);
  });

  it('are refused for recurring obligations and for obligations of another party', async () => {
    const active = await createActiveMemorandum(withOneOff());
    const base = `/api/memoranda/${active.id}/reports`;
    const recurring = await call<CodedProblem>('POST', base, { as: council, body: { period, completes: 'c1' } });
    expect(recurring.body.errors.map(({ path, code }) => [path, code])).toEqual([['body.completes', 'recurring_reported_per_period']]);
    const notOwn = await call<CodedProblem>('POST', base, { as: council, body: { period, completes: 'n1' } });
    expect(notOwn.body.errors.map(({ path, code }) => [path, code])).toEqual([['body.completes', 'not_own_obligation']]);
    const neither = await call<CodedProblem>('POST', base, { as: council, body: {} });
    expect(neither.body.errors.map(({ path, code }) => [path, code])).toEqual([['body.period', 'required']]);
  });

  it('run from the signing to today unless the organisation names the period', async () => {
    const active = await createActiveMemorandum(withOneOff());
    const created = await call<Report & { period: { start: string; end: string } }>('POST', `/api/memoranda/${active.id}/reports`, { as: council, body: { completes: 'c5' } });
    expect(created.status).toBe(201);
    // The case memorandum's term started on 2026-01-15, before the signing today.
    expect(created.body.period).toEqual({ start: today(), end: today() });
    expect(created.body.id).toBe(`${today()}_${today()}_${council.orgId}~c5`);
  });
});
