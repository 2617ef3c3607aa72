import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { changedOrGone } from '../core/versions.js';
import { AppError } from '../core/errors.js';
import type { TableContext } from '../data/client.js';
import { openReportsOfOrganisation, progressReport, reviewQueueOf } from './entities.js';
import { readsOf } from '../data/entity.js';
import { acceptedReportFigures } from '../memoranda/repository.js';
import type * as z from 'zod/mini';
import { transactWrite, type TxItem } from '../data/transact.js';
import { decodeCursor, encodeCursor, type Page } from '../data/pagination.js';
import { toObligationItem } from '../obligations/repository.js';
import type { TrackedObligation } from '../obligations/schema.js';
import type { ProgressDelta } from './acceptance.js';

/** A report as stored: with the drafting organisation that reviews it. */
export type StoredReport = z.infer<typeof progressReport.schema>;

/** For other modules' repositories: the reports among a memorandum's items. */
export const reportRecords = readsOf(progressReport);

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

const toItem = progressReport.item;
const fromItem = progressReport.read;

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
    const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: progressReport.key(memorandumId, reportId) }));
    return Item && progressReport.is(Item) ? fromItem(Item) : undefined;
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
      acceptedReportFigures(ctx.table, report, delta, report.reviewedAt ?? report.updatedAt),
    ]);
  },

  async reviewQueue(draftingOrgId, limit, cursor) {
    return listPage(reviewQueueOf(draftingOrgId), { limit, cursor, newestFirst: false });
  },

  async openReports(orgId, limit, cursor) {
    return listPage(openReportsOfOrganisation(orgId), { limit, cursor, newestFirst: true });
  },

  async update(report, expectedVersion, alongside = []) {
    await transactWrite(ctx, [reportPut(report, expectedVersion), ...alongside]);
  },
  };
};
