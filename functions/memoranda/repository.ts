import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { changedOrGone } from '../core/versions.js';
import { getItems } from '../data/batch.js';
import { AppError } from '../core/errors.js';
import type { TableContext } from '../data/client.js';
import { auditDigestMark, auditEvent, memorandaOfOrganisation, memorandumAttachment, memorandumDigest, memorandumHead, memorandumParty, memorandumPartition, memorandumRevision, pageEndsBefore, partiesThroughRevisions, partyProgress, awaitingStart } from './entities.js';
import type * as z from 'zod/mini';
import { decodeCursor, encodeCursor, type Page } from '../data/pagination.js';
import { queryAllPages } from '../data/query.js';
import { transactWrite, type TxItem } from '../data/transact.js';
import type { ChainedEvent } from './audit-chain.js';
import { trackedObligationOf } from '../obligations/model.js';
import { toObligationItem, trackedObligationRecords } from '../obligations/repository.js';
import type { TrackedObligation } from '../obligations/schema.js';
import { reportRecords, type StoredReport } from '../reports/repository.js';
import { organisationRecords } from '../organisations/repository.js';
import { userProfileRecords } from '../users/repository.js';
import { readsOf } from '../data/entity.js';
import type { Organisation } from '../organisations/schema.js';
import type { User } from '../users/schema.js';
import type { Attachment, AuditEvent, MemorandumContent, MemorandumStatus, MemorandumSummary } from './schema.js';
import { organisationsSeeing, stillToAct } from './workflow.js';
import { amendmentStillToAct, amendmentUnderWay, type ObligationChanges } from './amendments.js';

/** A memorandum as stored: the head, plus the chain head that the next event links to. */
export type StoredMemorandum = z.infer<typeof memorandumHead.schema>;

/** The memorandum's line in one day's signed digest (written by the daily job; the latest is its anchor). */
export type MemorandumDigestEntry = z.infer<typeof memorandumDigest.schema>;

export type Revision = z.infer<typeof memorandumRevision.schema>;

/** For other modules' repositories: a party's obligation figures and a memorandum's head, read by key in their own batch reads. */
export const partyFiguresRecords = readsOf(partyProgress);
export const memorandumHeadRecords = readsOf(memorandumHead);
export type PartyFigures = z.infer<typeof partyProgress.schema>;

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
  load(memorandumId: string): Promise<{ memorandum: StoredMemorandum; events: AuditEvent[]; attachments: Attachment[]; obligations: TrackedObligation[]; reports: StoredReport[]; digests: MemorandumDigestEntry[] } | undefined>;
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
  /** The status and drafting organisation of each memorandum that exists among `memorandumIds`. */
  statusesOf(memorandumIds: string[]): Promise<{ id: string; status: MemorandumStatus; draftingOrgId: string }[]>;
  /** The ids of the memoranda an organisation sees (every page). */
  idsSeenBy(orgId: string): Promise<string[]>;
  /** Of these memoranda, those `orgId` sees (one BatchGetItem over its entries). */
  seenBy(orgId: string, memorandumIds: string[]): Promise<Set<string>>;
}

const titleOf = (content: MemorandumContent) => content.title;

export const memorandumRepository = (ctx: TableContext): MemorandumRepository => ({
  async load(memorandumId) {
    // Everything but revisions sorts before them (see entities.ts): one Query reads the page.
    const items = await queryAllPages(ctx, {
      KeyConditionExpression: 'PK = :pk AND SK < :revisions',
      ExpressionAttributeValues: { ':pk': memorandumPartition(memorandumId), ':revisions': pageEndsBefore },
    });
    const [head] = memorandumHead.readAll(items);
    if (!head) return undefined;
    return {
      memorandum: head,
      events: auditEvent.readAll(items),
      attachments: memorandumAttachment.readAll(items),
      obligations: trackedObligationRecords.readAll(items),
      reports: reportRecords.readAll(items),
      digests: memorandumDigest.readAll(items),
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
            Item: memorandumHead.item(head),
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
            Item: memorandumParty.item({
              id: head.id,
              orgId,
              title: titleOf(content),
              status: head.status,
              draftingOrgId: head.draftingOrgId,
              updatedAt: head.updatedAt,
              ...(waitingFor.length > 0 ? { waitingFor } : {}),
            }),
          },
        },
      })),
      ...removedParties.map((orgId) => ({ item: { Delete: { TableName: ctx.table, Key: memorandumParty.key(head.id, orgId) } } })),
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
                Item: partyProgress.item({ memorandumId: head.id, orgId: party.orgId, total: content.obligations.filter((obligation) => obligation.partyOrgId === party.orgId).length, done: 0, percentSum: 0 }),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          }))
        : []),
      ...(amendedObligations ? amendedObligationItems(ctx.table, head.id, amendedObligations) : []),
      ...(revision
        ? [{
            item: { Put: { TableName: ctx.table, Item: memorandumRevision.item(revision, memorandumRevision.key(head.id, revision.revision)), ConditionExpression: 'attribute_not_exists(PK)' } },
            onConditionFailed: () => new AppError('conflict', 'This revision was saved by someone else at the same time. Reload and try again.'),
          }]
        : []),
      ...events.map((event) => ({
        item: { Put: { TableName: ctx.table, Item: auditEvent.item(event, auditEvent.key(head.id, event.seq)), ConditionExpression: 'attribute_not_exists(PK)' } },
        onConditionFailed: () => new AppError('conflict', 'Another change to this memorandum was recorded at the same time. Reload and try again.'),
      })),
      // The chain moved today: the day's digest will list its head as it stands at the end of the day.
      ...(events.length > 0
        ? [{ item: { Put: { TableName: ctx.table, Item: auditDigestMark.item({ memorandumId: head.id, ...head.auditHead }, auditDigestMark.key(head.updatedAt.slice(0, 10), head.id)) } } }]
        : []),
      ...alongside,
    ];
    await transactWrite(ctx, items);
  },

  async listForOrganisation(orgId, { limit, cursor, status, oldestFirst = false }) {
    const partition = memorandaOfOrganisation(orgId);
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
      items: Items.map((item): MemorandumSummary => {
        const { orgId: _orgId, ...summary } = memorandumParty.read(item);
        return summary;
      }),
      ...(nextCursor ? { nextCursor } : {}),
    };
  },

  async revisionsForParty(memorandumId, orgId) {
    // PARTY# entries sort just before REV#: one range holds both.
    const items = await queryAllPages(ctx, {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': memorandumPartition(memorandumId), ':from': partiesThroughRevisions.from, ':to': partiesThroughRevisions.to },
      ProjectionExpression: 'entity, orgId, revision, savedAt, savedBy',
    });
    if (!items.some((item) => memorandumParty.is(item) && memorandumParty.readPart(item, ['orgId']).orgId === orgId)) return undefined;
    return items.filter(memorandumRevision.is).map((item) => memorandumRevision.readPart(item, ['revision', 'savedAt', 'savedBy']));
  },

  async revisionContentsForParty(memorandumId, orgId, revisions) {
    const items = await getItems(ctx, [memorandumParty.key(memorandumId, orgId), ...revisions.map((revision) => memorandumRevision.key(memorandumId, revision))]);
    if (!items.some(memorandumParty.is)) return undefined;
    return new Map(memorandumRevision.readAll(items).map((revision) => [revision.revision, revision.content]));
  },

  async awaitingStart(date) {
    const items = await queryAllPages(ctx, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :until',
      ExpressionAttributeValues: { ':pk': awaitingStart.GSI1PK, ':until': `${date}#~` },
    });
    return memorandumHead.readAll(items).map(({ id, content }) => ({ id, start: content.term.start, ...(content.timeZone ? { timeZone: content.timeZone } : {}) }));
  },

  async lookUp(orgIds, userIds) {
    const items = await getItems(ctx, [...orgIds.map(organisationRecords.key), ...userIds.map(userProfileRecords.key)]);
    return {
      organisations: new Map(organisationRecords.readAll(items).map((organisation) => [organisation.id, organisation])),
      users: new Map(userProfileRecords.readAll(items).map((user) => [user.id, user])),
    };
  },

  async statusesOf(memorandumIds) {
    const heads = await getItems(ctx, memorandumIds.map(memorandumHead.key), { expression: 'entity, id, #status, draftingOrgId', names: { '#status': 'status' } });
    return heads.map((head) => memorandumHead.readPart(head, ['id', 'status', 'draftingOrgId']));
  },

  async idsSeenBy(orgId) {
    const items = await queryAllPages(ctx, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': memorandaOfOrganisation(orgId).GSI1PK }, ProjectionExpression: 'entity, id' });
    return items.map((item) => memorandumParty.readPart(item, ['id']).id);
  },

  async seenBy(orgId, memorandumIds) {
    const items = await getItems(ctx, memorandumIds.map((memorandumId) => memorandumParty.key(memorandumId, orgId)), { expression: 'entity, id' });
    return new Set(items.map((item) => memorandumParty.readPart(item, ['id']).id));
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
        TableName: table, Key: partyProgress.key(memorandumId, orgId),
        // Added, not set: figures a report changed meanwhile stay right (a joining party's figures start here).
        UpdateExpression: `SET ${partyProgress.tagging.set}, memorandumId = :memorandumId, orgId = :orgId ADD #total :total, done :done, percentSum :percentSum`,
        ExpressionAttributeNames: { '#total': 'total', ...partyProgress.tagging.names },
        ExpressionAttributeValues: { ...partyProgress.tagging.values, ':memorandumId': memorandumId, ':orgId': orgId, ':total': delta.total, ':done': delta.done, ':percentSum': delta.percentSum },
      },
    },
  })),
];

/** An accepted report's part of its party's figures, for the transaction that accepts it. */
export const acceptedReportFigures = (table: string, report: { memorandumId: string; orgId: string; id: string; period: { start: string; end: string } }, delta: { done: number; percentSum: number }, acceptedAt: string): TxItem => ({
  item: {
    Update: {
      TableName: table, Key: partyProgress.key(report.memorandumId, report.orgId),
      UpdateExpression: 'ADD done :done, percentSum :percentSum SET lastAcceptedReport = :last', ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':done': delta.done, ':percentSum': delta.percentSum, ':last': { reportId: report.id, period: report.period, acceptedAt } },
    },
  },
});

/** The stored item of an attachment, for the transaction that records it. */
export const attachmentPut = (table: string, memorandumId: string, attachment: Attachment): TxItem => ({
  item: { Put: { TableName: table, Item: memorandumAttachment.item(attachment, memorandumAttachment.key(memorandumId, attachment.id)), ConditionExpression: 'attribute_not_exists(PK)' } },
  onConditionFailed: () => new AppError('already_exists', 'This upload was already recorded.'),
});
