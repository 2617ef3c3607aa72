import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { changedOrGone } from '../core/versions.js';
import type { TableContext } from '../data/client.js';
import { keys, type ItemKey } from '../data/keys.js';
import { queryAllPages } from '../data/query.js';
import { transactWrite, versionedPut as sharedVersionedPut, type TxItem } from '../data/transact.js';
import { actualKey, type Counters } from './figures.js';
import type { Activity, CaseRecord, IndicatorActual, Member, Spend, Tally } from './schema.js';

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
  figures(programmeId: string): Promise<Counters>;
  getSpend(programmeId: string, month: string, lineId: string): Promise<Spend | undefined>;
  putSpend(spend: Spend, expectedVersion: number, delta: Counters): Promise<void>;
  spends(programmeId: string): Promise<Spend[]>;
  getMember(programmeId: string, memberId: string): Promise<StoredMember | undefined>;
  /** A member (or its anonymous remnant), with the network figures' change. */
  putMember(member: StoredMember, expectedVersion: number, delta: Counters, alongside?: TxItem[]): Promise<void>;
  members(programmeId: string): Promise<StoredMember[]>;
  getCase(programmeId: string, orgId: string, caseId: string): Promise<CaseRecord | undefined>;
  putCase(record: CaseRecord, expectedVersion: number, alongside?: TxItem[]): Promise<void>;
  deleteCase(record: CaseRecord, expectedVersion: number): Promise<void>;
  cases(programmeId: string, orgId: string): Promise<CaseRecord[]>;
  /** How many case records an organisation keeps in the programme (counted, not read). */
  caseCount(programmeId: string, orgId: string): Promise<number>;
}

/** A stored network member; once removed on request, only what the counts need is left. */
export type StoredMember = Member | { id: string; programmeId: string; removed: true; kind: string; country: string; participationCounts: { invited: number; attended: number }; version: number; removedAt: string };

/** A stored item as the record it holds: without its table keys and entity tag. */
export const withoutKeys = <T>(item: Record<string, unknown>): T => {
  const { PK: _pk, SK: _sk, GSI1PK: _gpk, GSI1SK: _gsk, entity: _entity, ...rest } = item;
  return rest as T;
};

const activityItem = (activity: Activity) => ({ ...keys.activity(activity.programmeId, activity.id), ...keys.activityCalendarKey(activity.programmeId, activity.date, activity.id), entity: 'activity', ...activity });
const memberItem = (member: StoredMember) => ({ ...keys.networkMember(member.programmeId, member.id), entity: 'networkMember', ...member });

export const recordsRepository = (ctx: TableContext): RecordsRepository => {
  const get = async <T>(key: ItemKey, entity: string): Promise<T | undefined> => {
    const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: key }));
    return Item?.entity === entity ? withoutKeys<T>(Item) : undefined;
  };
  const versionedPut = (item: Record<string, unknown>, expectedVersion: number, what: string): TxItem => sharedVersionedPut(ctx.table, item, expectedVersion, what);
  /** ADD the counters' changes and SET the values; nothing when there is no change. */
  const figuresUpdate = (programmeId: string, change: { add?: Counters; set?: Counters }): TxItem[] => {
    const added = Object.entries(change.add ?? {}).filter(([, value]) => value !== 0);
    const set = Object.entries(change.set ?? {});
    if (added.length + set.length === 0) return [];
    const names: Record<string, string> = {};
    const values: Record<string, number> = {};
    const clause = (entries: [string, number][], prefix: string, form: (name: string, value: string) => string) =>
      entries.map(([key, value], index) => {
        names[`#${prefix}${index}`] = key;
        values[`:${prefix}${index}`] = value;
        return form(`#${prefix}${index}`, `:${prefix}${index}`);
      }).join(', ');
    const expression = [added.length ? `ADD ${clause(added, 'a', (name, value) => `${name} ${value}`)}` : '', set.length ? `SET ${clause(set, 's', (name, value) => `${name} = ${value}`)}` : ''].filter(Boolean).join(' ');
    return [{ item: { Update: { TableName: ctx.table, Key: keys.programmeFigures(programmeId), UpdateExpression: expression, ExpressionAttributeNames: names, ExpressionAttributeValues: values } } }];
  };

  return {
    getActivity: (programmeId, activityId) => get<Activity>(keys.activity(programmeId, activityId), 'activity'),
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
      const pk = keys.activityCalendar(programmeId).GSI1PK;
      const range = from && to ? ' AND GSI1SK BETWEEN :from AND :to' : from ? ' AND GSI1SK >= :from' : to ? ' AND GSI1SK <= :to' : '';
      const items = await queryAllPages(ctx, {
        IndexName: 'GSI1', KeyConditionExpression: `GSI1PK = :pk${range}`,
        ExpressionAttributeValues: { ':pk': pk, ...(from ? { ':from': from } : {}), ...(to ? { ':to': `${to}#~` } : {}) },
      });
      return items.map((item) => withoutKeys<Activity>(item));
    },

    getTally: (programmeId, tallyId) => get<Tally>(keys.assistanceTally(programmeId, tallyId), 'assistanceTally'),
    async putTally(tally, expectedVersion, delta) {
      await transactWrite(ctx, [versionedPut({ ...keys.assistanceTally(tally.programmeId, tally.id), entity: 'assistanceTally', ...tally }, expectedVersion, 'tally'), ...figuresUpdate(tally.programmeId, { add: delta })]);
    },
    async tallies(programmeId) {
      const items = await queryAllPages(ctx, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :ast)', ExpressionAttributeValues: { ':pk': keys.programmePartition(programmeId), ':ast': 'AST#' } });
      return items.map((item) => withoutKeys<Tally>(item));
    },

    getActual: (programmeId, indicatorId, period) => get<IndicatorActual>(keys.indicatorActual(programmeId, indicatorId, period), 'indicatorActual'),
    async putActual(actual, expectedVersion) {
      await transactWrite(ctx, [
        versionedPut({ ...keys.indicatorActual(actual.programmeId, actual.indicatorId, actual.period), entity: 'indicatorActual', ...actual }, expectedVersion, 'indicator actual'),
        ...figuresUpdate(actual.programmeId, { set: { [actualKey(actual.indicatorId, actual.period)]: actual.value } }),
      ]);
    },
    async actuals(programmeId) {
      const items = await queryAllPages(ctx, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :ind)', ExpressionAttributeValues: { ':pk': keys.programmePartition(programmeId), ':ind': 'IND#' } });
      return items.map((item) => withoutKeys<IndicatorActual>(item));
    },

    getSpend: (programmeId, month, lineId) => get<Spend>(keys.spend(programmeId, month, lineId), 'spend'),
    async putSpend(spend, expectedVersion, delta) {
      await transactWrite(ctx, [versionedPut({ ...keys.spend(spend.programmeId, spend.month, spend.lineId), entity: 'spend', ...spend }, expectedVersion, 'spending record'), ...figuresUpdate(spend.programmeId, { add: delta })]);
    },
    async spends(programmeId) {
      const items = await queryAllPages(ctx, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :spd)', ExpressionAttributeValues: { ':pk': keys.programmePartition(programmeId), ':spd': 'SPD#' } });
      return items.map((item) => withoutKeys<Spend>(item));
    },
    getMember: (programmeId, memberId) => get<StoredMember>(keys.networkMember(programmeId, memberId), 'networkMember'),
    async putMember(member, expectedVersion, delta, alongside = []) {
      await transactWrite(ctx, [versionedPut(memberItem(member), expectedVersion, 'network member'), ...figuresUpdate(member.programmeId, { add: delta }), ...alongside]);
    },
    async members(programmeId) {
      const items = await queryAllPages(ctx, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :net)', ExpressionAttributeValues: { ':pk': keys.programmePartition(programmeId), ':net': 'NET#' } });
      return items.map((item) => withoutKeys<StoredMember>(item));
    },
    getCase: (programmeId, orgId, caseId) => get<CaseRecord>(keys.caseRecord(programmeId, orgId, caseId), 'caseRecord'),
    async putCase(record, expectedVersion, alongside = []) {
      await transactWrite(ctx, [versionedPut({ ...keys.caseRecord(record.programmeId, record.keptByOrgId, record.id), entity: 'caseRecord', ...record }, expectedVersion, 'case record'), ...alongside]);
    },
    async deleteCase(record, expectedVersion) {
      await transactWrite(ctx, [{
        item: { Delete: { TableName: ctx.table, Key: keys.caseRecord(record.programmeId, record.keptByOrgId, record.id), ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
        onConditionFailed: (stored) => changedOrGone(stored, 'case record'),
      }]);
    },
    async cases(programmeId, orgId) {
      const items = await queryAllPages(ctx, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :case)', ExpressionAttributeValues: { ':pk': keys.programmePartition(programmeId), ':case': `CASE#${orgId}#` } });
      return items.map((item) => withoutKeys<CaseRecord>(item));
    },

    async caseCount(programmeId, orgId) {
      let count = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await ctx.client.send(new QueryCommand({
          TableName: ctx.table, Select: 'COUNT', KeyConditionExpression: 'PK = :pk AND begins_with(SK, :case)',
          ExpressionAttributeValues: { ':pk': keys.programmePartition(programmeId), ':case': `CASE#${orgId}#` }, ExclusiveStartKey: start,
        }));
        count += page.Count ?? 0;
        start = page.LastEvaluatedKey;
      } while (start);
      return count;
    },

    async figures(programmeId) {
      const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: keys.programmeFigures(programmeId) }));
      const { PK: _pk, SK: _sk, ...figures } = Item ?? {};
      return figures as Counters;
    },
  };
};
