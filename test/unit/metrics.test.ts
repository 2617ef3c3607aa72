import { afterEach, describe, expect, it, vi } from 'vitest';
import { countEvent } from '../../functions/core/metrics.js';

/** The alarms watch these exact names, namespace and dimension (infra/constructs/operations.ts). */
describe('business events', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are published at once as Embedded Metric Format lines CloudWatch turns into the alarms\' metrics', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => lines.push(String(chunk)) > 0);
    countEvent('integrityFailures');
    countEvent('remindersSent', 0);
    countEvent('remindersSent', 3);
    const published = lines.map((line) => JSON.parse(line) as { _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] }; service: string } & Record<string, unknown>);
    expect(published.map((emf) => [emf._aws.CloudWatchMetrics[0]?.Namespace, emf._aws.CloudWatchMetrics[0]?.Dimensions, emf.service, emf._aws.CloudWatchMetrics[0]?.Metrics])).toEqual([
      ['Pakt', [['service']], 'pakt', [{ Name: 'IntegrityFailures', Unit: 'Count' }]],
      ['Pakt', [['service']], 'pakt', [{ Name: 'RemindersSent', Unit: 'Count' }]],
    ]);
    expect(published.map((emf) => [emf.IntegrityFailures, emf.RemindersSent])).toEqual([[1, undefined], [undefined, 3]]);
  });
});
