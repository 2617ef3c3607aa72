import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { changedOrGone } from '../core/versions.js';
import type { TableContext } from '../data/client.js';
import { getItems } from '../data/batch.js';
import { keys, type ItemKey } from '../data/keys.js';
import { decodeCursor, encodeCursor, type Page } from '../data/pagination.js';
import { transactWrite, type TxItem } from '../data/transact.js';
import type { ProgrammeRole } from './policy.js';
import type { ProgrammeContent, ProgrammeSummary } from './schema.js';

/** A programme as stored: its head, with the secret of its calendar feed. */
export interface StoredProgramme {
  id: string;
  content: ProgrammeContent;
  createdByOrgId: string;
  /** The lead implementer; absent on programmes from before leads, whose creator leads. */
  leadOrgId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The secret in the programme's iCalendar link; never shown to funders. */
  calendarToken: string;
  /** The parties of each linked memorandum, resolved when it was linked: their figures are read by key. */
  linkedParties: { memorandumId: string; orgIds: string[] }[];
}

export interface ProgrammeRepository {
  get(programmeId: string): Promise<StoredProgramme | undefined>;
  create(programme: StoredProgramme, alongside?: TxItem[]): Promise<void>;
  update(programme: StoredProgramme, expectedVersion: number, before: ProgrammeContent): Promise<void>;
  listForOrganisation(orgId: string, limit: number, cursor: string | undefined): Promise<Page<ProgrammeSummary>>;
  /** The items under these keys that exist, by `keyString` (one BatchGet of up to 100 keys). */
  getMany(itemKeys: ItemKey[]): Promise<Map<string, Record<string, unknown>>>;
}

const listKeyNames = ['PK', 'SK', 'GSI1PK', 'GSI1SK'];
export const keyString = (key: ItemKey) => `${key.PK}|${key.SK}`;

const membersOf = (content: ProgrammeContent): [string, ProgrammeRole][] => [
  ...content.implementingOrgIds.map((orgId): [string, ProgrammeRole] => [orgId, 'implementer']),
  ...content.funderOrgIds.map((orgId): [string, ProgrammeRole] => [orgId, 'funder']),
];

export const programmeRepository = (ctx: TableContext): ProgrammeRepository => {
  const headPut = (programme: StoredProgramme, condition: { expression: string; values?: Record<string, unknown> }): TxItem => ({
    item: {
      Put: {
        TableName: ctx.table, Item: { ...keys.programmeHead(programme.id), entity: 'programme', ...programme },
        ConditionExpression: condition.expression, ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    onConditionFailed: (stored) => changedOrGone(stored, 'programme'),
  });
  const memberPuts = (programme: StoredProgramme): TxItem[] =>
    membersOf(programme.content).map(([orgId, role]) => ({
      item: {
        Put: {
          TableName: ctx.table,
          Item: {
            ...keys.programmeMember(programme.id, orgId), ...keys.programmeListKey(orgId, programme.content.period.start, programme.id),
            entity: 'programmeMember', programmeId: programme.id, orgId, role, title: programme.content.title, period: programme.content.period,
          },
        },
      },
    }));

  return {
    async get(programmeId) {
      const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: keys.programmeHead(programmeId) }));
      if (Item?.entity !== 'programme') return undefined;
      const { PK: _pk, SK: _sk, entity: _entity, ...programme } = Item;
      return programme as StoredProgramme;
    },

    async create(programme, alongside = []) {
      await transactWrite(ctx, [headPut(programme, { expression: 'attribute_not_exists(PK)' }), ...memberPuts(programme), ...alongside]);
    },

    async update(programme, expectedVersion, before) {
      const now = new Set(membersOf(programme.content).map(([orgId]) => orgId));
      const removed = membersOf(before).filter(([orgId]) => !now.has(orgId));
      await transactWrite(ctx, [
        headPut(programme, { expression: 'version = :expected', values: { ':expected': expectedVersion } }),
        ...memberPuts(programme),
        ...removed.map(([orgId]): TxItem => ({ item: { Delete: { TableName: ctx.table, Key: keys.programmeMember(programme.id, orgId) } } })),
      ]);
    },

    async listForOrganisation(orgId, limit, cursor) {
      const partition = keys.programmesOfOrganisation(orgId);
      const { Items = [], LastEvaluatedKey } = await ctx.client.send(
        new QueryCommand({
          TableName: ctx.table, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': partition.GSI1PK },
          ScanIndexForward: false, Limit: limit, ExclusiveStartKey: decodeCursor(cursor, { keyNames: listKeyNames, partition }),
        }),
      );
      const nextCursor = encodeCursor(LastEvaluatedKey);
      return {
        items: Items.map((item) => ({ id: String(item.programmeId), title: item.title as ProgrammeSummary['title'], period: item.period as ProgrammeSummary['period'], role: item.role as ProgrammeRole })),
        ...(nextCursor ? { nextCursor } : {}),
      };
    },

    async getMany(itemKeys) {
      return new Map((await getItems(ctx, itemKeys)).map((item) => [keyString(item as unknown as ItemKey), item]));
    },
  };
};
