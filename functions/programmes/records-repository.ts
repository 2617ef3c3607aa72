import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { changedOrGone } from '../core/versions.js';
import type { TableContext } from '../data/client.js';
import { activity as activityEntity, activityCalendar, assistanceTally, caseRecord, casesKeptBy, indicatorActual, networkMember, programmeFigures, programmeHead, programmeMember, recordsOf, spend as spendEntity } from './entities.js';
import type * as z from 'zod/mini';
import { queryAllPages } from '../data/query.js';
import { getItems } from '../data/batch.js';
import type { ItemKey, StoredItem } from '../data/entity.js';
import { transactWrite, versionedPut as sharedVersionedPut, type TxItem } from '../data/transact.js';
import { actualKey, type Counters } from './figures.js';
import type { Activity, CaseRecord, IndicatorActual, Member, ProgrammeContent, Spend, Tally } from './schema.js';
import type { ProgrammeRole } from './policy.js';

/**
 * A programme's records (activities, assistance tallies, indicator actuals) and
 * its figures item. Every write is one transaction: the record, conditional on
 * the version the caller read (0: it must not exist yet), and the figures'
 * exact change, so the dashboard can never disagree with the records.
 */
export interface RecordsRepository {
  getActivity(programmeId: string, activityId: string): Promise<Activity | undefined>;
  putActivity(activity: Activity, expectedVersion: number, delta: Counters, alongside?: TxItem[]): Promise<void>;
  /** An activity and the members whose links to it changed, each conditional on the version read, with the figures' change. */
  putParticipants(activity: Activity, expectedVersion: number, members: { member: Member; expectedVersion: number }[], delta: Counters): Promise<void>;
  calendar(programmeId: string, range: { from?: string; to?: string }): Promise<Activity[]>;
  getTally(programmeId: string, tallyId: string): Promise<Tally | undefined>;
  putTally(tally: Tally, expectedVersion: number, delta: Counters): Promise<void>;
  tallies(programmeId: string): Promise<Tally[]>;
  getActual(programmeId: string, indicatorId: string, period: string): Promise<IndicatorActual | undefined>;
  putActual(actual: IndicatorActual, expectedVersion: number): Promise<void>;
  actuals(programmeId: string): Promise<IndicatorActual[]>;
  /**
   * Records of one kind with what tells the caller's access, in one Query: their
   * sort keys lie next to the caller's member item (network, spending) or the
   * programme's head (indicator actuals); items between them are filtered out
   * by DynamoDB. The caller decides access before using any record.
   */
  networkBeside(programmeId: string, orgId: string): Promise<{ relationship?: ProgrammeRole; items: StoredMember[] }>;
  spendingBeside(programmeId: string, orgId: string): Promise<{ relationship?: ProgrammeRole; items: Spend[] }>;
  actualsBeside(programmeId: string): Promise<{ content?: ProgrammeContent; items: IndicatorActual[] }>;
  figures(programmeId: string): Promise<Counters>;
  /** How many writes the programme's records have had: what an export's data version is told by. */
  figuresRevision(programmeId: string): Promise<number>;
  getSpend(programmeId: string, month: string, lineId: string): Promise<Spend | undefined>;
  putSpend(spend: Spend, expectedVersion: number, delta: Counters): Promise<void>;
  getMember(programmeId: string, memberId: string): Promise<StoredMember | undefined>;
  /** The members that exist among `memberIds` (one BatchGet). */
  getMembers(programmeId: string, memberIds: string[]): Promise<StoredMember[]>;
  /** A member (or its anonymous remnant), with the network figures' change. */
  putMember(member: StoredMember, expectedVersion: number, delta: Counters, alongside?: TxItem[]): Promise<void>;
  getCase(programmeId: string, orgId: string, caseId: string): Promise<CaseRecord | undefined>;
  putCase(record: CaseRecord, expectedVersion: number, alongside?: TxItem[]): Promise<void>;
  deleteCase(record: CaseRecord, expectedVersion: number): Promise<void>;
  cases(programmeId: string, orgId: string): Promise<CaseRecord[]>;
  /** How many case records an organisation keeps in the programme (counted, not read). */
  caseCount(programmeId: string, orgId: string): Promise<number>;
}

/** A stored network member; once removed on request, only what the counts need is left. */
export type StoredMember = z.infer<typeof networkMember.schema>;

const activityItem = activityEntity.item;
/** Kept on the figures item beside the counters, never counted. */
const revisionAttribute = 'revision';
const memberItem = networkMember.item;

export const recordsRepository = (ctx: TableContext): RecordsRepository => {
  const get = async <T>(entity: { is: (item: StoredItem) => boolean; read: (item: StoredItem) => T }, key: ItemKey): Promise<T | undefined> => {
    const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: key }));
    return Item && entity.is(Item) ? entity.read(Item) : undefined;
  };
  const all = async <T>(entity: { readAll: (items: StoredItem[]) => T[] }, { PK, SKPrefix }: { PK: string; SKPrefix: string }): Promise<T[]> =>
    entity.readAll(await queryAllPages(ctx, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': PK, ':prefix': SKPrefix } }));
  const versionedPut = (item: Record<string, unknown>, expectedVersion: number, what: string): TxItem => sharedVersionedPut(ctx.table, item, expectedVersion, what);
  /**
   * One Query from the item at `beside` to the records under `records.SKPrefix`
   * (or back): the records and that item. What sorts between them is of the
   * same two kinds (other organisations' member items, at most a few): see the
   * partition's layout in entities.ts. Records are picked by their tag.
   */
  const besideQuery = async (records: { PK: string; SKPrefix: string }, beside: ItemKey): Promise<{ records: StoredItem[]; beside?: StoredItem }> => {
    // '$' follows '#': the upper bound past every key under the prefix.
    const prefixEnd = `${records.SKPrefix.slice(0, -1)}$`;
    const [low, high] = beside.SK < records.SKPrefix ? [beside.SK, prefixEnd] : [records.SKPrefix, beside.SK];
    const items = await queryAllPages(ctx, { KeyConditionExpression: 'PK = :pk AND SK BETWEEN :low AND :high', ExpressionAttributeValues: { ':pk': records.PK, ':low': low, ':high': high } });
    const found = items.find((item) => item.SK === beside.SK);
    return { records: items.filter((item) => typeof item.SK === 'string' && item.SK.startsWith(records.SKPrefix)), ...(found ? { beside: found } : {}) };
  };
  const withMembership = async <T>(entity: { readAll: (items: StoredItem[]) => T[] }, records: { PK: string; SKPrefix: string }, programmeId: string, orgId: string) => {
    const read = await besideQuery(records, programmeMember.key(programmeId, orgId));
    return { ...(read.beside ? { relationship: programmeMember.read(read.beside).role } : {}), items: entity.readAll(read.records) };
  };
  /**
   * ADD the counters' changes and SET the values; the revision moves with every record
   * written (an export of unchanged data is reused while it stays: exports/data-version.ts).
   */
  const figuresUpdate = (programmeId: string, change: { add?: Counters; set?: Counters }): TxItem[] => {
    const added: [string, number][] = [[revisionAttribute, 1], ...Object.entries(change.add ?? {}).filter(([, value]) => value !== 0)];
    const set = Object.entries(change.set ?? {});
    const names: Record<string, string> = {};
    const values: Record<string, number> = {};
    const clause = (entries: [string, number][], prefix: string, form: (name: string, value: string) => string) =>
      entries.map(([key, value], index) => {
        names[`#${prefix}${index}`] = key;
        values[`:${prefix}${index}`] = value;
        return form(`#${prefix}${index}`, `:${prefix}${index}`);
      }).join(', ');
    const setClause = [clause(set, 's', (name, value) => `${name} = ${value}`), programmeFigures.tagging.set].filter(Boolean).join(', ');
    const expression = `ADD ${clause(added, 'a', (name, value) => `${name} ${value}`)} SET ${setClause}`;
    return [{
      item: {
        Update: {
          TableName: ctx.table, Key: programmeFigures.key(programmeId), UpdateExpression: expression,
          ExpressionAttributeNames: { ...names, ...programmeFigures.tagging.names }, ExpressionAttributeValues: { ...values, ...programmeFigures.tagging.values },
        },
      },
    }];
  };

  return {
    getActivity: (programmeId, activityId) => get(activityEntity, activityEntity.key(programmeId, activityId)),
    async putActivity(activity, expectedVersion, delta, alongside = []) {
      await transactWrite(ctx, [versionedPut(activityItem(activity), expectedVersion, 'activity'), ...figuresUpdate(activity.programmeId, { add: delta }), ...alongside]);
    },
    async putParticipants(activity, expectedVersion, members, delta) {
      await transactWrite(ctx, [
        versionedPut(activityItem(activity), expectedVersion, 'activity'),
        ...members.map(({ member, expectedVersion: memberVersion }) => versionedPut(memberItem(member), memberVersion, 'network member')),
        ...figuresUpdate(activity.programmeId, { add: delta }),
      ]);
    },
    async calendar(programmeId, { from, to }) {
      const pk = activityCalendar(programmeId).GSI1PK;
      const range = from && to ? ' AND GSI1SK BETWEEN :from AND :to' : from ? ' AND GSI1SK >= :from' : to ? ' AND GSI1SK <= :to' : '';
      const items = await queryAllPages(ctx, {
        IndexName: 'GSI1', KeyConditionExpression: `GSI1PK = :pk${range}`,
        ExpressionAttributeValues: { ':pk': pk, ...(from ? { ':from': from } : {}), ...(to ? { ':to': `${to}#~` } : {}) },
      });
      return items.map(activityEntity.read);
    },

    getTally: (programmeId, tallyId) => get(assistanceTally, assistanceTally.key(programmeId, tallyId)),
    async putTally(tally, expectedVersion, delta) {
      await transactWrite(ctx, [versionedPut(assistanceTally.item(tally), expectedVersion, 'tally'), ...figuresUpdate(tally.programmeId, { add: delta })]);
    },
    async tallies(programmeId) {
      return all(assistanceTally, recordsOf(programmeId, 'tallies'));
    },

    getActual: (programmeId, indicatorId, period) => get(indicatorActual, indicatorActual.key(programmeId, indicatorId, period)),
    async putActual(actual, expectedVersion) {
      await transactWrite(ctx, [
        versionedPut(indicatorActual.item(actual), expectedVersion, 'indicator actual'),
        ...figuresUpdate(actual.programmeId, { set: { [actualKey(actual.indicatorId, actual.period)]: actual.value } }),
      ]);
    },
    async actuals(programmeId) {
      return all(indicatorActual, recordsOf(programmeId, 'actuals'));
    },

    getSpend: (programmeId, month, lineId) => get(spendEntity, spendEntity.key(programmeId, month, lineId)),
    async putSpend(spend, expectedVersion, delta) {
      await transactWrite(ctx, [versionedPut(spendEntity.item(spend), expectedVersion, 'spending record'), ...figuresUpdate(spend.programmeId, { add: delta })]);
    },
    getMember: (programmeId, memberId) => get(networkMember, networkMember.key(programmeId, memberId)),
    async getMembers(programmeId, memberIds) {
      return networkMember.readAll(await getItems(ctx, memberIds.map((memberId) => networkMember.key(programmeId, memberId))));
    },
    async putMember(member, expectedVersion, delta, alongside = []) {
      await transactWrite(ctx, [versionedPut(memberItem(member), expectedVersion, 'network member'), ...figuresUpdate(member.programmeId, { add: delta }), ...alongside]);
    },
    getCase: (programmeId, orgId, caseId) => get(caseRecord, caseRecord.key(programmeId, orgId, caseId)),
    async putCase(record, expectedVersion, alongside = []) {
      await transactWrite(ctx, [versionedPut(caseRecord.item(record), expectedVersion, 'case record'), ...alongside]);
    },
    async deleteCase(record, expectedVersion) {
      await transactWrite(ctx, [{
        item: { Delete: { TableName: ctx.table, Key: caseRecord.key(record.programmeId, record.keptByOrgId, record.id), ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
        onConditionFailed: (stored) => changedOrGone(stored, 'case record'),
      }]);
    },
    async cases(programmeId, orgId) {
      return all(caseRecord, casesKeptBy(programmeId, orgId));
    },

    async caseCount(programmeId, orgId) {
      let count = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await ctx.client.send(new QueryCommand({
          TableName: ctx.table, Select: 'COUNT', KeyConditionExpression: 'PK = :pk AND begins_with(SK, :case)',
          ExpressionAttributeValues: { ':pk': casesKeptBy(programmeId, orgId).PK, ':case': casesKeptBy(programmeId, orgId).SKPrefix }, ExclusiveStartKey: start,
        }));
        count += page.Count ?? 0;
        start = page.LastEvaluatedKey;
      } while (start);
      return count;
    },

    networkBeside: (programmeId, orgId) => withMembership(networkMember, recordsOf(programmeId, 'network'), programmeId, orgId),
    spendingBeside: (programmeId, orgId) => withMembership(spendEntity, recordsOf(programmeId, 'spending'), programmeId, orgId),
    async actualsBeside(programmeId) {
      const read = await besideQuery(recordsOf(programmeId, 'actuals'), programmeHead.key(programmeId));
      return { ...(read.beside ? { content: programmeHead.read(read.beside).content } : {}), items: indicatorActual.readAll(read.records) };
    },

    async figures(programmeId) {
      const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: programmeFigures.key(programmeId) }));
      const { [revisionAttribute]: _revision, ...counters } = Item ? programmeFigures.read(Item) : {};
      return counters;
    },

    async figuresRevision(programmeId) {
      const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: programmeFigures.key(programmeId), ProjectionExpression: '#entity, #revision', ExpressionAttributeNames: { ...programmeFigures.tagging.names, '#revision': revisionAttribute } }));
      return Item ? (programmeFigures.read(Item)[revisionAttribute] ?? 0) : 0;
    },
  };
};
