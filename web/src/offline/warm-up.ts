import { hasRole, type Actor } from '../../../functions/core/actor';
import { today } from '../../../functions/core/calendar';
import type { MemorandumPage } from '../../../functions/memoranda/schema';
import type { ProgrammeSummary } from '../../../functions/programmes/schema';
import type { Report } from '../../../functions/reports/schema';
import type { ApiClient } from '../api/client';
import { monthRange, openingMonth } from '../components/calendar-month';

/**
 * After signing in, online and once the first screen is done: reads what the person needs in the field,
 * so that it opens offline after this one visit (the API client keeps each read on the device) — the
 * memoranda in force they report on with their events, their open reports, and for coordinators their
 * programmes with this month's calendar and dashboard counts. Once per half hour per tab.
 */
const freshForMs = 30 * 60_000;
const storageKey = 'pakt.warmedUpAt';

const encoded = (id: string) => encodeURIComponent(id);

const readAll = async (api: ApiClient, paths: string[]) => {
  // One at a time: the API is shared with the screen the person is using.
  for (const path of paths) await api.get(path).catch(() => undefined);
};

const memorandaPaths = async (api: ApiClient): Promise<string[]> => {
  const active = (await api.get<MemorandumPage>('/memoranda?status=active&limit=100')).body.items;
  return active.flatMap((memorandum) => [`/memoranda/${encoded(memorandum.id)}`, `/memoranda/${encoded(memorandum.id)}/events`]);
};

const reportPaths = async (api: ApiClient): Promise<string[]> => {
  const open = (await api.get<{ items: Report[] }>('/reports?limit=50')).body.items.filter((report) => report.status === 'draft' || report.status === 'returned');
  return open.map((report) => `/memoranda/${encoded(report.memorandumId)}/reports/${encoded(report.id)}`);
};

const programmePaths = async (api: ApiClient): Promise<string[]> => {
  const programmes = (await api.get<{ items: ProgrammeSummary[] }>('/programmes?limit=25')).body.items;
  return programmes.flatMap((programme) => {
    const base = `/programmes/${encoded(programme.id)}`;
    const range = monthRange(openingMonth(programme.period, today()));
    return [base, `${base}/dashboard`, `${base}/activities?${new URLSearchParams(range).toString()}`];
  });
};

export const warmUpDevice = async (api: ApiClient, actor: Actor): Promise<void> => {
  const last = Number(window.sessionStorage.getItem(storageKey) ?? 0);
  if (Date.now() - last < freshForMs) return;
  window.sessionStorage.setItem(storageKey, String(Date.now()));
  const reports = hasRole(actor, 'council', 'coordinator');
  const paths = [
    '/me',
    ...(reports ? await memorandaPaths(api).catch(() => []) : []),
    ...(reports ? await reportPaths(api).catch(() => []) : []),
    ...(hasRole(actor, 'coordinator') ? await programmePaths(api).catch(() => []) : []),
  ];
  await readAll(api, paths);
};
