import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { changedOrGone } from '../core/versions.js';
import { getItems } from '../data/batch.js';
import { AppError } from '../core/errors.js';
import type { TableContext } from '../data/client.js';
import { keys } from '../data/keys.js';
import { decodeCursor, encodeCursor, type Page } from '../data/pagination.js';
import { transactWrite, type TxItem } from '../data/transact.js';
import { fromOrganisationItem } from '../organisations/repository.js';
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
}

const entity = 'user';
const listKeyNames = ['PK', 'SK', 'GSI1PK', 'GSI1SK'];

const toItem = (user: User) => ({
  ...keys.userProfile(user.id),
  ...keys.userListKey(user.orgId, user.name, user.id),
  entity,
  ...user,
});

const fromItem = (item: Record<string, unknown>): User => {
  const { PK: _pk, SK: _sk, GSI1PK: _gpk, GSI1SK: _gsk, entity: _entity, ...user } = item;
  return user as User;
};

export const userRepository = (ctx: TableContext): UserRepository => ({
  async get(userId) {
    const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: keys.userProfile(userId) }));
    return Item ? fromItem(Item) : undefined;
  },

  async getWithOrganisation(userId, orgId) {
    const items = await getItems(ctx, [keys.userProfile(userId), keys.organisation(orgId)]);
    const profile = items.find((item) => item.entity === entity);
    const organisation = items.find((item) => item.entity === 'organisation');
    return {
      ...(profile ? { profile: fromItem(profile) } : {}),
      ...(organisation ? { organisation: fromOrganisationItem(organisation) } : {}),
    };
  },

  async listByOrganisation(orgId, limit, cursor) {
    const partition = keys.usersOfOrganisation(orgId);
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
        item: { Put: { TableName: ctx.table, Item: { ...keys.userEmail(user.email), entity: 'userEmail', userId: user.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
        onConditionFailed: () => new AppError('already_exists', 'A user with this email already exists.'),
      },
      ...alongside,
    ]);
  },

  async accessOf(userId) {
    const { Item } = await ctx.client.send(
      new GetCommand({ TableName: ctx.table, Key: keys.userProfile(userId), ProjectionExpression: '#status, accessRevokedAt', ExpressionAttributeNames: { '#status': 'status' } }),
    );
    if (!Item) return { status: 'unknown' };
    const revokedAt = typeof Item.accessRevokedAt === 'string' ? Date.parse(Item.accessRevokedAt) : undefined;
    return { status: Item.status === 'active' ? 'active' : 'disabled', ...(revokedAt === undefined ? {} : { revokedAt }) };
  },

  async update(user, expectedVersion) {
    await transactWrite(ctx, [
      {
        item: {
          Put: {
            TableName: ctx.table,
            Item: toItem(user),
            ConditionExpression: 'attribute_exists(PK) AND version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        onConditionFailed: (stored) => changedOrGone(stored, 'user'),
      },
    ]);
  },
});
