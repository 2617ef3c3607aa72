import * as z from 'zod/mini';
import { ulid } from '../core/schemas.js';
import { defineEntity } from '../data/entity.js';
import { Report } from './schema.js';

/** GSI1: submitted reports awaiting the drafting organisation's review, oldest first. */
export const reviewQueueOf = (draftingOrgId: string) => ({ GSI1PK: `ORG#${draftingOrgId}#REVIEW` });
/** GSI1: the reports an organisation still holds (drafts, and those returned to it for changes), latest change first. */
export const openReportsOfOrganisation = (orgId: string) => ({ GSI1PK: `ORG#${orgId}#REPORTS_OPEN` });

/** Sorts before REV#: a memorandum's reports come with its page. */
const reportKey = (memorandumId: string, reportId: string) => ({ PK: `MOU#${memorandumId}`, SK: `REP#${reportId}` });

/**
 * A report, stored with the drafting organisation that reviews it. It sits in one list at a
 * time: its organisation's open reports while in its hands, the drafter's review queue while submitted.
 */
export const progressReport = defineEntity({
  tag: 'progressReport',
  version: 1,
  schema: z.object({ ...Report.def.shape, draftingOrgId: ulid }),
  key: reportKey,
  keyOf: (report) => reportKey(report.memorandumId, report.id),
  indexKeysOf: (report) => {
    if (report.status === 'submitted' && report.submittedAt) return { ...reviewQueueOf(report.draftingOrgId), GSI1SK: `${report.submittedAt}#${report.memorandumId}#${report.id}` };
    if (report.status === 'draft' || report.status === 'returned') return { ...openReportsOfOrganisation(report.orgId), GSI1SK: `${report.updatedAt}#${report.memorandumId}#${report.id}` };
    return {};
  },
});
