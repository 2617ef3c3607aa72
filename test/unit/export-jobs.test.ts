import { describe, expect, it } from 'vitest';
import { dataVersionOf, exportJobIdOf, jobView, needsSending } from '../../functions/exports/jobs.js';
import type { StoredExportJob } from '../../functions/exports/repository.js';

const parts = { programmeId: '01J00000000000000000000301', request: { kind: 'report.pdf' as const }, range: { start: '2026-01-01', end: '2026-06-30' }, audience: 'funder' as const, dataVersion: dataVersionOf(3, 41, []) };

describe('export jobs', () => {
  it('are the same job for the same programme, kind, period, audience and data; another for any of them changed', () => {
    const id = exportJobIdOf(parts);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(exportJobIdOf({ ...parts })).toBe(id);
    expect(exportJobIdOf({ ...parts, audience: 'implementer' })).not.toBe(id);
    expect(exportJobIdOf({ ...parts, range: { start: '2026-01-01', end: '2026-06-29' } })).not.toBe(id);
    expect(exportJobIdOf({ ...parts, request: { kind: 'indicators.csv' }, range: undefined })).not.toBe(id);
    expect(exportJobIdOf({ ...parts, dataVersion: dataVersionOf(3, 42, []) })).not.toBe(id);
    expect(exportJobIdOf({ ...parts, dataVersion: dataVersionOf(3, 41, [{ done: 1 }]) })).not.toBe(id);
  });

  it('are sent off again when they failed, or sat queued so long that their message was lost; never while under way or done', () => {
    const now = '2026-12-02T12:00:00.000Z';
    expect(needsSending({ status: 'failed', updatedAt: now }, now)).toBe(true);
    expect(needsSending({ status: 'queued', updatedAt: '2026-12-02T11:57:00.000Z' }, now)).toBe(true);
    expect(needsSending({ status: 'queued', updatedAt: '2026-12-02T11:59:30.000Z' }, now)).toBe(false);
    expect(needsSending({ status: 'running', updatedAt: '2026-12-01T00:00:00.000Z' }, now)).toBe(false);
    expect(needsSending({ status: 'done', updatedAt: '2026-12-01T00:00:00.000Z' }, now)).toBe(false);
  });

  it('show their asker the state, never the stored file key, audience or asker', () => {
    const stored: StoredExportJob = {
      id: exportJobIdOf(parts), programmeId: parts.programmeId, kind: 'report.pdf', range: parts.range, audience: 'funder', requestedBy: { userId: 'u', orgId: parts.programmeId },
      dataVersion: parts.dataVersion, status: 'failed', progress: 30, attempts: 3, problem: 'The file could not be made.', createdAt: '2026-12-02T12:00:00.000Z', updatedAt: '2026-12-02T12:00:05.000Z', expiresAt: 0,
      file: { key: 'exports/x', filename: 'f.pdf', contentType: 'application/pdf', sha256: 'a', size: 1 },
    };
    expect(jobView(stored)).toEqual({ id: stored.id, programmeId: stored.programmeId, kind: 'report.pdf', range: parts.range, status: 'failed', progress: 30, createdAt: stored.createdAt, updatedAt: stored.updatedAt, problem: 'The file could not be made.' });
  });
});
