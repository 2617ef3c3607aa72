import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AppError, notFound } from '../core/errors.js';
import type { TableContext } from '../data/client.js';
import { organisation as organisationEntity, organisationsByName } from './entities.js';
import { getItems } from '../data/batch.js';
import { readsOf } from '../data/entity.js';
import { queryAllPages } from '../data/query.js';
import { decodeCursor, encodeCursor, type Page } from '../data/pagination.js';
import { transactWrite, versionedPut, type TxItem } from '../data/transact.js';
import type { Organisation } from './schema.js';

export interface OrganisationRepository {
  get(orgId: string): Promise<Organisation | undefined>;
  /** The organisations that exist among `orgIds` (one BatchGetItem per 100). */
  getMany(orgIds: string[]): Promise<Map<string, Organisation>>;
  /** Every organisation's id (the daily job's walk). */
  allIds(): Promise<string[]>;
  listByName(limit: number, cursor: string | undefined): Promise<Page<Organisation>>;
  /** Stores a new organisation together with `alongside` (e.g. its idempotency record). */
  create(organisation: Organisation, alongside?: TxItem[]): Promise<void>;
  /** Replaces the organisation if it is still at `expectedVersion`. */
  update(organisation: Organisation, expectedVersion: number): Promise<void>;
  /** The transaction item that records the organisation's first own coordinator: from then on it maintains itself. */
  takenOver(orgId: string, at: string): TxItem;
}

const listIndex = { indexName: 'GSI1', keyNames: ['PK', 'SK', 'GSI1PK', 'GSI1SK'] };
const toItem = organisationEntity.item;

/** For other modules' repositories that read organisations in their own requests. */
export const organisationRecords = readsOf(organisationEntity);
const fromOrganisationItem = organisationEntity.read;

export const organisationRepository = (ctx: TableContext): OrganisationRepository => ({
  async get(orgId) {
    const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: organisationEntity.key(orgId) }));
    return Item ? fromOrganisationItem(Item) : undefined;
  },

  async getMany(orgIds) {
    const items = await getItems(ctx, orgIds.map(organisationEntity.key));
    return new Map(items.map(fromOrganisationItem).map((found) => [found.id, found]));
  },

  async allIds() {
    const items = await queryAllPages(ctx, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': organisationsByName.GSI1PK, ':entity': organisationEntity.tag }, FilterExpression: 'entity = :entity', ProjectionExpression: 'entity, id' });
    return items.map((item) => organisationEntity.readPart(item, ['id']).id);
  },

  async listByName(limit, cursor) {
    const partition = organisationsByName;
    const { Items = [], LastEvaluatedKey } = await ctx.client.send(
      new QueryCommand({
        TableName: ctx.table,
        IndexName: listIndex.indexName,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': partition.GSI1PK },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, { keyNames: listIndex.keyNames, partition }),
      }),
    );
    const nextCursor = encodeCursor(LastEvaluatedKey);
    return { items: Items.map(fromOrganisationItem), ...(nextCursor ? { nextCursor } : {}) };
  },

  async create(organisation, alongside = []) {
    await transactWrite(ctx, [
      {
        item: { Put: { TableName: ctx.table, Item: toItem(organisation), ConditionExpression: 'attribute_not_exists(PK)' } },
        onConditionFailed: () => new AppError('already_exists', 'An organisation with this id already exists.'),
      },
      ...alongside,
    ]);
  },

  takenOver: (orgId, at) => ({
    // The version moves too, so that an edit read before the takeover cannot overwrite it.
    item: {
      Update: {
        TableName: ctx.table, Key: organisationEntity.key(orgId), ConditionExpression: 'attribute_exists(PK)',
        UpdateExpression: 'SET ownCoordinatorSince = if_not_exists(ownCoordinatorSince, :at), version = version + :one',
        ExpressionAttributeValues: { ':at': at, ':one': 1 },
      },
    },
    onConditionFailed: () => notFound('The organisation'),
  }),

  async update(organisation, expectedVersion) {
    await transactWrite(ctx, [versionedPut(ctx.table, toItem(organisation), expectedVersion, 'organisation')]);
  },
});
