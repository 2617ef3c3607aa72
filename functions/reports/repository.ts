import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { changedOrGone } from '../core/versions.js';
import { AppError } from '../core/errors.js';
import type { TableContext } from '../data/client.js';
import { keys } from '../data/keys.js';
import { transactWrite, type TxItem } from '../data/transact.js';
import { decodeCursor, encodeCursor, type Page } from '../data/pagination.js';
import { toObligationItem } from '../obligations/repository.js';
import type { TrackedObligation } from '../obligations/schema.js';
import type { ProgressDelta } from './acceptance.js';
import type { Report } from './schema.js';

/** A report as stored: with the drafting organisation that reviews it. */
export interface StoredReport extends Report {
  draftingOrgId: string;
}

export interface ReportRepository {
  get(memorandumId: string, reportId: string): Promise<StoredReport | undefined>;
  /** Creates the report unless one exists for the organisation and period. */
  create(report: StoredReport, alongside?: TxItem[]): Promise<void>;
  update(report: StoredReport, expectedVersion: number, alongside?: TxItem[]): Promise<void>;
  /** The report accepted together with its obligations' new state and the party's figures, in one transaction. */
  accept(report: StoredReport, expectedVersion: number, change: { before: TrackedObligation[]; after: TrackedObligation[]; delta: ProgressDelta }): Promise<void>;
  reviewQueue(draftingOrgId: string, limit: number, cursor: string | undefined): Promise<Page<StoredReport>>;
  /** An organisation's drafts and returned reports, latest change first. */
  openReports(orgId: string, limit: number, cursor: string | undefined): Promise<Page<StoredReport>>;
}

/** A report sits in one list at a time: its organisation's open reports while in its hands, the drafter's review queue while submitted. */
const listKeyOf = (report: StoredReport) => {
  if (report.status === 'submitted' && report.submittedAt) return keys.reviewQueueKey(report.draftingOrgId, report.submittedAt, report.memorandumId, report.id);
  if (report.status === 'draft' || report.status === 'returned') return keys.openReportKey(report.orgId, report.updatedAt, report.memorandumId, report.id);
  return {};
};

const toItem = (report: StoredReport) => ({
  ...keys.progressReport(report.memorandumId, report.id),
  ...listKeyOf(report),
  entity: 'progressReport',
  ...report,
});

const fromItem = (item: Record<string, unknown>): StoredReport => {
  const { PK: _pk, SK: _sk, GSI1PK: _gpk, GSI1SK: _gsk, entity: _entity, ...report } = item;
  return report as unknown as StoredReport;
};

export const reportRepository = (ctx: TableContext): ReportRepository => {
  const reportPut = (report: StoredReport, expectedVersion: number): TxItem => ({
    item: {
      Put: {
        TableName: ctx.table, Item: toItem(report),
        ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    onConditionFailed: (stored) => changedOrGone(stored, 'report'),
  });
  const listPage = async (partition: { GSI1PK: string }, { limit, cursor, newestFirst }: { limit: number; cursor: string | undefined; newestFirst: boolean }): Promise<Page<StoredReport>> => {
    const { Items = [], LastEvaluatedKey } = await ctx.client.send(
      new QueryCommand({
        TableName: ctx.table, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': partition.GSI1PK }, Limit: limit,
        ScanIndexForward: !newestFirst,
        ExclusiveStartKey: decodeCursor(cursor, { keyNames: ['PK', 'SK', 'GSI1PK', 'GSI1SK'], partition }),
      }),
    );
    const nextCursor = encodeCursor(LastEvaluatedKey);
    return { items: Items.map(fromItem), ...(nextCursor ? { nextCursor } : {}) };
  };
  return {
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

  async accept(report, expectedVersion, { before, after, delta }) {
    await transactWrite(ctx, [
      reportPut(report, expectedVersion),
      ...after.map((obligation, index): TxItem => {
        const previous = before[index]?.version;
        return {
          item: {
            Put: {
              TableName: ctx.table,
              Item: toObligationItem(obligation),
              ConditionExpression: previous === undefined ? 'attribute_not_exists(version)' : 'version = :previous',
              ...(previous === undefined ? {} : { ExpressionAttributeValues: { ':previous': previous } }),
            },
          },
          onConditionFailed: () => new AppError('conflict', 'Another report on the same obligations was accepted at the same time. Reload and review again.'),
        };
      }),
      {
        item: {
          Update: {
            TableName: ctx.table, Key: keys.partyProgress(report.memorandumId, report.orgId),
            // The party's latest accepted report travels with its figures: dashboards read both by key.
            UpdateExpression: 'ADD done :done, percentSum :percentSum SET lastAcceptedReport = :last', ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':done': delta.done, ':percentSum': delta.percentSum, ':last': { reportId: report.id, period: report.period, acceptedAt: report.reviewedAt ?? report.updatedAt } },
          },
        },
      },
    ]);
  },

  async reviewQueue(draftingOrgId, limit, cursor) {
    return listPage({ GSI1PK: `ORG#${draftingOrgId}#REVIEW` }, { limit, cursor, newestFirst: false });
  },

  async openReports(orgId, limit, cursor) {
    return listPage(keys.openReportsOfOrganisation(orgId), { limit, cursor, newestFirst: true });
  },

  async update(report, expectedVersion, alongside = []) {
    await transactWrite(ctx, [reportPut(report, expectedVersion), ...alongside]);
  },
  };
};
