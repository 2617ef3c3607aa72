import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business events as CloudWatch metrics, written as Embedded Metric Format log
 * lines (no API call, no latency). The alarms (infra/constructs/operations.ts)
 * watch these names in this namespace with the one `service` dimension.
 */
export const metricsNamespace = 'Pakt';

export const businessMetrics = {
  memorandaSigned: 'MemorandaSigned',
  reportsAccepted: 'ReportsAccepted',
  integrityFailures: 'IntegrityFailures',
  remindersSent: 'RemindersSent',
} as const;

export type BusinessEvent = keyof typeof businessMetrics;

const metrics = new Metrics({ namespace: metricsNamespace, serviceName: 'pakt' });

/** Publishes at once: an event is counted even when the request fails afterwards. */
export const countEvent = (event: BusinessEvent, count = 1): void => {
  if (count <= 0) return;
  metrics.singleMetric().addMetric(businessMetrics[event], MetricUnit.Count, count);
};
