import { defineRoute } from '../core/route.js';
import { pageQuery } from '../core/schemas.js';
import { DownloadLink, UploadForm } from '../files/schema.js';
import { MemorandumParams, NoBody } from '../memoranda/schema.js';
import { EvidenceConfirm, EvidenceParams, EvidenceUploadRequest, Report, ReportCreate, ReportPage, ReportParams, ReportSave, ReturnReport } from './schema.js';

/** The reports routes, in THE route table (functions/routes.ts). */
export const reportRoutes = [
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
    params: ReportParams, body: ReportSave, response: Report, successStatus: 200, idempotent: true, requiresIfMatch: true, resource: 'memorandum',
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
] as const;
