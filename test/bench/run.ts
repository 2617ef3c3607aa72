import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { importJWK, SignJWT, type JWK } from 'jose';
import { createDocumentClient, type TableContext } from '../../functions/data/client.js';
import { organisation } from '../../functions/organisations/entities.js';
import { edgeHeaders } from '../../functions/core/viewer.js';
import { freePort } from '../../infra/local/ports.js';
import { apiResource, apiScope, webClientId } from '../../infra/local/oidc.js';
import { demoMemorandumId, demoOrganisations, demoPassword, demoProgrammeId, demoUsers } from '../../infra/local/seed.js';
import { startLocalStack } from '../../infra/local/stack.js';
import { signIn } from '../support/oidc-login.js';
import { measureBundles, measureImportLayers } from './bundles.js';
import { measureSpaFirstLoad } from './spa.js';
import { measureLighthouse } from './lighthouse.js';
import { addObligations, addSubmittedReports, growProgramme } from './scaling.js';
import { meterFunctions, replayReads, type Metered } from './dynamodb-meter.js';
import { measureDailyJob } from './daily-job.js';
import { measureEntityReads } from './entity-reads.js';

/**
 * `npm run bench`: per route, DynamoDB requests and consumed capacity per call and
 * the local API's median latency beside a raw GetItem on the same DynamoDB Local
 * (overhead ratio); per Lambda, bundle size and cold import time beside an
 * SDK-only bundle. Prints a table and writes test-results/bench.json.
 */
const iterations = Number(process.env.BENCH_ITERATIONS ?? 60);
const budgets = { spaFirstLoadKb: 100, lighthousePerformance: 90, lighthouseAccessibility: 100, requestsPerCall: 1, detailReadRcu: 1, listPageRcu: 2, bundleBytes: 600 * 1024, coldImportExtraMs: 15, apiOverheadRatio: 1.1, exportAskMs: 100, exportReadyMs: 10_000 };

const percentile = (values: number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
};
const median = (values: number[]): number => percentile(values, 0.5);

process.env.LOG_LEVEL = 'SILENT';
const webOrigin = 'http://127.0.0.1:5998';
const stack = await startLocalStack({ ports: { dynamodb: await freePort(), s3: await freePort(), oidc: await freePort(), api: await freePort() }, webOrigins: [webOrigin], seed: true });

try {
  const tokenFor = async (role: string) => {
    const user = demoUsers.find((candidate) => candidate.role === role);
    if (!user) throw new Error(role);
    const tokens = await signIn({ issuer: stack.issuer, clientId: webClientId, redirectUri: `${webOrigin}/auth/callback`, scope: `openid profile email ${apiScope}`, email: user.email, password: demoPassword });
    return tokens.accessToken;
  };
  const admin = await tokenFor('admin');
  const coordinator = await tokenFor('coordinator');
  const councilOfficer = await tokenFor('council');
  // This process acts as the administrator on the stack's DynamoDB (fixtures, the raw GetItem); the functions' requests are metered.
  const ctx: TableContext = { table: stack.tableName, client: createDocumentClient(stack.dynamodbEndpoint) };
  const rawClient = new DynamoDBClient({ endpoint: stack.dynamodbEndpoint });
  const meter = meterFunctions(stack);

  const request = async (method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { [edgeHeaders.secret]: stack.edgeSecret, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
    return { headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  const created = await request('POST', '/api/organisations', coordinator, { name: { uk: 'Бенчмарк', en: 'Benchmark' }, type: 'ngo' });
  const benchOrg = String(created.body.id);
  let orgVersion = 1;
  const target = await request('POST', `/api/organisations/${demoOrganisations.relativesNgo}/users`, admin, { name: 'Bench Target', email: 'bench.target@example.org', role: 'council' });
  let targetVersion = 1;
  // The seeded source-case memorandum: one more revision so that there is something to compare.
  const memorandumPath = `/api/memoranda/${demoMemorandumId}`;
  const memorandum = await request('GET', memorandumPath, coordinator);
  const memorandumContent = (memorandum.body.memorandum as { content: unknown }).content;
  let memorandumVersion = Number((memorandum.body.memorandum as { version: number }).version);
  await request('PUT', `${memorandumPath}/draft`, coordinator, { content: memorandumContent }, { 'if-match': `"${memorandumVersion}"` });
  memorandumVersion += 1;
  let targetActive = true;
  let counter = 0;

  // Each container checks a caller's account once a minute; a user never seen before is the request that reads it.
  const signingKey = JSON.parse(await readFile(stack.signingKeyFile, 'utf8')) as JWK;
  const privateKey = await importJWK(signingKey, 'RS256');
  const freshCoordinators: string[] = [];
  for (let i = 0; i < iterations + 10; i += 1) {
    const user = await request('POST', `/api/organisations/${demoOrganisations.relativesNgo}/users`, admin, { name: `Bench Coordinator ${i}`, email: `bench.coordinator.${i}.${Date.now()}@example.org`, role: 'coordinator' });
    freshCoordinators.push(
      await new SignJWT({ scope: apiScope, client_id: webClientId, 'custom:orgId': demoOrganisations.relativesNgo, 'cognito:groups': ['coordinator'] })
        .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid ?? '' })
        .setSubject(String(user.body.id))
        .setIssuer(stack.issuer)
        .setAudience(apiResource)
        .setIssuedAt()
        .setExpirationTime('30m')
        .sign(privateKey),
    );
  }

  const scenarios: { name: string; kind: 'detail' | 'list' | 'write' | 'other'; call: () => Promise<unknown> }[] = [
    { name: 'GET /api/openapi.json', kind: 'other', call: () => request('GET', '/api/openapi.json', undefined) },
    { name: 'GET /api/me', kind: 'detail', call: () => request('GET', '/api/me', coordinator) },
    // The account check reads the caller's profile once a minute per container; this is the request that does.
    {
      name: 'GET /api/me (account check not cached)', kind: 'other',
      call: () => request('GET', '/api/me', freshCoordinators.pop()),
    },
    { name: 'GET /api/organisations (page of 25)', kind: 'list', call: () => request('GET', '/api/organisations?limit=25', coordinator) },
    { name: 'GET /api/organisations/{orgId}', kind: 'detail', call: () => request('GET', `/api/organisations/${benchOrg}`, coordinator) },
    { name: 'POST /api/organisations', kind: 'write', call: () => request('POST', '/api/organisations', coordinator, { name: { uk: `Організація ${counter += 1}`, en: `Organisation ${counter}` }, type: 'ngo' }) },
    {
      name: 'POST /api/organisations (Idempotency-Key)', kind: 'write',
      call: () => request('POST', '/api/organisations', coordinator, { name: { uk: `Організація ${counter += 1}`, en: `Organisation ${counter}` }, type: 'ngo' }, { 'idempotency-key': `bench-${crypto.randomUUID()}` }),
    },
    {
      name: 'PATCH /api/organisations/{orgId}', kind: 'write',
      call: async () => {
        await request('PATCH', `/api/organisations/${benchOrg}`, coordinator, { contacts: { phone: `+380 44 000 ${String(counter += 1).padStart(4, '0')}` } }, { 'if-match': `"${orgVersion}"` });
        orgVersion += 1;
      },
    },
    { name: 'GET /api/organisations/{orgId}/users', kind: 'list', call: () => request('GET', `/api/organisations/${demoOrganisations.relativesNgo}/users?limit=25`, coordinator) },
    {
      name: 'POST /api/organisations/{orgId}/users', kind: 'write',
      call: () => request('POST', `/api/organisations/${demoOrganisations.relativesNgo}/users`, admin, { name: `Bench User ${counter += 1}`, email: `bench.${counter}.${Date.now()}@example.org`, role: 'council' }),
    },
    {
      name: 'PUT /api/users/{userId}/status', kind: 'write',
      call: async () => {
        targetActive = !targetActive;
        await request('PUT', `/api/users/${String(target.body.id)}/status`, admin, { status: targetActive ? 'active' : 'disabled' }, { 'if-match': `"${targetVersion}"` });
        targetVersion += 1;
      },
    },
    { name: 'GET /api/memoranda (page of 25)', kind: 'list', call: () => request('GET', '/api/memoranda?limit=25', coordinator) },
    { name: 'GET /api/memoranda/{id} (head + parties + audit trail)', kind: 'detail', call: () => request('GET', memorandumPath, coordinator) },
    { name: 'GET /api/memoranda/{id}/revisions', kind: 'list', call: () => request('GET', `${memorandumPath}/revisions`, coordinator) },
    { name: 'GET /api/memoranda/{id}/diff', kind: 'detail', call: () => request('GET', `${memorandumPath}/diff?from=1&to=2`, coordinator) },
    { name: 'GET /api/memoranda/{id}/audit/verify', kind: 'detail', call: () => request('GET', `${memorandumPath}/audit/verify`, coordinator) },
    {
      name: 'PUT /api/memoranda/{id}/draft (new revision)', kind: 'write',
      call: async () => {
        await request('PUT', `${memorandumPath}/draft`, coordinator, { content: memorandumContent }, { 'if-match': `"${memorandumVersion}"` });
        memorandumVersion += 1;
      },
    },
    // A programme's records: the caller's relationship travels in the same Query (network, spending, actuals) or beside it (tallies, cases, calendar).
    ...(['network', 'spending', 'actuals', 'tallies', 'cases', 'activities'] as const).map((records) => ({
      name: `GET /api/programmes/{id}/${records}`, kind: 'list' as const, call: () => request('GET', `/api/programmes/${demoProgrammeId}/${records}`, coordinator),
    })),
  ];

  // Raw GetItem on the same DynamoDB Local, same client: the floor the API is compared with, measured
  // interleaved with each route's calls (one before each), so that the machine's noise moves both alike.
  const rawGetItem = async () => {
    const started = performance.now();
    await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: organisation.key(benchOrg) }));
    return performance.now() - started;
  };
  const rawTimes: number[] = [];
  for (let i = 0; i < 5; i += 1) await rawGetItem();

  type Scenario = (typeof scenarios)[number];
  const measure = async (scenario: Scenario) => {
    for (let i = 0; i < 5; i += 1) await scenario.call();
    const metered: Metered[] = [];
    meter.on();
    for (let i = 0; i < 5; i += 1) {
      meter.reset();
      await scenario.call();
      metered.push(meter.read());
    }
    meter.off();
    const replay = replayReads(rawClient, metered.at(-1) ?? { requests: 0, readUnits: 0, writeUnits: 0, operations: [], reads: [] });
    const times: number[] = [];
    const raw: number[] = [];
    const replayed: number[] = [];
    for (let i = 0; i < iterations; i += 1) {
      raw.push(await rawGetItem());
      if (replay) {
        const replayStarted = performance.now();
        await replay();
        replayed.push(performance.now() - replayStarted);
      }
      const started = performance.now();
      await scenario.call();
      times.push(performance.now() - started);
    }
    rawTimes.push(...raw);
    const last = metered.at(-1);
    const medianMs = median(times);
    return {
      route: scenario.name,
      kind: scenario.kind,
      dynamodbRequests: median(metered.map((m) => m.requests)),
      operations: last?.operations.join('+') ?? '',
      readUnits: median(metered.map((m) => m.readUnits)),
      writeUnits: median(metered.map((m) => m.writeUnits)),
      medianMs: Number(medianMs.toFixed(2)),
      p95Ms: Number(percentile(times, 0.95).toFixed(2)),
      /** Against the raw GetItems interleaved with these very calls. */
      overheadRatio: Number((medianMs / median(raw)).toFixed(2)),
      p95Ratio: Number((percentile(times, 0.95) / percentile(raw, 0.95)).toFixed(2)),
      /** The route's own reads sent straight to DynamoDB, one after another, interleaved likewise: what the API adds beyond its data access. */
      ...(replayed.length > 0 ? { ownReadsMs: Number(median(replayed).toFixed(2)), overOwnReads: Number((medianMs / median(replayed)).toFixed(2)) } : {}),
    };
  };

  const routes = [];
  for (const scenario of scenarios) routes.push(await measure(scenario));
  const entityReads = await measureEntityReads(ctx, demoMemorandumId);
  const memorandumMs = routes.find((route) => route.route.startsWith('GET /api/memoranda/{id}'))?.medianMs ?? Number.NaN;

  // The funder's dashboard as the demo programme grows from 10 to 10,000 records: the same requests and capacity; and the PDF at the largest size.
  const funder = await tokenFor('funder');
  const programmePath = `/api/programmes/${demoProgrammeId}`;
  const period = { start: '2026-01-01', end: '2027-06-30' };
  /**
   * The progress report as an export job, three fresh jobs (each for a period a day shorter, so none is
   * reused): how long the request that asks for it takes, and how long until the file is ready (queue and
   * renderer). The renderer's memory need: this process's peak RSS meanwhile (every container shares it, so an upper bound).
   */
  const exportJobAt = async (records: number) => {
    const asked: number[] = [];
    const ready: number[] = [];
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const rssSampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 25);
    for (let i = 0; i < 3; i += 1) {
      // Another period each time: a fresh job, not the one just made (the records grew between sizes, so those are fresh too).
      const to = new Date(Date.parse(`${period.end}T00:00:00Z`) - i * 86_400_000).toISOString().slice(0, 10);
      const started = performance.now();
      const { body: job, headers } = await request('POST', `${programmePath}/exports`, funder, { kind: 'report.pdf', from: period.start, to });
      asked.push(performance.now() - started);
      let status = String(job.status);
      while (status !== 'done' && status !== 'failed') {
        await new Promise((resolve) => setTimeout(resolve, 25));
        status = String((await request('GET', headers.get('location') ?? '', funder)).body.status);
      }
      if (status === 'failed') throw new Error(`The export job at ${records} records failed.`);
      ready.push(performance.now() - started);
    }
    clearInterval(rssSampler);
    return { records, askedMs: Number(median(asked).toFixed(1)), readyMs: Number(median(ready).toFixed(0)), peakRssGrowthMb: Math.round((rssPeak - rssBefore) / 1024 / 1024) };
  };
  const dashboardScaling = [];
  const exportJobs = [];
  for (const size of [10, 1000, 10000]) {
    const records = await growProgramme(ctx, demoProgrammeId, period, size - (dashboardScaling.length === 0 ? 0 : Number(dashboardScaling.at(-1)?.records ?? 0)));
    dashboardScaling.push({ records, ...(await measure({ name: 'GET /api/programmes/{id}/dashboard (funder)', kind: 'detail', call: () => request('GET', `${programmePath}/dashboard`, funder) })) });
    if (size !== 1000) exportJobs.push(await exportJobAt(records));
  }

  // The council's commitments and the NGO's review queue grown from 10 to 1,000 items across memoranda: each stays one Query.
  const scaling = [];
  let grownTo = 0;
  for (const size of [10, 1000]) {
    await addObligations(ctx, demoOrganisations.molochanskCouncil, size - grownTo, grownTo);
    await addSubmittedReports(ctx, demoOrganisations.relativesNgo, demoOrganisations.molochanskCouncil, size - grownTo);
    grownTo = size;
    for (const scenario of [
      { name: 'GET /api/commitments (page of 25)', kind: 'list' as const, call: () => request('GET', '/api/commitments?limit=25', councilOfficer) },
      { name: 'GET /api/reviews (page of 25)', kind: 'list' as const, call: () => request('GET', '/api/reviews?limit=25', coordinator) },
    ]) scaling.push({ items: size, ...(await measure(scenario)) });
  }

  // The daily job at 10,000 tracked obligations, all overdue in memoranda in force: its worst day.
  const dailyJob = await measureDailyJob(stack, ctx, demoOrganisations.molochanskCouncil, demoOrganisations.relativesNgo, Number(process.env.BENCH_DAILY_OBLIGATIONS ?? 10_000));

  const bundles = await measureBundles();
  const importLayers = await measureImportLayers();
  const spa = await measureSpaFirstLoad();
  // The built SPA is served on the web origin the stack's sign-in client accepts.
  const lighthouseScores = await measureLighthouse(stack, Number(new URL(webOrigin).port));

  process.stdout.write(`\nPakt benchmark — ${iterations} calls per route, ${new Date().toISOString()}\n`);
  const rawGetItemMs = median(rawTimes);
  process.stdout.write(`Raw GetItem on DynamoDB Local (same client, one before each call of each route): median ${rawGetItemMs.toFixed(2)} ms, p95 ${percentile(rawTimes, 0.95).toFixed(2)} ms\n\n`);
  const pad = (value: unknown, width: number) => String(value).padEnd(width);
  process.stdout.write(`${pad('route', 58)}${pad('ddb req', 9)}${pad('ops', 31)}${pad('RCU', 6)}${pad('WCU', 6)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p50 × raw', 11)}${pad('p95 × raw', 11)}${pad('own reads ms', 14)}p50 × own reads\n`);
  for (const row of routes) {
    process.stdout.write(`${pad(row.route, 58)}${pad(row.dynamodbRequests, 9)}${pad(row.operations, 31)}${pad(row.readUnits, 6)}${pad(row.writeUnits, 6)}${pad(row.medianMs, 9)}${pad(row.p95Ms, 9)}${pad(row.overheadRatio, 11)}${pad(row.p95Ratio, 11)}${pad(row.ownReadsMs ?? '—', 14)}${row.overOwnReads ?? '—'}\n`);
  }
  // Issue 14's goals for the thinner pipeline: the reads by key and the dashboard against the raw GetItem interleaved with them.
  const goals = [['GET /api/memoranda (page of 25)', 1.3], ['GET /api/memoranda/{id} (head + parties + audit trail)', 1.3], ['GET /api/programmes/{id}/dashboard (funder)', 2.2]] as const;
  process.stdout.write(`\nPipeline goals (p50 × the interleaved raw GetItem)\n`);
  for (const [route, goal] of goals) {
    const row = routes.find((candidate) => candidate.route === route) ?? dashboardScaling[0];
    process.stdout.write(`${pad(route, 58)}${pad(`${row?.overheadRatio ?? '?'} ≤ ${goal}`, 14)}${pad((row?.overheadRatio ?? Infinity) <= goal ? 'met' : 'NOT MET', 9)}(its own reads replayed raw take ${row?.ownReadsMs ?? '?'} ms: the API adds ${row?.ownReadsMs ? (row.medianMs - row.ownReadsMs).toFixed(2) : '?'} ms, ${row?.overOwnReads ?? '?'}×)\n`);
  }
  process.stdout.write(`\nScaling: one organisation's obligations / review queue at 10 and 1,000 items\n${pad('route', 40)}${pad('items', 8)}${pad('ddb req', 9)}${pad('ops', 16)}${pad('RCU', 6)}median ms\n`);
  for (const row of scaling) process.stdout.write(`${pad(row.route, 40)}${pad(row.items, 8)}${pad(row.dynamodbRequests, 9)}${pad(row.operations, 16)}${pad(row.readUnits, 6)}${row.medianMs}\n`);
  process.stdout.write(`\nFunder dashboard by programme size (activities + tallies)\n${pad('records', 10)}${pad('ddb req', 9)}${pad('ops', 24)}${pad('RCU', 6)}median ms\n`);
  for (const row of dashboardScaling) process.stdout.write(`${pad(row.records, 10)}${pad(row.dynamodbRequests, 9)}${pad(row.operations, 24)}${pad(row.readUnits, 6)}${row.medianMs}\n`);
  process.stdout.write(`\nThe progress report as an export job (median of 3 fresh jobs); budgets: asked ≤ ${budgets.exportAskMs} ms, ready ≤ ${budgets.exportReadyMs / 1000} s\nrecords   asked ms  ready ms  RSS peak +MB\n`);
  for (const job of exportJobs) process.stdout.write(`${pad(String(job.records), 10)}${pad(`${job.askedMs} ${job.askedMs <= budgets.exportAskMs ? 'met' : 'NOT MET'}`, 10)}${pad(`${job.readyMs} ${job.readyMs <= budgets.exportReadyMs ? 'met' : 'NOT MET'}`, 10)}${job.peakRssGrowthMb}\n`);
  process.stdout.write(`\nDaily job, ${dailyJob.obligations} overdue obligations in force: ${dailyJob.seconds} s, ${dailyJob.reminders.emails} emails of ${dailyJob.reminders.items} items, process RSS +${dailyJob.peakRssGrowthMb} MB at its peak\n`);
  process.stdout.write(`\nLambda bundles (minified, as deployed) and cold import (fresh process, median of 7), beside their own AWS SDK clients alone; budgets ≤ ${budgets.bundleBytes / 1024} KB, ≤ +${budgets.coldImportExtraMs} ms\n`);
  process.stdout.write(`${pad('bundle', 34)}${pad('KB', 16)}${pad('import ms', 11)}${pad('its SDK clients', 36)}${pad('KB', 8)}${pad('import ms', 11)}added\n`);
  for (const bundle of bundles) {
    const base = bundle.sdkBaseline;
    const added = base ? bundle.coldImportMs - base.coldImportMs : Number.NaN;
    const sizeMet = bundle.bytes <= budgets.bundleBytes ? 'met' : 'NOT MET';
    const importMet = added <= budgets.coldImportExtraMs ? 'met' : 'NOT MET';
    process.stdout.write(`${pad(bundle.name, 34)}${pad(`${(bundle.bytes / 1024).toFixed(0)} ${sizeMet}`, 16)}${pad(bundle.coldImportMs.toFixed(1), 11)}${pad(base?.clients.join(', ') ?? '—', 36)}${pad(base ? (base.bytes / 1024).toFixed(0) : '—', 8)}${pad(base?.coldImportMs.toFixed(1) ?? '—', 11)}${base ? `+${added.toFixed(1)} ms ${importMet}` : ''}\n`);
  }
  process.stdout.write(`\nWhere a cold import goes: the organisations function built up layer by layer (each bundle the one before plus one part)\n${pad('layer', 46)}${pad('KB', 8)}${pad('import ms', 11)}added\n`);
  importLayers.forEach((row, index) => {
    const before = importLayers[index - 1];
    process.stdout.write(`${pad(row.layer, 46)}${pad((row.bytes / 1024).toFixed(0), 8)}${pad(row.coldImportMs.toFixed(1), 11)}${before ? `+${(row.coldImportMs - before.coldImportMs).toFixed(1)} ms, +${((row.bytes - before.bytes) / 1024).toFixed(0)} KB` : ''}\n`);
  });
  process.stdout.write(`\nChecking stored items against their schemas (issue 15), the demo memorandum's page (${entityReads.items} items, ${(entityReads.bytes / 1024).toFixed(1)} KB): ${entityReads.checkedMs} ms checked vs ${entityReads.uncheckedMs} ms unchecked, +${(entityReads.checkedMs - entityReads.uncheckedMs).toFixed(3)} ms = ${(((entityReads.checkedMs - entityReads.uncheckedMs) / memorandumMs) * 100).toFixed(1)} % of GET memorandum's p50 (${memorandumMs} ms)\n`);
  process.stdout.write(`\nSPA first load (entry, preloads, stylesheets; gzip): ${(spa.gzipBytes / 1024).toFixed(1)} KB against a budget of ${budgets.spaFirstLoadKb} KB (${(spa.gzipBytes / 1024 / budgets.spaFirstLoadKb).toFixed(2)}×)\n`);
  for (const file of spa.files) process.stdout.write(`  ${pad(file.file, 50)}${(file.gzipBytes / 1024).toFixed(1)} KB\n`);
  process.stdout.write(`Built files pointing at a public source map: ${spa.publicSourceMaps.length === 0 ? 'none' : spa.publicSourceMaps.join(', ')}\n`);
  process.stdout.write(`\nLighthouse, mobile (simulated slow 4G, 4× CPU), production build; budgets ≥ ${budgets.lighthousePerformance} performance, ${budgets.lighthouseAccessibility} accessibility\n${pad('page', 22)}${pad('performance', 13)}${pad('accessibility', 15)}${pad('FCP ms', 9)}${pad('LCP ms', 9)}${pad('TBT ms', 9)}${pad('SI ms', 9)}CLS ×1000\n`);
  for (const row of lighthouseScores) process.stdout.write(`${pad(row.page, 22)}${pad(row.performance, 13)}${pad(row.accessibility, 15)}${pad(row.firstContentfulPaintMs, 9)}${pad(row.largestContentfulPaintMs, 9)}${pad(row.totalBlockingTimeMs, 9)}${pad(row.speedIndexMs, 9)}${row.cumulativeLayoutShiftMilli}\n`);
  process.stdout.write(`\nBudgets: ≤${budgets.requestsPerCall} DynamoDB request per call; ≤${budgets.detailReadRcu} RCU per detail read, ≤${budgets.listPageRcu} per list page; bundle ≤600 KB; cold import ≤ its SDK clients' + ${budgets.coldImportExtraMs} ms; API ≤ ${budgets.apiOverheadRatio}× raw GetItem.\n`);

  const file = resolve(import.meta.dirname, '../../test-results/bench.json');
  await mkdir(resolve(file, '..'), { recursive: true });
  await writeFile(file, JSON.stringify({ at: new Date().toISOString(), iterations, rawGetItemMs, budgets, routes, entityReads, scaling, dashboardScaling, exportJobs, dailyJob, bundles, importLayers, spa, lighthouse: lighthouseScores }, null, 2));
  process.stdout.write(`Written to ${file}\n`);
} finally {
  await stack.stop();
}
