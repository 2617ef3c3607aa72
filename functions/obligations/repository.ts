import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../data/client.js';
import { readsOf } from '../data/entity.js';
import { draftedObligationsOfOrganisation, obligationsInMemorandum, obligationsOfOrganisation, trackedObligation } from './entities.js';
import { decodeCursor, encodeCursor, type Page, type PageKey } from '../data/pagination.js';
import { queryAllPages } from '../data/query.js';
import type { ObligationStatus, TrackedObligation } from './schema.js';

export interface ObligationRepository {
  /** An organisation's obligations across memoranda, by first due date (undated last). */
  listForOwner(orgId: string, options: { limit: number; cursor?: string; status?: ObligationStatus; memorandumId?: string; dueBefore?: string }): Promise<Page<TrackedObligation>>;
  /** Open obligations (neither done nor cancelled) on the memoranda an organisation drafted, first due on or before `dueBefore`, by that date. */
  listOpenDrafted(draftingOrgId: string, options: { limit: number; cursor?: string; dueBefore: string }): Promise<Page<TrackedObligation>>;
  /** Every obligation an organisation owns, every page (the daily reminders). */
  allForOwner(orgId: string): Promise<TrackedObligation[]>;
}

/** The stored item of a tracked obligation, for other modules' transactions (signing, amendments, accepted reports). */
export const toObligationItem = trackedObligation.item;
/** For other modules' repositories: tracked obligations read in their own queries and batch reads. */
export const trackedObligationRecords = readsOf(trackedObligation);
const fromObligationItem = trackedObligation.read;

/** A filtered page may match fewer items than it reads: read on (`maxReads` reads at most) to fill the page. */
const filledPage = async (
  ctx: TableContext,
  query: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
  { limit, start: from, maxReads }: { limit: number; start: PageKey | undefined; maxReads: number },
): Promise<Page<TrackedObligation>> => {
  const items: TrackedObligation[] = [];
  let start = from;
  for (let read = 0; read < maxReads; read += 1) {
    const result = await ctx.client.send(new QueryCommand({ ...query, TableName: ctx.table, Limit: limit - items.length, ExclusiveStartKey: start }));
    items.push(...(result.Items ?? []).map(fromObligationItem));
    start = result.LastEvaluatedKey as PageKey | undefined;
    if (!start || items.length >= limit) break;
  }
  const nextCursor = encodeCursor(start);
  return { items, ...(nextCursor ? { nextCursor } : {}) };
};

export const obligationRepository = (ctx: TableContext): ObligationRepository => ({
  async listForOwner(orgId, { limit, cursor, status, memorandumId, dueBefore }) {
    const statusFilter = status ? { filter: '#status = :status', names: { '#status': 'status' }, values: { ':status': status } } : undefined;
    if (memorandumId) {
      // One memorandum's obligations live in its partition: read them there, exactly.
      const items = await queryAllPages(ctx, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :obligations)',
        FilterExpression: ['ownerOrgId = :owner', ...(statusFilter ? [statusFilter.filter] : []), ...(dueBefore ? ['dueDate <= :until'] : [])].join(' AND '),
        ...(statusFilter ? { ExpressionAttributeNames: statusFilter.names } : {}),
        ExpressionAttributeValues: { ':pk': obligationsInMemorandum(memorandumId).PK, ':obligations': obligationsInMemorandum(memorandumId).SKPrefix, ':owner': orgId, ...statusFilter?.values, ...(dueBefore ? { ':until': dueBefore } : {}) },
      });
      const sorted = items.map(fromObligationItem).sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.obligationId.localeCompare(b.obligationId));
      return { items: sorted };
    }
    const partition = obligationsOfOrganisation(orgId);
    return filledPage(ctx, {
      IndexName: 'GSI1',
      KeyConditionExpression: dueBefore ? 'GSI1PK = :pk AND GSI1SK <= :until' : 'GSI1PK = :pk',
      ...(statusFilter ? { FilterExpression: statusFilter.filter, ExpressionAttributeNames: statusFilter.names } : {}),
      ExpressionAttributeValues: { ':pk': partition.GSI1PK, ...(dueBefore ? { ':until': `${dueBefore}#~` } : {}), ...statusFilter?.values },
    }, { limit, start: decodeCursor(cursor, { keyNames: ['PK', 'SK', 'GSI1PK', 'GSI1SK'], partition }), maxReads: statusFilter ? 5 : 1 });
  },

  async listOpenDrafted(draftingOrgId, { limit, cursor, dueBefore }) {
    const partition = draftedObligationsOfOrganisation(draftingOrgId);
    // Closed obligations are filtered out after the read.
    return filledPage(ctx, {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :until',
      FilterExpression: 'NOT #status IN (:done, :cancelled)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': partition.GSI2PK, ':until': `${dueBefore}#~`, ':done': 'done', ':cancelled': 'cancelled' },
    }, { limit, start: decodeCursor(cursor, { keyNames: ['PK', 'SK', 'GSI2PK', 'GSI2SK'], partition }), maxReads: 5 });
  },

  async allForOwner(orgId) {
    const items = await queryAllPages(ctx, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': obligationsOfOrganisation(orgId).GSI1PK } });
    return items.map(fromObligationItem);
  },
});
