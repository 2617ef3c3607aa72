import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { AppError, notFound } from '../core/errors.js';
import type { TableContext } from '../data/client.js';
import { keys } from '../data/keys.js';
import { transactWrite, type TxItem } from '../data/transact.js';
import type { Report } from './schema.js';

/** A report as stored: with the drafting organisation that reviews it. */
export interface StoredReport extends Report {
  draftingOrgId: string;
}

export interface ReportRepository {
  get(memorandumId: string, reportId: string): Promise<StoredReport | undefined>;
  /** Creates the report unless one exists for the organisation and period. */
  create(report: StoredReport, alongside?: TxItem[]): Promise<void>;
  update(report: StoredReport, expectedVersion: number): Promise<void>;
}

const toItem = (report: StoredReport) => ({
  ...keys.progressReport(report.memorandumId, report.id),
  ...(report.status === 'submitted' && report.submittedAt ? keys.reviewQueueKey(report.draftingOrgId, report.submittedAt, report.memorandumId, report.id) : {}),
  entity: 'progressReport',
  ...report,
});

const fromItem = (item: Record<string, unknown>): StoredReport => {
  const { PK: _pk, SK: _sk, GSI1PK: _gpk, GSI1SK: _gsk, entity: _entity, ...report } = item;
  return report as unknown as StoredReport;
};

export const reportRepository = (ctx: TableContext): ReportRepository => ({
  async get(memorandumId, reportId) {
    const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: keys.progressReport(memorandumId, reportId) }));
    return Item?.entity === 'progressReport' ? fromItem(Item) : undefined;
  },

  async create(report, alongside = []) {
    await transactWrite(ctx, [
      {
        item: { Put: { TableName: ctx.table, Item: toItem(report), ConditionExpression: 'attribute_not_exists(PK)' } },
        onConditionFailed: () => new AppError('already_exists', 'Your organisation already has a report for this memorandum and period. Open it instead.'),
      },
      ...alongside,
    ]);
  },

  async update(report, expectedVersion) {
    await transactWrite(ctx, [
      {
        item: {
          Put: {
            TableName: ctx.table, Item: toItem(report),
            ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        onConditionFailed: (stored) => (stored ? new AppError('stale_version', 'The report changed since you read it. Reload it and try again.') : notFound('The report')),
      },
    ]);
  },
});
