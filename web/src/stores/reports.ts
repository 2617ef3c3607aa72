import { defineStore } from 'pinia';
import type { Report } from '../../../functions/reports/schema';
import { services } from '../services';

export interface EntryChange {
  obligationId: string;
  status: Report['entries'][number]['status'];
  percentComplete: number;
  narrative?: string;
}

/** Progress reports: the council writes them, the drafting organisation's coordinators review them. */
export const useReportsStore = defineStore('reports', () => {
  const path = (memorandumId: string, reportId?: string) => `/memoranda/${encodeURIComponent(memorandumId)}/reports${reportId ? `/${encodeURIComponent(reportId)}` : ''}`;

  const start = async (memorandumId: string, period: { start: string; end: string }) => (await services().api.send<Report>('POST', path(memorandumId), { period }, { idempotencyKey: crypto.randomUUID() })).body;
  const fetchOne = async (memorandumId: string, reportId: string) => services().api.get<Report>(path(memorandumId, reportId));
  const save = async (memorandumId: string, reportId: string, entries: EntryChange[], etag: string) => services().api.send<Report>('PUT', path(memorandumId, reportId), { entries }, { ifMatch: etag });
  const act = async (memorandumId: string, reportId: string, action: 'submit' | 'accept' | 'return', etag: string, body: object = {}) =>
    services().api.send<Report>('POST', `${path(memorandumId, reportId)}/${action}`, body, { ifMatch: etag });
  const queue = async () => (await services().api.get<{ items: Report[] }>('/reviews?limit=100')).body.items;

  return { start, fetchOne, save, act, queue };
});
