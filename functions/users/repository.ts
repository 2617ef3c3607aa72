import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getItems } from '../data/batch.js';
import { AppError } from '../core/errors.js';
import type { TableContext } from '../data/client.js';
import { userEmail, userProfile, usersOfOrganisation } from './entities.js';
import { queryAllPages } from '../data/query.js';
import { decodeCursor, encodeCursor, type Page } from '../data/pagination.js';
import { transactWrite, versionedPut, type TxItem } from '../data/transact.js';
import { organisationRecords } from '../organisations/repository.js';
import { readsOf } from '../data/entity.js';
import type { Organisation } from '../organisations/schema.js';
import type { AccountAccess } from '../core/revocation.js';
import type { User } from './schema.js';

export interface UserRepository {
  get(userId: string): Promise<User | undefined>;
  /** The profile and its organisation, in one request. */
  getWithOrganisation(userId: string, orgId: string): Promise<{ profile?: User; organisation?: Organisation }>;
  listByOrganisation(orgId: string, limit: number, cursor: string | undefined): Promise<Page<User>>;
  /** Stores the profile and claims its email, atomically with `alongside`. */
  create(user: User, alongside?: TxItem[]): Promise<void>;
  update(user: User, expectedVersion: number): Promise<void>;
  /** What the access check needs of an account: its status and last revocation (a projection of the profile). */
  accessOf(userId: string): Promise<AccountAccess>;
  /** Every active user of an organisation, every page (the daily reminders). */
  activeOf(orgId: string): Promise<User[]>;
}

const listKeyNames = ['PK', 'SK', 'GSI1PK', 'GSI1SK'];
const toItem = userProfile.item;
const fromItem = userProfile.read;

/** For other modules' repositories that read profiles in their own requests. */
export const userProfileRecords = readsOf(userProfile);

export const userRepository = (ctx: TableContext): UserRepository => ({
  async get(userId) {
    const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: userProfile.key(userId) }));
    return Item ? fromItem(Item) : undefined;
  },

  async getWithOrganisation(userId, orgId) {
    const items = await getItems(ctx, [userProfile.key(userId), organisationRecords.key(orgId)]);
    const profile = items.find(userProfile.is);
    const organisation = items.find(organisationRecords.is);
    return {
      ...(profile ? { profile: fromItem(profile) } : {}),
      ...(organisation ? { organisation: organisationRecords.read(organisation) } : {}),
    };
  },

  async listByOrganisation(orgId, limit, cursor) {
    const partition = usersOfOrganisation(orgId);
    const { Items = [], LastEvaluatedKey } = await ctx.client.send(
      new QueryCommand({
        TableName: ctx.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': partition.GSI1PK },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, { keyNames: listKeyNames, partition }),
      }),
    );
    const nextCursor = encodeCursor(LastEvaluatedKey);
    return { items: Items.map(fromItem), ...(nextCursor ? { nextCursor } : {}) };
  },

  async create(user, alongside = []) {
    await transactWrite(ctx, [
      {
        item: { Put: { TableName: ctx.table, Item: toItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
        onConditionFailed: () => new AppError('already_exists', 'This user already has a profile.'),
      },
      {
        item: { Put: { TableName: ctx.table, Item: userEmail.item({ email: user.email, userId: user.id }), ConditionExpression: 'attribute_not_exists(PK)' } },
        onConditionFailed: () => new AppError('already_exists', 'A user with this email already exists.'),
      },
      ...alongside,
    ]);
  },

  async activeOf(orgId) {
    const items = await queryAllPages(ctx, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': usersOfOrganisation(orgId).GSI1PK } });
    return items.map(fromItem).filter((user) => user.status === 'active');
  },

  async accessOf(userId) {
    const { Item } = await ctx.client.send(
      new GetCommand({ TableName: ctx.table, Key: userProfile.key(userId), ProjectionExpression: 'entity, #status, accessRevokedAt', ExpressionAttributeNames: { '#status': 'status' } }),
    );
    if (!Item) return { status: 'unknown' };
    const access = userProfile.readPart(Item, ['status', 'accessRevokedAt']);
    const revokedAt = access.accessRevokedAt === undefined ? undefined : Date.parse(access.accessRevokedAt);
    return { status: access.status === 'active' ? 'active' : 'disabled', ...(revokedAt === undefined ? {} : { revokedAt }) };
  },

  async update(user, expectedVersion) {
    await transactWrite(ctx, [versionedPut(ctx.table, toItem(user), expectedVersion, 'user')]);
  },
});
