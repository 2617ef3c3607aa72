import * as z from 'zod/mini';
import { defineRoute } from '../core/route.js';
import { DocumentConfirm, DocumentUploadRequest, DownloadLink, UploadForm } from '../files/schema.js';
import { ExportJob, ExportJobParams, ExportRequest } from '../exports/schema.js';
import { Activity, ActivityInput, ActivityList, ActivityParams, ActualInput, ActualParams, CalendarFeedParams, CalendarQuery, CaseInput, CaseList, CaseParams, CaseRecord, Created, Dashboard, IndicatorActual, IndicatorActualList, MaterialParams, Member, MemberInput, MemberList, MemberParams, ParticipantChanges, Programme, ProgrammeCreate, ProgrammeListQuery, ProgrammePage, ProgrammeParams, ProgrammeUpdate, Spend, SpendInput, SpendList, SpendParams, Tally, TallyCounts, TallyList, TallyParams } from './schema.js';

/** The programmes routes, in THE route table (functions/routes.ts). */
export const programmeRoutes = [
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
    params: ActivityParams, body: ActivityInput, response: Activity, successStatus: 200, idempotent: true, requiresIfMatch: true, resource: 'programme',
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
    method: 'POST', path: '/api/programmes/{programmeId}/exports', module: 'exports', operation: 'requestExport',
    summary: 'Ask for a programme file, made off the request path: the progress report for a period (PDF), indicators, activities or assistance (CSV, UTF-8 with BOM) or the IATI 2.03 activity XML; small counts hidden for funders. The same request while the data is unchanged is the same job',
    access: ['coordinator', 'funder'], params: ProgrammeParams, body: ExportRequest, response: ExportJob, successStatus: 202, resource: 'programme',
  }),
  defineRoute({
    method: 'GET', path: '/api/programmes/{programmeId}/exports/jobs/{jobId}', module: 'exports', operation: 'getExportJob',
    summary: 'An export job: its state and progress, and when done a short-lived link to the file (its SHA-256 checked again)', access: ['coordinator', 'funder'],
    params: ExportJobParams, response: ExportJob, successStatus: 200, resource: 'programme',
  }),
  defineRoute({
    method: 'GET', path: '/api/calendar/{programmeId}/{token}', module: 'exports', operation: 'getCalendarFeed',
    summary: 'The programme\'s activities as an iCalendar feed, behind the secret link its coordinators share', access: 'public',
    params: CalendarFeedParams, response: z.string(), successStatus: 200, produces: ['text/calendar'], heavy: true,
  }),
] as const;
