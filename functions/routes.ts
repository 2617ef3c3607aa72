import * as z from 'zod/mini';
import { defineRoute, routeKeyOf, type RouteDefinition } from './core/route.js';
import { pageQuery } from './core/schemas.js';
import { OpenApiDocument } from './openapi/schema.js';
import { Organisation, OrganisationInput, OrganisationPage, OrganisationParams, OrganisationPatch } from './organisations/schema.js';
import {
  AuditVerification, DiffQuery, MemorandumCreate, MemorandumDraft, MemorandumListQuery, MemorandumPage, MemorandumParams, MemorandumView,
  Attachment, AttachmentConfirm, AttachmentParams, AttachmentUpload, AttachmentUploadRequest, EndRequest, Memorandum, NoBody, ReturnRequest, RevisionDiff, RevisionList, SignRequest, DocumentParams, DocumentLink,
  AmendmentDocumentParams, AmendmentDraft, AmendmentParams, AmendmentStart,
} from './memoranda/schema.js';
import { CommitmentPage, CommitmentsQuery, PartnerCommitmentsQuery } from './obligations/schema.js';
import { DocumentConfirm, DocumentUploadRequest, DownloadLink, UploadForm } from './files/schema.js';
import { EvidenceConfirm, EvidenceParams, EvidenceUploadRequest, Report, ReportCreate, ReportParams, ReportSave, ReturnReport, ReportPage } from './reports/schema.js';
import {
  Activity, ActivityInput, ActivityList, ActivityParams, MaterialParams, ParticipantChanges, ActualInput, ActualParams, CalendarFeedParams, CalendarQuery, Dashboard, ExportParams, ReportRangeQuery, IndicatorActual, IndicatorActualList, Programme, ProgrammeCreate, ProgrammeListQuery, ProgrammePage, ProgrammeParams, ProgrammeUpdate,
  Tally, TallyCounts, TallyList, TallyParams, Spend, SpendInput, SpendList, SpendParams, MemberInput, MemberParams, Member, MemberList, CaseInput, CaseParams, CaseRecord, CaseList, Created,
} from './programmes/schema.js';
import { Me, OrganisationUsersParams, User, UserInvite, UserPage, UserParams, UserStatusChange } from './users/schema.js';
import { digestPrefix } from './memoranda/digest.js';
import type { FunctionAccess } from './core/access.js';
import { evidencePrefix } from './reports/document-keys.js';
import { materialsPrefix } from './programmes/document-keys.js';
import { memorandumFilesPrefix } from './signing/document-keys.js';
import { MemorandumEvent, MemorandumEventInput, MemorandumEventList, MemorandumEventMaterialParams, MemorandumEventParams, MemorandumEventsQuery } from './events/schema.js';
import { eventMaterialsPrefix } from './events/document-keys.js';

/**
 * THE route table. CDK creates one Lambda per module and one HTTP API route per
 * entry; the local server dispatches from it; the OpenAPI document and the
 * authorization-matrix test are generated from it. Declare routes nowhere else.
 */
export const routes = [
  defineRoute({
    method: 'GET', path: '/api/openapi.json', module: 'openapi', operation: 'getOpenApiDocument',
    summary: 'The OpenAPI 3.1 description of this API', access: 'public',
    response: OpenApiDocument, successStatus: 200,
  }),
  defineRoute({
    method: 'GET', path: '/api/me', module: 'users', operation: 'getMe',
    summary: 'The signed-in user, their roles and organisation', access: ['admin', 'coordinator', 'council', 'funder'],
    response: Me, successStatus: 200,
  }),
  defineRoute({
    method: 'GET', path: '/api/organisations', module: 'organisations', operation: 'listOrganisations',
    summary: 'Organisations the caller may see, by name', access: ['admin', 'coordinator', 'council', 'funder'],
    query: pageQuery, response: OrganisationPage, successStatus: 200,
  }),
  defineRoute({
    method: 'POST', path: '/api/organisations', module: 'organisations', operation: 'createOrganisation',
    summary: 'Register an organisation', access: ['admin', 'coordinator'],
    body: OrganisationInput, response: Organisation, successStatus: 201, idempotent: true,
  }),
  defineRoute({
    method: 'GET', path: '/api/organisations/{orgId}', module: 'organisations', operation: 'getOrganisation',
    summary: 'One organisation', access: ['admin', 'coordinator', 'council', 'funder'],
    params: OrganisationParams, response: Organisation, successStatus: 200, resource: 'organisation',
  }),
  defineRoute({
    method: 'PATCH', path: '/api/organisations/{orgId}', module: 'organisations', operation: 'updateOrganisation',
    summary: 'Change an organisation', access: ['admin', 'coordinator'],
    params: OrganisationParams, body: OrganisationPatch, response: Organisation, successStatus: 200,
    requiresIfMatch: true, resource: 'organisation',
  }),
  defineRoute({
    method: 'GET', path: '/api/organisations/{orgId}/users', module: 'users', operation: 'listUsers',
    summary: 'Users of an organisation, by name', access: ['admin', 'coordinator'],
    params: OrganisationUsersParams, query: pageQuery, response: UserPage, successStatus: 200, resource: 'organisation',
  }),
  defineRoute({
    method: 'POST', path: '/api/organisations/{orgId}/users', module: 'users', operation: 'inviteUser',
    summary: 'Invite a user to an organisation', access: ['admin', 'coordinator'],
    params: OrganisationUsersParams, body: UserInvite, response: User, successStatus: 201, idempotent: true,
    resource: 'organisation',
  }),
  defineRoute({
    method: 'PUT', path: '/api/users/{userId}/status', module: 'users', operation: 'setUserStatus',
    summary: 'Disable or re-enable a user', access: ['admin', 'coordinator'],
    params: UserParams, body: UserStatusChange, response: User, successStatus: 200, requiresIfMatch: true,
    resource: 'user',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda', module: 'memoranda', operation: 'listMemoranda',
    summary: 'Memoranda the caller\'s organisation is party to, latest change first', access: ['admin', 'coordinator', 'council', 'funder'],
    query: MemorandumListQuery, response: MemorandumPage, successStatus: 200,
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda', module: 'memoranda', operation: 'createMemorandum',
    summary: 'Start a draft memorandum, blank or from a template', access: ['coordinator'],
    body: MemorandumCreate, response: Memorandum, successStatus: 201, idempotent: true,
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}', module: 'memoranda', operation: 'getMemorandum',
    summary: 'A memorandum with its parties\' state and audit trail', access: ['admin', 'coordinator', 'council', 'funder'],
    params: MemorandumParams, response: MemorandumView, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'PUT', path: '/api/memoranda/{memorandumId}/draft', module: 'memoranda', operation: 'saveDraft',
    summary: 'Save the draft as a new revision', access: ['coordinator'],
    params: MemorandumParams, body: MemorandumDraft, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/submit', module: 'memoranda', operation: 'submitMemorandum',
    summary: 'Freeze the current revision and ask every party to approve it', access: ['coordinator'],
    params: MemorandumParams, body: NoBody, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/withdraw', module: 'memoranda', operation: 'withdrawMemorandum',
    summary: 'Take a submitted memorandum back to draft while no party has acted', access: ['coordinator'],
    params: MemorandumParams, body: NoBody, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/approve', module: 'signing', operation: 'approveMemorandum',
    summary: 'Approve the frozen revision for the caller\'s party', access: ['coordinator', 'council'],
    params: MemorandumParams, body: NoBody, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum', heavy: true,
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/return', module: 'memoranda', operation: 'returnMemorandum',
    summary: 'Return the memorandum to draft with a comment', access: ['coordinator', 'council'],
    params: MemorandumParams, body: ReturnRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/close', module: 'memoranda', operation: 'closeMemorandum',
    summary: 'Close an active memorandum, with the reason', access: ['coordinator'],
    params: MemorandumParams, body: EndRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/terminate', module: 'memoranda', operation: 'terminateMemorandum',
    summary: 'Terminate an active memorandum early, with the reason', access: ['coordinator'],
    params: MemorandumParams, body: EndRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/sign', module: 'signing', operation: 'signMemorandum',
    summary: 'Sign the final text for the caller\'s party (the last signature seals it)', access: ['coordinator', 'council'],
    params: MemorandumParams, body: SignRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum', heavy: true,
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/documents/{kind}', module: 'signing', operation: 'getDocumentLink',
    summary: 'A short-lived download link for the final text or the certificate, after an integrity check', access: ['admin', 'coordinator', 'council', 'funder'],
    params: DocumentParams, response: DocumentLink, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/attachments/uploads', module: 'signing', operation: 'requestAttachmentUpload',
    summary: 'A presigned upload for an externally signed file (size and type fixed by its policy)', access: ['coordinator', 'council'],
    params: MemorandumParams, body: AttachmentUploadRequest, response: AttachmentUpload, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/attachments', module: 'signing', operation: 'attachSignedFile',
    summary: 'Record an uploaded signed file after checking its size, type and content ("attached, not verified")', access: ['coordinator', 'council'],
    params: MemorandumParams, body: AttachmentConfirm, response: Attachment, successStatus: 201, idempotent: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/attachments/{attachmentId}', module: 'signing', operation: 'getAttachmentLink',
    summary: 'A short-lived download link for an attached file, after an integrity check', access: ['admin', 'coordinator', 'council', 'funder'],
    params: AttachmentParams, response: DocumentLink, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/revisions', module: 'memoranda', operation: 'listRevisions',
    summary: 'Every saved revision: who saved it and when', access: ['admin', 'coordinator', 'council', 'funder'],
    params: MemorandumParams, response: RevisionList, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/diff', module: 'memoranda', operation: 'diffRevisions',
    summary: 'What changed between two revisions, section by section', access: ['admin', 'coordinator', 'council', 'funder'],
    params: MemorandumParams, query: DiffQuery, response: RevisionDiff, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/audit/verify', module: 'signing', operation: 'verifyAuditTrail',
    summary: 'Recompute the audit hash chain, hold it against the heads recorded on the memorandum, its certificate and the signed daily digest, and report the first event that does not hold', access: ['admin', 'coordinator', 'council', 'funder'],
    params: MemorandumParams, response: AuditVerification, successStatus: 200, resource: 'memorandum', heavy: true,
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/amendments', module: 'memoranda', operation: 'startAmendment',
    summary: 'Start an amendment (supplementary agreement) to a memorandum in force: a draft of the amended text', access: ['coordinator'],
    params: MemorandumParams, body: AmendmentStart, response: Memorandum, successStatus: 201, idempotent: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'PUT', path: '/api/memoranda/{memorandumId}/amendments/{number}', module: 'memoranda', operation: 'saveAmendment',
    summary: 'Save the amended text as a new revision', access: ['coordinator'],
    params: AmendmentParams, body: AmendmentDraft, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/amendments/{number}/submit', module: 'memoranda', operation: 'submitAmendment',
    summary: 'Freeze the amended text and ask every party of it (and any party leaving) to approve it', access: ['coordinator'],
    params: AmendmentParams, body: NoBody, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/amendments/{number}/return', module: 'memoranda', operation: 'returnAmendment',
    summary: 'Return the amendment to draft with a comment', access: ['coordinator', 'council'],
    params: AmendmentParams, body: ReturnRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/amendments/{number}/abandon', module: 'memoranda', operation: 'abandonAmendment',
    summary: 'Abandon an amendment nobody has signed yet (the memorandum stays as it is)', access: ['coordinator'],
    params: AmendmentParams, body: EndRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/amendments/{number}/approve', module: 'signing', operation: 'approveAmendment',
    summary: 'Approve the amended text for the caller\'s party (the last approval renders its final text)', access: ['coordinator', 'council'],
    params: AmendmentParams, body: NoBody, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum', heavy: true,
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/amendments/{number}/sign', module: 'signing', operation: 'signAmendment',
    summary: 'Sign the amendment for the caller\'s party (the last signature puts the amended text in force)', access: ['coordinator', 'council'],
    params: AmendmentParams, body: SignRequest, response: Memorandum, successStatus: 200, requiresIfMatch: true, resource: 'memorandum', heavy: true,
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/amendments/{number}/documents/{kind}', module: 'signing', operation: 'getAmendmentDocumentLink',
    summary: 'A short-lived download link for an amendment\'s final text or certificate, after an integrity check', access: ['admin', 'coordinator', 'council', 'funder'],
    params: AmendmentDocumentParams, response: DocumentLink, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/events', module: 'events', operation: 'listMemorandumEvents',
    summary: 'The events every party organises under the memorandum, by date (counts of people only, never who)', access: ['admin', 'coordinator', 'council', 'funder'],
    params: MemorandumParams, query: MemorandumEventsQuery, response: MemorandumEventList, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/events', module: 'events', operation: 'recordMemorandumEvent',
    summary: 'Record an event the caller\'s party organises (with co-organisers among the parties), linked to the obligations it serves', access: ['coordinator', 'council'],
    params: MemorandumParams, body: MemorandumEventInput, response: MemorandumEvent, successStatus: 201, idempotent: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'PUT', path: '/api/memoranda/{memorandumId}/events/{eventId}', module: 'events', operation: 'updateMemorandumEvent',
    summary: 'Change an event the caller\'s party organises: held or cancelled, attendance, place, time', access: ['coordinator', 'council'],
    params: MemorandumEventParams, body: MemorandumEventInput, response: MemorandumEvent, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/events/{eventId}/materials/uploads', module: 'events', operation: 'requestEventMaterialUpload',
    summary: 'A presigned upload for an event\'s material (programme, photo, press release; size and type fixed by its policy)', access: ['coordinator', 'council'],
    params: MemorandumEventParams, body: DocumentUploadRequest, response: UploadForm, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/events/{eventId}/materials', module: 'events', operation: 'attachEventMaterial',
    summary: 'Attach an uploaded material to the event once the API has checked its size, type and first bytes', access: ['coordinator', 'council'],
    params: MemorandumEventParams, body: DocumentConfirm, response: MemorandumEvent, successStatus: 201, idempotent: true, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/events/{eventId}/materials/{materialId}', module: 'events', operation: 'getEventMaterialLink',
    summary: 'A short-lived download link for an event\'s material, after an integrity check', access: ['admin', 'coordinator', 'council', 'funder'],
    params: MemorandumEventMaterialParams, response: DownloadLink, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'DELETE', path: '/api/memoranda/{memorandumId}/events/{eventId}/materials/{materialId}', module: 'events', operation: 'removeEventMaterial',
    summary: 'Remove a material from the event', access: ['coordinator', 'council'],
    params: MemorandumEventMaterialParams, response: MemorandumEvent, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/commitments', module: 'obligations', operation: 'listCommitments',
    summary: 'The obligations the caller\'s organisation owns across signed memoranda, by due date', access: ['coordinator', 'council'],
    query: CommitmentsQuery, response: CommitmentPage, successStatus: 200,
  }),
  defineRoute({
    method: 'GET', path: '/api/partner-commitments', module: 'obligations', operation: 'listPartnerCommitments',
    summary: 'Open obligations of every party on the memoranda the caller\'s organisation drafted, first due by today, by due date', access: ['coordinator'],
    query: PartnerCommitmentsQuery, response: CommitmentPage, successStatus: 200,
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/reports', module: 'reports', operation: 'createReport',
    summary: 'Start the organisation\'s progress report for a period (one per organisation, memorandum and period)', access: ['coordinator', 'council'],
    params: MemorandumParams, body: ReportCreate, response: Report, successStatus: 201, idempotent: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/reports/{reportId}', module: 'reports', operation: 'getReport',
    summary: 'A progress report (its organisation and the reviewing coordinators only)', access: ['coordinator', 'council'],
    params: ReportParams, response: Report, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'PUT', path: '/api/memoranda/{memorandumId}/reports/{reportId}', module: 'reports', operation: 'saveReport',
    summary: 'Save report entries as draft (status, percent, narrative, indicator actuals per obligation)', access: ['coordinator', 'council'],
    params: ReportParams, body: ReportSave, response: Report, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/reports/{reportId}/submit', module: 'reports', operation: 'submitReport',
    summary: 'Submit the report for review', access: ['coordinator', 'council'],
    params: ReportParams, body: NoBody, response: Report, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/reports/{reportId}/accept', module: 'reports', operation: 'acceptReport',
    summary: 'Accept a submitted report: its obligations and the party\'s figures change with it', access: ['coordinator'],
    params: ReportParams, body: NoBody, response: Report, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/reports/{reportId}/return', module: 'reports', operation: 'returnReport',
    summary: 'Return a submitted report with comments (overall and per entry)', access: ['coordinator'],
    params: ReportParams, body: ReturnReport, response: Report, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/reports/{reportId}/evidence/uploads', module: 'reports', operation: 'requestEvidenceUpload',
    summary: 'A presigned upload for an evidence file on a report entry (size and type fixed by its policy)', access: ['coordinator', 'council'],
    params: ReportParams, body: EvidenceUploadRequest, response: UploadForm, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'POST', path: '/api/memoranda/{memorandumId}/reports/{reportId}/evidence', module: 'reports', operation: 'attachEvidence',
    summary: 'Attach an uploaded evidence file to an entry once the API has checked its size, type and first bytes', access: ['coordinator', 'council'],
    params: ReportParams, body: EvidenceConfirm, response: Report, successStatus: 201, idempotent: true, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/memoranda/{memorandumId}/reports/{reportId}/evidence/{evidenceId}', module: 'reports', operation: 'getEvidenceLink',
    summary: 'A short-lived download link for an evidence file, after an integrity check', access: ['coordinator', 'council'],
    params: EvidenceParams, response: DownloadLink, successStatus: 200, resource: 'memorandum',
  }),
  defineRoute({
    method: 'DELETE', path: '/api/memoranda/{memorandumId}/reports/{reportId}/evidence/{evidenceId}', module: 'reports', operation: 'removeEvidence',
    summary: 'Remove an evidence file from a report that is still being edited', access: ['coordinator', 'council'],
    params: EvidenceParams, response: Report, successStatus: 200, requiresIfMatch: true, resource: 'memorandum',
  }),
  defineRoute({
    method: 'GET', path: '/api/reviews', module: 'reports', operation: 'listReviewQueue',
    summary: 'Submitted reports awaiting the caller\'s organisation\'s review, oldest first', access: ['coordinator'],
    query: pageQuery, response: ReportPage, successStatus: 200,
  }),
  defineRoute({
    method: 'GET', path: '/api/reports', module: 'reports', operation: 'listOpenReports',
    summary: 'The caller\'s organisation\'s reports still in its hands (drafts, and reports returned for changes), latest change first', access: ['coordinator', 'council'],
    query: pageQuery, response: ReportPage, successStatus: 200,
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes', module: 'programmes', operation: 'listProgrammes',
    summary: 'Programmes the caller\'s organisation implements or funds, latest start first', access: ['coordinator', 'funder'],
    query: ProgrammeListQuery, response: ProgrammePage, successStatus: 200,
  }),
  defineRoute({
    method: 'POST', path: '/api/programmes', module: 'programmes', operation: 'createProgramme',
    summary: 'Create a programme: period, implementing organisations, funders, budget, linked memoranda, results framework', access: ['coordinator'],
    body: ProgrammeCreate, response: Programme, successStatus: 201, idempotent: true,
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes/{programmeId}', module: 'programmes', operation: 'getProgramme',
    summary: 'One programme (its implementers and funders only)', access: ['coordinator', 'funder'],
    params: ProgrammeParams, response: Programme, successStatus: 200, resource: 'programme',
  }),
  defineRoute({
    method: 'PUT', path: '/api/programmes/{programmeId}', module: 'programmes', operation: 'updateProgramme',
    summary: 'Change a programme (coordinators of an implementing organisation; who implements or funds it, and the lead, only the lead\'s)', access: ['coordinator'],
    params: ProgrammeParams, body: ProgrammeUpdate, response: Programme, successStatus: 200, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'POST', path: '/api/programmes/{programmeId}/leave', module: 'programmes', operation: 'leaveProgramme',
    summary: 'The caller\'s organisation stops implementing the programme (not the lead, and only when it keeps no case records there)', access: ['coordinator'],
    params: ProgrammeParams, response: Created, successStatus: 200, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes/{programmeId}/activities', module: 'programmes', operation: 'listActivities',
    summary: 'The programme\'s activities by date (a calendar range), for its implementers', access: ['coordinator'],
    params: ProgrammeParams, query: CalendarQuery, response: ActivityList, successStatus: 200, resource: 'programme',
  }),
  defineRoute({
    method: 'POST', path: '/api/programmes/{programmeId}/activities', module: 'programmes', operation: 'createActivity',
    summary: 'Plan or record an activity (seminar, training, campaign, public event, press conference)', access: ['coordinator'],
    params: ProgrammeParams, body: ActivityInput, response: Activity, successStatus: 201, idempotent: true, resource: 'programme',
  }),
  defineRoute({
    method: 'PUT', path: '/api/programmes/{programmeId}/activities/{activityId}', module: 'programmes', operation: 'updateActivity',
    summary: 'Change an activity: held or cancelled, attendance, place, time', access: ['coordinator'],
    params: ActivityParams, body: ActivityInput, response: Activity, successStatus: 200, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'PUT', path: '/api/programmes/{programmeId}/activities/{activityId}/participants', module: 'programmes', operation: 'changeParticipants',
    summary: 'Link network members to an activity (invited, attended) or unlink them; attended members count in its attendance', access: ['coordinator'],
    params: ActivityParams, body: ParticipantChanges, response: Activity, successStatus: 200, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'POST', path: '/api/programmes/{programmeId}/activities/{activityId}/materials/uploads', module: 'programmes', operation: 'requestMaterialUpload',
    summary: 'A presigned upload for an activity\'s material (programme, handout, slides, photo; size and type fixed by its policy)', access: ['coordinator'],
    params: ActivityParams, body: DocumentUploadRequest, response: UploadForm, successStatus: 200, resource: 'programme',
  }),
  defineRoute({
    method: 'POST', path: '/api/programmes/{programmeId}/activities/{activityId}/materials', module: 'programmes', operation: 'attachMaterial',
    summary: 'Attach an uploaded material to an activity once the API has checked its size, type and first bytes', access: ['coordinator'],
    params: ActivityParams, body: DocumentConfirm, response: Activity, successStatus: 201, idempotent: true, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes/{programmeId}/activities/{activityId}/materials/{materialId}', module: 'programmes', operation: 'getMaterialLink',
    summary: 'A short-lived download link for an activity\'s material, after an integrity check', access: ['coordinator'],
    params: MaterialParams, response: DownloadLink, successStatus: 200, resource: 'programme',
  }),
  defineRoute({
    method: 'DELETE', path: '/api/programmes/{programmeId}/activities/{activityId}/materials/{materialId}', module: 'programmes', operation: 'removeMaterial',
    summary: 'Remove a material from an activity', access: ['coordinator'],
    params: MaterialParams, response: Activity, successStatus: 200, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes/{programmeId}/tallies', module: 'programmes', operation: 'listTallies',
    summary: 'Assistance delivered, by month, type and channel (exact figures, for implementers)', access: ['coordinator'],
    params: ProgrammeParams, response: TallyList, successStatus: 200, resource: 'programme',
  }),
  defineRoute({
    method: 'PUT', path: '/api/programmes/{programmeId}/tallies/{tallyId}', module: 'programmes', operation: 'putTally',
    summary: 'Record people and families reached in a month by a type of help and a channel (If-Match "0" to create)', access: ['coordinator'],
    params: TallyParams, body: TallyCounts, response: Tally, successStatus: 200, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes/{programmeId}/spending', module: 'programmes', operation: 'listSpending',
    summary: 'Reported spending by month and budget line (implementers)', access: ['coordinator'],
    params: ProgrammeParams, response: SpendList, successStatus: 200, resource: 'programme',
  }),
  defineRoute({
    method: 'PUT', path: '/api/programmes/{programmeId}/spending/{month}/{lineId}', module: 'programmes', operation: 'putSpend',
    summary: 'Report what was spent in a month on a budget line (If-Match "0" to create)', access: ['coordinator'],
    params: SpendParams, body: SpendInput, response: Spend, successStatus: 200, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes/{programmeId}/actuals', module: 'programmes', operation: 'listIndicatorActuals',
    summary: 'Every recorded indicator actual with its version (for implementers, to edit them)', access: ['coordinator'],
    params: ProgrammeParams, response: IndicatorActualList, successStatus: 200, resource: 'programme',
  }),
  defineRoute({
    method: 'PUT', path: '/api/programmes/{programmeId}/indicators/{indicatorId}/actuals/{period}', module: 'programmes', operation: 'putIndicatorActual',
    summary: 'Record an indicator\'s actual for one of its periods (If-Match "0" to create)', access: ['coordinator'],
    params: ActualParams, body: ActualInput, response: IndicatorActual, successStatus: 200, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes/{programmeId}/network', module: 'programmes', operation: 'listNetwork',
    summary: 'The programme\'s network of activists and partner groups, with consent (implementers only; funders see counts by country)', access: ['coordinator'],
    params: ProgrammeParams, response: MemberList, successStatus: 200, resource: 'programme',
  }),
  defineRoute({
    method: 'POST', path: '/api/programmes/{programmeId}/network', module: 'programmes', operation: 'addMember',
    summary: 'Add an activist or partner group to the network, with the date and scope of their consent', access: ['coordinator'],
    params: ProgrammeParams, body: MemberInput, response: Created, successStatus: 201, idempotent: true, resource: 'programme',
  }),
  defineRoute({
    method: 'PUT', path: '/api/programmes/{programmeId}/network/{memberId}', module: 'programmes', operation: 'updateMember',
    summary: 'Change a network member\'s details and consent (participation is linked from the activity)', access: ['coordinator'],
    params: MemberParams, body: MemberInput, response: Member, successStatus: 200, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'DELETE', path: '/api/programmes/{programmeId}/network/{memberId}', module: 'programmes', operation: 'removeMember',
    summary: 'Remove a member on request: their personal data is erased, only anonymous counts stay', access: ['coordinator'],
    params: MemberParams, response: Created, successStatus: 200, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes/{programmeId}/cases', module: 'programmes', operation: 'listCases',
    summary: 'Case records kept by the caller\'s organisation (restricted: never on any funder route or export)', access: ['coordinator'],
    params: ProgrammeParams, response: CaseList, successStatus: 200, resource: 'programme',
  }),
  defineRoute({
    method: 'POST', path: '/api/programmes/{programmeId}/cases', module: 'programmes', operation: 'addCase',
    summary: 'Open a case record: pseudonymous code, consent, kinds of help, dates', access: ['coordinator'],
    params: ProgrammeParams, body: CaseInput, response: Created, successStatus: 201, idempotent: true, resource: 'programme',
  }),
  defineRoute({
    method: 'PUT', path: '/api/programmes/{programmeId}/cases/{caseId}', module: 'programmes', operation: 'updateCase',
    summary: 'Change a case record kept by the caller\'s organisation', access: ['coordinator'],
    params: CaseParams, body: CaseInput, response: CaseRecord, successStatus: 200, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'DELETE', path: '/api/programmes/{programmeId}/cases/{caseId}', module: 'programmes', operation: 'deleteCase',
    summary: 'Delete a case record (on request, or when no longer needed)', access: ['coordinator'],
    params: CaseParams, response: Created, successStatus: 200, requiresIfMatch: true, resource: 'programme',
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes/{programmeId}/dashboard', module: 'programmes', operation: 'getDashboard',
    summary: 'Progress at a glance: time elapsed, activities, attendance, assistance, indicators, linked obligations (small counts hidden for funders)', access: ['coordinator', 'funder'],
    params: ProgrammeParams, response: Dashboard, successStatus: 200, resource: 'programme',
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes/{programmeId}/exports/{file}', module: 'exports', operation: 'exportProgrammeFile',
    summary: 'A programme file: indicators, activities or assistance as CSV (UTF-8 with BOM), or the IATI 2.03 activity XML; small counts hidden for funders', access: ['coordinator', 'funder'],
    params: ExportParams, response: z.string(), successStatus: 200, resource: 'programme', produces: ['text/csv', 'application/xml'], heavy: true,
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes/{programmeId}/report.pdf', module: 'exports', operation: 'exportProgressReport',
    summary: 'The progress report for a period as a PDF (cover, summary figures, charts, activities, indicators); small counts hidden for funders', access: ['coordinator', 'funder'],
    params: ProgrammeParams, query: ReportRangeQuery, response: z.string(), successStatus: 200, resource: 'programme', produces: ['application/pdf'], heavy: true,
  }),
  defineRoute({
    method: 'GET', path: '/api/calendar/{programmeId}/{token}', module: 'exports', operation: 'getCalendarFeed',
    summary: 'The programme\'s activities as an iCalendar feed, behind the secret link its coordinators share', access: 'public',
    params: CalendarFeedParams, response: z.string(), successStatus: 200, produces: ['text/calendar'], heavy: true,
  }),
] as const satisfies readonly RouteDefinition[];

export type AppRoute = (typeof routes)[number];
export type ModuleName = AppRoute['module'];
export type RoutesOf<M extends ModuleName> = Extract<AppRoute, { module: M }>;

export const moduleNames = [...new Set(routes.map((route) => route.module))] as ModuleName[];

/**
 * What each module's function may touch (functions/core/access.ts): the CDK
 * stack grants exactly this, and the local stack gives each module's handler
 * only this. Document prefixes are the constants the module builds its keys with.
 */
export const moduleAccess: Record<ModuleName, FunctionAccess> = {
  openapi: {},
  organisations: { table: 'readwrite' },
  users: { table: 'readwrite', directory: true },
  memoranda: { table: 'readwrite', mail: true },
  obligations: { table: 'read' },
  events: { table: 'readwrite', documents: { readwrite: [eventMaterialsPrefix] } },
  reports: { table: 'readwrite', documents: { readwrite: [evidencePrefix] } },
  programmes: { table: 'readwrite', documents: { readwrite: [materialsPrefix] } },
  exports: { table: 'read', fonts: true },
  signing: { table: 'readwrite', documents: { readwrite: [memorandumFilesPrefix], read: [digestPrefix], retain: [memorandumFilesPrefix] }, digestKey: 'verify', fonts: true, mail: true },
};

/** The daily job (memoranda coming into force, reminders, audit digests): scheduled, no routes. */
export const dailyJobAccess: FunctionAccess = { table: 'readwrite', documents: { readwrite: [digestPrefix] }, digestKey: 'sign', mail: true };

const byKey = new Map<string, AppRoute>(routes.map((route) => [routeKeyOf(route), route]));

export const findRoute = (routeKey: string): AppRoute | undefined => byKey.get(routeKey);
