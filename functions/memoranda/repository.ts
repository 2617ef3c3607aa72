import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { changedOrGone } from '../core/versions.js';
import { getItems } from '../data/batch.js';
import { AppError } from '../core/errors.js';
import type { TableContext } from '../data/client.js';
import { keys } from '../data/keys.js';
import { decodeCursor, encodeCursor, type Page } from '../data/pagination.js';
import { queryAllPages } from '../data/query.js';
import { transactWrite, type TxItem } from '../data/transact.js';
import type { ChainedEvent } from './audit-chain.js';
import { trackedObligationOf } from '../obligations/model.js';
import { fromObligationItem, toObligationItem } from '../obligations/repository.js';
import type { TrackedObligation } from '../obligations/schema.js';
import type { Report } from '../reports/schema.js';
import { fromOrganisationItem } from '../organisations/repository.js';
import type { Organisation } from '../organisations/schema.js';
import type { User } from '../users/schema.js';
import type { Attachment, AuditEvent, Memorandum, MemorandumContent, MemorandumStatus, MemorandumSummary, PendingStep } from './schema.js';
import { organisationsSeeing, stillToAct } from './workflow.js';
import { amendmentStillToAct, amendmentUnderWay, type ObligationChanges } from './amendments.js';

/** A memorandum as stored: the head, plus the chain head that the next event links to. */
export interface StoredMemorandum extends Memorandum {
  auditHead: { seq: number; hash: string };
}

/** The memorandum's line in one day's signed digest (written by the daily job; the latest is its anchor). */
export interface MemorandumDigestEntry {
  day: string;
  seq: number;
  hash: string;
}

export interface Revision {
  revision: number;
  content: MemorandumContent;
  savedAt: string;
  savedBy: string;
}

export interface MemorandumWrite {
  head: StoredMemorandum;
  /** The version the head must still be at; undefined when creating. */
  expectedVersion?: number;
  /** The audit events of this change, in order (usually one). */
  events: ChainedEvent[];
  revision?: Revision;
  /** Parties dropped from the draft: their list entries are removed. */
  removedParties?: string[];
  /** On the last signature: each obligation becomes a tracked record owned by its party. */
  trackObligations?: boolean;
  /** On an amendment's last signature: the tracked obligations follow the amended text, and each party's figures with them. */
  amendedObligations?: { changes: ObligationChanges; progress: Map<string, { total: number; done: number; percentSum: number }> };
  alongside?: TxItem[];
}

export interface MemorandumRepository {
  /** Head and audit trail in one Query (revisions are not read). */
  load(memorandumId: string): Promise<{ memorandum: StoredMemorandum; events: AuditEvent[]; attachments: Attachment[]; obligations: TrackedObligation[]; reports: (Report & { draftingOrgId: string })[]; digests: MemorandumDigestEntry[] } | undefined>;
  write(change: MemorandumWrite): Promise<void>;
  listForOrganisation(orgId: string, options: { limit: number; cursor?: string; status?: MemorandumStatus; oldestFirst?: boolean }): Promise<Page<MemorandumSummary>>;
  /** The revision list, if `orgId` is a party (one Query over the party entries and revisions). */
  revisionsForParty(memorandumId: string, orgId: string): Promise<Omit<Revision, 'content'>[] | undefined>;
  /** Revision contents, if `orgId` is a party (one BatchGetItem with the party entry). */
  revisionContentsForParty(memorandumId: string, orgId: string, revisions: number[]): Promise<Map<number, MemorandumContent> | undefined>;
  /** Signed memoranda whose term starts on or before `date` (YYYY-MM-DD), with their start and time zone. */
  awaitingStart(date: string): Promise<{ id: string; start: string; timeZone?: string }[]>;
  /** Organisations and user profiles named by a draft, in one BatchGetItem. */
  lookUp(orgIds: string[], userIds: string[]): Promise<{ organisations: Map<string, Organisation>; users: Map<string, User> }>;
}

const strip = <T>(item: Record<string, unknown>): T => {
  const { PK: _pk, SK: _sk, GSI1PK: _gpk, GSI1SK: _gsk, entity: _entity, ...rest } = item;
  return rest as T;
};

const titleOf = (content: MemorandumContent) => content.title;

export const memorandumRepository = (ctx: TableContext): MemorandumRepository => ({
  async load(memorandumId) {
    // Everything but revisions sorts before "REV#": attachments (ATT#), events (EVT#), the head (HEAD), tracked obligations (OBL#) and party entries (PARTY#).
    const items = await queryAllPages(ctx, {
      KeyConditionExpression: 'PK = :pk AND SK < :revisions',
      ExpressionAttributeValues: { ':pk': keys.memorandumPartition(memorandumId), ':revisions': 'REV#' },
    });
    const head = items.find((item) => item.entity === 'memorandum');
    if (!head) return undefined;
    return {
      memorandum: strip<StoredMemorandum>(head),
      events: items.filter((item) => item.entity === 'auditEvent').map((item) => strip<AuditEvent>(item)),
      attachments: items.filter((item) => item.entity === 'memorandumAttachment').map((item) => strip<Attachment>(item)),
      obligations: items.filter((item) => item.entity === 'trackedObligation').map(fromObligationItem),
      reports: items.filter((item) => item.entity === 'progressReport').map((item) => strip<Report & { draftingOrgId: string }>(item)),
      digests: items.filter((item) => item.entity === 'memorandumDigest').map((item) => strip<MemorandumDigestEntry>(item)),
    };
  },

  async write({ head, expectedVersion, events, revision, removedParties = [], trackObligations = false, amendedObligations, alongside = [] }) {
    const { content } = head;
    const amendment = amendmentUnderWay(head);
    const waitingFor = [...stillToAct(head), ...(amendment ? amendmentStillToAct(head, amendment) : [])];
    const items: TxItem[] = [
      {
        item: {
          Put: {
            TableName: ctx.table,
            // Signed memoranda wait in GSI1 for their start date (the daily job activates them).
            Item: { ...keys.memorandumHead(head.id), ...(head.status === 'signed' ? keys.awaitingStartKey(head.content.term.start, head.id) : {}), entity: 'memorandum', ...head },
            ...(expectedVersion === undefined
              ? { ConditionExpression: 'attribute_not_exists(PK)' }
              : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const }),
          },
        },
        onConditionFailed: (stored) =>
          expectedVersion === undefined ? new AppError('already_exists', 'This memorandum already exists.') : changedOrGone(stored, 'memorandum'),
      },
      // Each party that sees it has its entry (its list, its access to the revisions); an unsubmitted draft, only the drafter.
      ...organisationsSeeing(head).map((orgId) => ({
        item: {
          Put: {
            TableName: ctx.table,
            Item: {
              ...keys.memorandumParty(head.id, orgId),
              ...keys.memorandumListKey(orgId, head.updatedAt, head.id),
              entity: 'memorandumParty',
              id: head.id,
              orgId,
              title: titleOf(content),
              status: head.status,
              draftingOrgId: head.draftingOrgId,
              updatedAt: head.updatedAt,
              ...(waitingFor.length > 0 ? { waitingFor } : {}),
            },
          },
        },
      })),
      ...removedParties.map((orgId) => ({ item: { Delete: { TableName: ctx.table, Key: keys.memorandumParty(head.id, orgId) } } })),
      ...(trackObligations
        ? content.obligations.map((obligation) => ({
            item: {
              Put: {
                TableName: ctx.table,
                Item: toObligationItem(trackedObligationOf(head, obligation, head.updatedAt)),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          }))
        : []),
      ...(trackObligations
        ? content.parties.map((party) => ({
            item: {
              Put: {
                TableName: ctx.table,
                Item: { ...keys.partyProgress(head.id, party.orgId), entity: 'partyProgress', memorandumId: head.id, orgId: party.orgId, total: content.obligations.filter((obligation) => obligation.partyOrgId === party.orgId).length, done: 0, percentSum: 0 },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          }))
        : []),
      ...(amendedObligations ? amendedObligationItems(ctx.table, head.id, amendedObligations) : []),
      ...(revision
        ? [{
            item: { Put: { TableName: ctx.table, Item: { ...keys.memorandumRevision(head.id, revision.revision), entity: 'memorandumRevision', ...revision }, ConditionExpression: 'attribute_not_exists(PK)' } },
            onConditionFailed: () => new AppError('conflict', 'This revision was saved by someone else at the same time. Reload and try again.'),
          }]
        : []),
      ...events.map((event) => ({
        item: { Put: { TableName: ctx.table, Item: { ...keys.auditEvent(head.id, event.seq), entity: 'auditEvent', ...event }, ConditionExpression: 'attribute_not_exists(PK)' } },
        onConditionFailed: () => new AppError('conflict', 'Another change to this memorandum was recorded at the same time. Reload and try again.'),
      })),
      // The chain moved today: the day's digest will list its head as it stands at the end of the day.
      ...(events.length > 0
        ? [{ item: { Put: { TableName: ctx.table, Item: { ...keys.auditDigestMark(head.updatedAt.slice(0, 10), head.id), entity: 'auditDigestMark', memorandumId: head.id, ...head.auditHead } } } }]
        : []),
      ...alongside,
    ];
    await transactWrite(ctx, items);
  },

  async listForOrganisation(orgId, { limit, cursor, status, oldestFirst = false }) {
    const partition = keys.memorandaOfOrganisation(orgId);
    const { Items = [], LastEvaluatedKey } = await ctx.client.send(
      new QueryCommand({
        TableName: ctx.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ...(status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
        ExpressionAttributeValues: { ':pk': partition.GSI1PK, ...(status ? { ':status': status } : {}) },
        ScanIndexForward: oldestFirst,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, { keyNames: ['PK', 'SK', 'GSI1PK', 'GSI1SK'], partition }),
      }),
    );
    const nextCursor = encodeCursor(LastEvaluatedKey);
    return {
      items: Items.map((item) => ({
        id: String(item.id), title: item.title as MemorandumSummary['title'], status: item.status as MemorandumStatus, draftingOrgId: String(item.draftingOrgId), updatedAt: String(item.updatedAt),
        ...(item.waitingFor ? { waitingFor: item.waitingFor as PendingStep[] } : {}),
      })),
      ...(nextCursor ? { nextCursor } : {}),
    };
  },

  async revisionsForParty(memorandumId, orgId) {
    // PARTY# entries sort just before REV#: one range holds both.
    const items = await queryAllPages(ctx, {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.memorandumPartition(memorandumId), ':from': 'PARTY#', ':to': 'REV#~' },
      ProjectionExpression: 'entity, orgId, revision, savedAt, savedBy',
    });
    if (!items.some((item) => item.entity === 'memorandumParty' && item.orgId === orgId)) return undefined;
    return items.filter((item) => item.entity === 'memorandumRevision').map(({ revision, savedAt, savedBy }) => ({ revision: Number(revision), savedAt: String(savedAt), savedBy: String(savedBy) }));
  },

  async revisionContentsForParty(memorandumId, orgId, revisions) {
    const items = await getItems(ctx, [keys.memorandumParty(memorandumId, orgId), ...revisions.map((revision) => keys.memorandumRevision(memorandumId, revision))]);
    if (!items.some((item) => item.entity === 'memorandumParty')) return undefined;
    return new Map(items.filter((item) => item.entity === 'memorandumRevision').map((item) => [Number(item.revision), item.content as MemorandumContent]));
  },

  async awaitingStart(date) {
    const items = await queryAllPages(ctx, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :until',
      ExpressionAttributeValues: { ':pk': keys.awaitingStart.GSI1PK, ':until': `${date}#~` },
      ProjectionExpression: 'id, #content.#term.#start, #content.#zone',
      ExpressionAttributeNames: { '#content': 'content', '#term': 'term', '#start': 'start', '#zone': 'timeZone' },
    });
    return items.map((item) => {
      const content = item.content as { term?: { start?: string }; timeZone?: string } | undefined;
      return { id: String(item.id), start: content?.term?.start ?? date, ...(content?.timeZone ? { timeZone: content.timeZone } : {}) };
    });
  },

  async lookUp(orgIds, userIds) {
    const items = await getItems(ctx, [...orgIds.map((orgId) => keys.organisation(orgId)), ...userIds.map((userId) => keys.userProfile(userId))]);
    return {
      organisations: new Map(items.filter((item) => item.entity === 'organisation').map((item) => { const organisation = fromOrganisationItem(item); return [organisation.id, organisation]; })),
      users: new Map(items.filter((item) => item.entity === 'user').map((item) => { const user = strip<User>(item); return [user.id, user]; })),
    };
  },
});

/** An amendment's obligations written on its last signature: each conditional on the version read, so a report accepted meanwhile is not overwritten. */
const amendedObligationItems = (table: string, memorandumId: string, { changes, progress }: NonNullable<MemorandumWrite['amendedObligations']>): TxItem[] => [
  ...[...changes.started, ...changes.changed, ...changes.ended].map(({ before, after }): TxItem => ({
    item: {
      Put: {
        TableName: table,
        Item: toObligationItem(after),
        ...(before === undefined
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : before.version === undefined ? { ConditionExpression: 'attribute_not_exists(version)' } : { ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': before.version } }),
      },
    },
    onConditionFailed: () => new AppError('conflict', 'A report on these obligations was accepted at the same time. Reload and sign again.'),
  })),
  ...[...progress].map(([orgId, delta]): TxItem => ({
    item: {
      Update: {
        TableName: table, Key: keys.partyProgress(memorandumId, orgId),
        // Added, not set: figures a report changed meanwhile stay right (a joining party's figures start here).
        UpdateExpression: 'SET entity = :entity, memorandumId = :memorandumId, orgId = :orgId ADD #total :total, done :done, percentSum :percentSum',
        ExpressionAttributeNames: { '#total': 'total' },
        ExpressionAttributeValues: { ':entity': 'partyProgress', ':memorandumId': memorandumId, ':orgId': orgId, ':total': delta.total, ':done': delta.done, ':percentSum': delta.percentSum },
      },
    },
  })),
];

/** The stored item of an attachment, for the transaction that records it. */
export const attachmentPut = (table: string, memorandumId: string, attachment: Attachment): TxItem => ({
  item: { Put: { TableName: table, Item: { ...keys.memorandumAttachment(memorandumId, attachment.id), entity: 'memorandumAttachment', ...attachment }, ConditionExpression: 'attribute_not_exists(PK)' } },
  onConditionFailed: () => new AppError('already_exists', 'This upload was already recorded.'),
});
