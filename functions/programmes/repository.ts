import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { changedOrGone } from '../core/versions.js';
import type { TableContext } from '../data/client.js';
import { getItems } from '../data/batch.js';
import { queryAllPages } from '../data/query.js';
import { programmeFigures, programmeHead, programmeMember, programmesOfOrganisation } from './entities.js';
import { organisationRecords } from '../organisations/repository.js';
import type { Organisation } from '../organisations/schema.js';
import { memorandumHeadRecords, partyFiguresRecords, type PartyFigures } from '../memoranda/repository.js';
import type { MemorandumContent } from '../memoranda/schema.js';
import { trackedObligationRecords } from '../obligations/repository.js';
import type { TrackedObligation } from '../obligations/schema.js';
import type * as z from 'zod/mini';
import type { Counters } from './figures.js';
import { decodeCursor, encodeCursor, type Page } from '../data/pagination.js';
import { transactWrite, type TxItem } from '../data/transact.js';
import type { ProgrammeRole } from './policy.js';
import type { ProgrammeContent, ProgrammeSummary } from './schema.js';

/** A programme as stored: its head, with the secret of its calendar feed. */
export type StoredProgramme = z.infer<typeof programmeHead.schema>;

export interface ProgrammeRepository {
  get(programmeId: string): Promise<StoredProgramme | undefined>;
  create(programme: StoredProgramme, alongside?: TxItem[]): Promise<void>;
  update(programme: StoredProgramme, expectedVersion: number, before: ProgrammeContent): Promise<void>;
  listForOrganisation(orgId: string, limit: number, cursor: string | undefined): Promise<Page<ProgrammeSummary>>;
  /** The ids of the programmes an organisation runs or funds (every page). */
  idsOf(orgId: string): Promise<string[]>;
  /** Of these programmes, those `orgId` runs or funds (one BatchGet over its relationships). */
  ofWhich(orgId: string, programmeIds: string[]): Promise<Set<string>>;
  /** The figures of each programme, by id (one BatchGet for a page). */
  figuresOf(programmeIds: string[]): Promise<Map<string, Counters>>;
  /** What a programme's content names, as far as it exists: organisations and linked memoranda's contents (one BatchGet). */
  references(orgIds: string[], memorandumIds: string[]): Promise<{ organisations: Map<string, Organisation>; memoranda: Map<string, MemorandumContent> }>;
  /** From linked memoranda, in one BatchGet by key: parties' obligation figures and tracked obligations. */
  linkedRecords(parties: { memorandumId: string; orgId: string }[], obligations: { memorandumId: string; obligationId: string }[]): Promise<{ figures: PartyFigures[]; obligations: TrackedObligation[] }>;
}

const listKeyNames = ['PK', 'SK', 'GSI1PK', 'GSI1SK'];

const membersOf = (content: ProgrammeContent): [string, ProgrammeRole][] => [
  ...content.implementingOrgIds.map((orgId): [string, ProgrammeRole] => [orgId, 'implementer']),
  ...content.funderOrgIds.map((orgId): [string, ProgrammeRole] => [orgId, 'funder']),
];

export const programmeRepository = (ctx: TableContext): ProgrammeRepository => {
  const headPut = (programme: StoredProgramme, condition: { expression: string; values?: Record<string, unknown> }): TxItem => ({
    item: {
      Put: {
        TableName: ctx.table, Item: programmeHead.item(programme),
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
          Item: programmeMember.item({ programmeId: programme.id, orgId, role, title: programme.content.title, period: programme.content.period }),
        },
      },
    }));

  return {
    async get(programmeId) {
      const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: programmeHead.key(programmeId) }));
      return Item && programmeHead.is(Item) ? programmeHead.read(Item) : undefined;
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
        ...removed.map(([orgId]): TxItem => ({ item: { Delete: { TableName: ctx.table, Key: programmeMember.key(programme.id, orgId) } } })),
      ]);
    },

    async listForOrganisation(orgId, limit, cursor) {
      const partition = programmesOfOrganisation(orgId);
      const { Items = [], LastEvaluatedKey } = await ctx.client.send(
        new QueryCommand({
          TableName: ctx.table, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': partition.GSI1PK },
          ScanIndexForward: false, Limit: limit, ExclusiveStartKey: decodeCursor(cursor, { keyNames: listKeyNames, partition }),
        }),
      );
      const nextCursor = encodeCursor(LastEvaluatedKey);
      return {
        items: Items.map(programmeMember.read).map(({ programmeId, title, period, role }): ProgrammeSummary => ({ id: programmeId, title, period, role })),
        ...(nextCursor ? { nextCursor } : {}),
      };
    },

    async idsOf(orgId) {
      const items = await queryAllPages(ctx, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': programmesOfOrganisation(orgId).GSI1PK }, ProjectionExpression: 'entity, programmeId' });
      return items.map((item) => programmeMember.readPart(item, ['programmeId']).programmeId);
    },

    async ofWhich(orgId, programmeIds) {
      const items = await getItems(ctx, programmeIds.map((programmeId) => programmeMember.key(programmeId, orgId)), { expression: 'entity, programmeId' });
      return new Set(items.map((item) => programmeMember.readPart(item, ['programmeId']).programmeId));
    },

    async figuresOf(programmeIds) {
      const idOf = new Map(programmeIds.map((programmeId) => [programmeFigures.key(programmeId).PK, programmeId]));
      const items = await getItems(ctx, programmeIds.map(programmeFigures.key));
      return new Map(items.map((item) => [idOf.get(String(item.PK)) ?? '', programmeFigures.read(item)]));
    },

    async references(orgIds, memorandumIds) {
      const items = await getItems(ctx, [...orgIds.map(organisationRecords.key), ...memorandumIds.map(memorandumHeadRecords.key)]);
      return {
        organisations: new Map(organisationRecords.readAll(items).map((organisation) => [organisation.id, organisation])),
        memoranda: new Map(memorandumHeadRecords.readAll(items).map((head) => [head.id, head.content])),
      };
    },

    async linkedRecords(parties, obligations) {
      const items = await getItems(ctx, [...parties.map(({ memorandumId, orgId }) => partyFiguresRecords.key(memorandumId, orgId)), ...obligations.map(({ memorandumId, obligationId }) => trackedObligationRecords.key(memorandumId, obligationId))]);
      return { figures: partyFiguresRecords.readAll(items), obligations: trackedObligationRecords.readAll(items) };
    },
  };
};
