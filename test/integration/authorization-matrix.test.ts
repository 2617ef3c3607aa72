import { beforeAll, describe, expect, it } from 'vitest';
import { routes, type AppRoute } from '../../functions/routes.js';
import { demoOrganisations } from '../../infra/local/seed.js';
import { call, demoUser } from '../support/api.js';
import { caseContent, createActiveMemorandum, createApprovedMemorandum, createOtherMemorandum, uploadSignedFile } from '../support/memoranda.js';
import { activist, caseRecord, createActivity, createOtherProgramme, createProgramme, programmeContent, seminar, uploadMaterial, type ProgrammeBody } from '../support/programmes.js';
import { startCouncilReport, uploadEvidence } from '../support/reports.js';
import { memorandumWithAmendment } from '../support/amendments.js';
import { pressConference } from '../support/events.js';

/**
 * Every route × every kind of caller × {a record of the caller's organisation,
 * a record of another organisation} → the status it must get, through the real
 * HTTP path with real tokens. A route missing from `expected` fails the suite.
 */
type Caller = 'anonymous' | 'admin' | 'coordinator' | 'council' | 'funder';
type Scope = 'own' | 'other';
type Expectation = Record<Caller, Record<Scope, number>>;

const same = (status: number) => ({ own: status, other: status });
const byCaller = (statuses: Partial<Record<Caller, { own: number; other: number }>>, fallback: { own: number; other: number }): Expectation => ({
  anonymous: statuses.anonymous ?? same(401),
  admin: statuses.admin ?? fallback,
  coordinator: statuses.coordinator ?? fallback,
  council: statuses.council ?? fallback,
  funder: statuses.funder ?? fallback,
});

const expected: Record<AppRoute['operation'], Expectation> = {
  getOpenApiDocument: byCaller({ anonymous: same(200) }, same(200)),
  getMe: byCaller({}, same(200)),
  listOrganisations: byCaller({}, same(200)),
  createOrganisation: byCaller({ admin: same(201), coordinator: same(201) }, same(403)),
  getOrganisation: byCaller({ admin: same(200), coordinator: same(200) }, { own: 200, other: 404 }),
  updateOrganisation: byCaller({ admin: same(200), coordinator: { own: 200, other: 403 } }, same(403)),
  listUsers: byCaller({ admin: same(200), coordinator: same(200) }, same(403)),
  inviteUser: byCaller({ admin: same(201), coordinator: { own: 201, other: 403 } }, same(403)),
  setUserStatus: byCaller({ admin: same(200), coordinator: { own: 200, other: 403 } }, same(403)),
  listMemoranda: byCaller({}, same(200)),
  createMemorandum: byCaller({ coordinator: same(201) }, same(403)),
  getMemorandum: byCaller({}, { own: 200, other: 404 }),
  saveDraft: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  submitMemorandum: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  withdrawMemorandum: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  approveMemorandum: byCaller({ coordinator: { own: 200, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  returnMemorandum: byCaller({ coordinator: { own: 200, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  requestAttachmentUpload: byCaller({ coordinator: { own: 200, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  attachSignedFile: byCaller({ coordinator: { own: 201, other: 404 }, council: { own: 201, other: 404 } }, same(403)),
  getAttachmentLink: byCaller({ funder: same(404) }, { own: 200, other: 404 }),
  closeMemorandum: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  terminateMemorandum: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  signMemorandum: byCaller({ coordinator: { own: 200, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  // The signing fixture has two parties (NGO, council): a funder is no party to it.
  getDocumentLink: byCaller({ funder: same(404) }, { own: 200, other: 404 }),
  listRevisions: byCaller({}, { own: 200, other: 404 }),
  // Always the caller's own organisation's commitments: there is no other organisation to ask for.
  createReport: byCaller({ coordinator: { own: 201, other: 404 }, council: { own: 201, other: 404 } }, same(403)),
  // The fixture report is the council's; the NGO coordinator reviews it (reads, never edits).
  getReport: byCaller({ coordinator: { own: 200, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  saveReport: byCaller({ coordinator: { own: 403, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  submitReport: byCaller({ coordinator: { own: 403, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  acceptReport: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  returnReport: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  listReviewQueue: byCaller({ coordinator: same(200) }, same(403)),
  listOpenReports: byCaller({ coordinator: same(200), council: same(200) }, same(403)),
  // Evidence belongs to the council's report: its officers add and remove files; the reviewing coordinators may read them.
  requestEvidenceUpload: byCaller({ coordinator: { own: 403, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  attachEvidence: byCaller({ coordinator: { own: 403, other: 404 }, council: { own: 201, other: 404 } }, same(403)),
  getEvidenceLink: byCaller({ coordinator: { own: 200, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  removeEvidence: byCaller({ coordinator: { own: 403, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  listCommitments: byCaller({ coordinator: same(200), council: same(200) }, same(403)),
  listPartnerCommitments: byCaller({ coordinator: same(200) }, same(403)),
  // Programmes: run by coordinators of implementing organisations, read by funders of funding ones; others never learn of them.
  listProgrammes: byCaller({ coordinator: same(200), funder: same(200) }, same(403)),
  createProgramme: byCaller({ coordinator: same(201) }, same(403)),
  getProgramme: byCaller({ coordinator: { own: 200, other: 404 }, funder: { own: 200, other: 404 } }, same(403)),
  updateProgramme: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  // "own": a programme the resource centre leads, which the caller's NGO implements too (see the governance table below).
  leaveProgramme: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  // Records behind the dashboard: implementers only; funders read them as aggregates through the dashboard.
  listActivities: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  createActivity: byCaller({ coordinator: { own: 201, other: 404 } }, same(403)),
  updateActivity: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  changeParticipants: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  requestMaterialUpload: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  attachMaterial: byCaller({ coordinator: { own: 201, other: 404 } }, same(403)),
  getMaterialLink: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  removeMaterial: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  listTallies: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  putTally: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  listSpending: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  putSpend: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  listIndicatorActuals: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  putIndicatorActual: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  requestExport: byCaller({ coordinator: { own: 202, other: 404 }, funder: { own: 202, other: 404 } }, same(403)),
  // A job of the caller's own audience; another programme's id looks like no job at all.
  getExportJob: byCaller({ coordinator: { own: 200, other: 404 }, funder: { own: 200, other: 404 } }, same(403)),
  // Public, behind the secret link: the right secret opens it for anyone, a wrong one looks like no calendar at all.
  getCalendarFeed: byCaller({ anonymous: { own: 200, other: 404 } }, { own: 200, other: 404 }),
  // The network and case records never reach a funder, not even by probing their routes.
  listNetwork: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  addMember: byCaller({ coordinator: { own: 201, other: 404 } }, same(403)),
  updateMember: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  removeMember: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  listCases: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  addCase: byCaller({ coordinator: { own: 201, other: 404 } }, same(403)),
  updateCase: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  deleteCase: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  getDashboard: byCaller({ coordinator: { own: 200, other: 404 }, funder: { own: 200, other: 404 } }, same(403)),
  diffRevisions: byCaller({}, { own: 200, other: 404 }),
  // Amendments: any party's coordinator starts one and its drafting coordinators edit it; every party's named people approve and sign; a non-party learns nothing.
  startAmendment: byCaller({ coordinator: { own: 201, other: 404 } }, same(403)),
  saveAmendment: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  submitAmendment: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  returnAmendment: byCaller({ coordinator: { own: 200, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  abandonAmendment: byCaller({ coordinator: { own: 200, other: 404 } }, same(403)),
  approveAmendment: byCaller({ coordinator: { own: 200, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  signAmendment: byCaller({ coordinator: { own: 200, other: 404 }, council: { own: 200, other: 404 } }, same(403)),
  getAmendmentDocumentLink: byCaller({ funder: same(404) }, { own: 200, other: 404 }),
  // The parties' events: every party reads the calendar (the funder is a party of that fixture); a party records its own events; only the organiser changes one.
  listMemorandumEvents: byCaller({}, { own: 200, other: 404 }),
  recordMemorandumEvent: byCaller({ coordinator: { own: 201, other: 404 }, council: { own: 201, other: 404 } }, same(403)),
  updateMemorandumEvent: byCaller({ coordinator: { own: 200, other: 404 }, council: { own: 403, other: 404 } }, same(403)),
  // Its materials: the organiser adds and removes them; every party reads them (the funder is no party to that fixture).
  requestEventMaterialUpload: byCaller({ coordinator: { own: 200, other: 404 }, council: { own: 403, other: 404 } }, same(403)),
  attachEventMaterial: byCaller({ coordinator: { own: 201, other: 404 }, council: { own: 403, other: 404 } }, same(403)),
  getEventMaterialLink: byCaller({ funder: same(404) }, { own: 200, other: 404 }),
  removeEventMaterial: byCaller({ coordinator: { own: 200, other: 404 }, council: { own: 403, other: 404 } }, same(403)),
  verifyAuditTrail: byCaller({}, { own: 200, other: 404 }),
};

const callers: Caller[] = ['anonymous', 'admin', 'coordinator', 'council', 'funder'];
const scopes: Scope[] = ['own', 'other'];
const otherOrg = demoOrganisations.rightsInstitute;
const orgOf = (caller: Caller, scope: Scope) => (scope === 'other' || caller === 'anonymous' ? otherOrg : demoUser(caller).orgId);

/** A user in each organisation that anyone allowed may manage (role council, not the caller). */
const targetUsers = new Map<string, string>();
const admin = demoUser('admin');

const versionOf = async (path: string) => (await call<{ version: number }>('GET', path, { as: admin })).body.version;
const userVersion = async (orgId: string, userId: string) => {
  const page = await call<{ items: { id: string; version: number }[] }>('GET', `/api/organisations/${orgId}/users?limit=100`, { as: admin });
  return page.body.items.find((user) => user.id === userId)?.version ?? 1;
};

/**
 * The memorandum a caller acts on: for "own", a fresh one from the source case in
 * the state the action needs (the NGO, the council and the funder are parties);
 * for "other", one between two organisations none of these callers belongs to.
 */
const reportPeriod = { start: '2026-01-15', end: '2026-03-31' };
const memorandumFor = async (route: AppRoute, scope: Scope): Promise<{ id: string; version: number; documents?: { final?: { sha256: string } }; attachmentId?: string; reportId?: string; evidenceId?: string; eventId?: string; materialId?: string }> => {
  if (scope === 'other') return otherMemorandum;
  if (['requestEvidenceUpload', 'attachEvidence'].includes(route.operation)) {
    const { memorandumId, report } = await startCouncilReport();
    return { id: memorandumId, version: report.version, reportId: report.id };
  }
  if (['getEvidenceLink', 'removeEvidence'].includes(route.operation)) {
    const { memorandumId, report, base } = await startCouncilReport();
    const attached = await (await uploadEvidence(base, demoUser('council'))).confirm(report.version);
    return { id: memorandumId, version: attached.body.version, reportId: report.id, evidenceId: attached.body.entries[0]?.evidence?.[0]?.id ?? 'missing' };
  }
  if (['signMemorandum', 'getDocumentLink', 'requestAttachmentUpload', 'attachSignedFile'].includes(route.operation)) return createApprovedMemorandum();
  if (route.operation === 'getAttachmentLink') {
    const approved = await createApprovedMemorandum();
    const attached = await (await uploadSignedFile(approved.id, demoUser('coordinator'))).confirm();
    return { ...approved, attachmentId: attached.body.id };
  }
  if (['closeMemorandum', 'terminateMemorandum', 'createReport', 'startAmendment', 'recordMemorandumEvent'].includes(route.operation)) return createActiveMemorandum();
  if (['updateMemorandumEvent', 'requestEventMaterialUpload', 'attachEventMaterial', 'getEventMaterialLink', 'removeEventMaterial'].includes(route.operation)) {
    const active = await createActiveMemorandum();
    const recorded = await call<{ id: string }>('POST', `/api/memoranda/${active.id}/events`, { as: demoUser('coordinator'), body: byTheNgo() });
    const eventBase = `/api/memoranda/${active.id}/events/${recorded.body.id}`;
    if (!['getEventMaterialLink', 'removeEventMaterial'].includes(route.operation)) return { ...active, version: 1, eventId: recorded.body.id };
    const attached = await (await uploadMaterial(eventBase)).confirm(1);
    return { ...active, version: attached.body.version, eventId: recorded.body.id, materialId: attached.body.materials?.[0]?.id ?? 'missing' };
  }
  if (['saveAmendment', 'submitAmendment', 'abandonAmendment'].includes(route.operation)) return memorandumWithAmendment('draft');
  if (['returnAmendment', 'approveAmendment'].includes(route.operation)) return memorandumWithAmendment('in_review');
  if (['signAmendment', 'getAmendmentDocumentLink'].includes(route.operation)) {
    const approved = await memorandumWithAmendment('approved');
    return { ...approved, documents: { final: { sha256: approved.amendments?.[0]?.documents.final?.sha256 ?? '' } } };
  }
  if (['getReport', 'saveReport', 'submitReport', 'acceptReport', 'returnReport'].includes(route.operation)) {
    const active = await createActiveMemorandum();
    const created = await call<{ id: string; version: number }>('POST', `/api/memoranda/${active.id}/reports`, { as: demoUser('council'), body: { period: reportPeriod } });
    // A report that says something, so that it can be submitted.
    const report = await call<{ id: string; version: number }>('PUT', `/api/memoranda/${active.id}/reports/${created.body.id}`, { as: demoUser('council'), body: { entries: [{ obligationId: 'c1', status: 'in_progress', percentComplete: 20 }] }, headers: { 'if-match': `"${created.body.version}"` } });
    if (!['acceptReport', 'returnReport'].includes(route.operation)) return { id: active.id, version: report.body.version, reportId: report.body.id };
    const submitted = await call<{ version: number }>('POST', `/api/memoranda/${active.id}/reports/${report.body.id}/submit`, { as: demoUser('council'), headers: { 'if-match': `"${report.body.version}"` } });
    return { id: active.id, version: submitted.body.version, reportId: report.body.id };
  }
  // The other parties see a memorandum once it was submitted (an unsubmitted draft is the drafter's alone).
  const needsReview = ['withdrawMemorandum', 'approveMemorandum', 'returnMemorandum', 'getMemorandum', 'listRevisions', 'diffRevisions', 'verifyAuditTrail', 'listMemorandumEvents'].includes(route.operation);
  const content = caseContent();
  content.parties.push({ orgId: demoOrganisations.funder, role: { en: 'Funder' }, approverUserId: demoUser('funder').id, signatoryUserId: demoUser('funder').id });
  const created = await call<{ id: string; version: number }>('POST', '/api/memoranda', { as: demoUser('coordinator'), body: { content } });
  if (!needsReview) return created.body;
  return (await call<{ id: string; version: number }>('POST', `/api/memoranda/${created.body.id}/submit`, { as: demoUser('coordinator'), headers: { 'if-match': `"${created.body.version}"` } })).body;
};
/** A report path: the fixture's report, or for "other" a report id of an organisation none of the callers belongs to. */
const reportPath = (path: string, memorandum: { reportId?: string } | undefined) => path.replace('{reportId}', memorandum?.reportId ?? `2026-01-15_2026-03-31_${demoOrganisations.rightsInstitute}`);
/** Uploads a file for the caller to confirm (the confirmation is the request under test). */
const uploadForConfirm = async (memorandumId: string, caller: 'coordinator' | 'council') => (await uploadSignedFile(memorandumId, demoUser(caller))).uploadId;
const missingActivity = '01J00000000000000000000996';
const missingEvent = '01J00000000000000000000993';
/** For the participants route: a held activity and a network member of the caller's programme (made by its coordinator). */
const heldActivityWithMember = async (path: string, scope: Scope) => {
  if (scope === 'other') return { activityPath: path.replace('{activityId}', missingActivity), memberId: '01J00000000000000000000995' };
  const programmeId = path.split('/')[3] ?? '';
  const { activity } = await createActivity(programmeId, { status: 'held', attended: { total: 10 } });
  const member = await call<{ id: string }>('POST', `/api/programmes/${programmeId}/network`, { as: demoUser('coordinator'), body: activist() });
  return { activityPath: path.replace('{activityId}', activity.id), memberId: member.body.id };
};
const resourceCentre = 'resource.center@pakt.local';
/** The same press conference with the NGO organising it and the council co-organising. */
const byTheNgo = (changes: Record<string, unknown> = {}) => pressConference({ coOrganiserOrgIds: [demoOrganisations.molochanskCouncil], ...changes });
let otherMemorandum: { id: string; version: number };
let otherProgramme: { id: string; version: number; calendarToken?: string };

const requestFor = async (route: AppRoute, caller: Caller, scope: Scope) => {
  const orgId = orgOf(caller, scope);
  const userId = targetUsers.get(orgId) ?? 'missing';
  const memorandum = route.path.includes('{memorandumId}') ? await memorandumFor(route, scope) : undefined;
  const programme = route.path.includes('{programmeId}') ? (scope === 'own' ? await createProgramme() : otherProgramme) : undefined;
  const path = route.path.replace('{orgId}', orgId).replace('{userId}', userId).replace('{memorandumId}', memorandum?.id ?? '').replace('{programmeId}', programme?.id ?? '');
  const ifMatch = { 'if-match': `"${memorandum?.version ?? programme?.version ?? 0}"` };
  const as = caller === 'anonymous' ? null : demoUser(caller);
  switch (route.operation) {
    case 'createOrganisation':
      return { path, as, body: { name: { uk: 'Матриця', en: 'Matrix' }, type: 'other' } };
    case 'updateOrganisation':
      return { path, as, body: { contacts: { phone: '+380 44 555 0000' } }, headers: { 'if-match': `"${await versionOf(path)}"` } };
    case 'inviteUser':
      return { path, as, body: { name: 'Matrix Person', email: `matrix.${crypto.randomUUID().slice(0, 8)}@example.org`, role: 'council' } };
    case 'setUserStatus':
      return { path, as, body: { status: 'active' }, headers: { 'if-match': `"${await userVersion(orgId, userId)}"` } };
    case 'createMemorandum':
      return { path, as, body: { content: caseContent(false) } };
    case 'saveDraft':
      return { path, as, body: { content: caseContent() }, headers: ifMatch };
    case 'submitMemorandum':
    case 'withdrawMemorandum':
    case 'approveMemorandum':
      return { path, as, headers: ifMatch };
    case 'signMemorandum':
      return { path, as, body: { fullName: 'Matrix Signer', position: 'Tester', documentHash: memorandum?.documents?.final?.sha256 ?? '0'.repeat(64), confirm: true }, headers: ifMatch };
    case 'requestAttachmentUpload':
      return { path, as, body: { filename: 'signed.p7s', contentType: 'application/pkcs7-signature', size: 2048 } };
    case 'attachSignedFile': {
      const uploadId = caller === 'coordinator' || caller === 'council' ? (memorandum && scope === 'own' ? (await uploadForConfirm(memorandum.id, caller)) : '01J00000000000000000000999') : '01J00000000000000000000999';
      return { path, as, body: { uploadId, filename: 'signed.pdf', contentType: 'application/pdf' } };
    }
    case 'createProgramme':
      return { path, as, body: { content: programmeContent() } };
    case 'updateProgramme':
      return { path, as, body: { content: programmeContent() }, headers: ifMatch };
    case 'leaveProgramme': {
      const led = scope === 'own' ? await createProgramme(programmeContent(), resourceCentre) : otherProgramme;
      return { path: route.path.replace('{programmeId}', led.id), as, headers: { 'if-match': `"${led.version}"` } };
    }
    case 'createActivity':
      return { path, as, body: seminar() };
    case 'addMember':
      return { path, as, body: activist() };
    case 'updateMember':
    case 'removeMember': {
      const created = scope === 'own' ? await call<{ id: string }>('POST', path.replace('/{memberId}', ''), { as: demoUser('coordinator'), body: activist() }) : undefined;
      return { path: path.replace('{memberId}', created?.body.id ?? '01J00000000000000000000995'), as, headers: { 'if-match': '"1"' }, ...(route.operation === 'updateMember' ? { body: activist({ city: 'Berlin' }) } : {}) };
    }
    case 'addCase':
      return { path, as, body: caseRecord() };
    case 'updateCase':
    case 'deleteCase': {
      const created = scope === 'own' ? await call<{ id: string }>('POST', path.replace('/{caseId}', ''), { as: demoUser('coordinator'), body: caseRecord() }) : undefined;
      return { path: path.replace('{caseId}', created?.body.id ?? '01J00000000000000000000994'), as, headers: { 'if-match': '"1"' }, ...(route.operation === 'updateCase' ? { body: caseRecord({ lastContact: '2026-05-01' }) } : {}) };
    }
    case 'requestExport':
      return { path, as, body: { kind: 'indicators.csv' } };
    case 'getExportJob': {
      const job = (caller === 'coordinator' || caller === 'funder') && scope === 'own' ? await call<{ id: string }>('POST', path.replace('/jobs/{jobId}', ''), { as, body: { kind: 'indicators.csv' } }) : undefined;
      return { path: path.replace('{jobId}', job?.body.id ?? 'f'.repeat(32)), as };
    }
    case 'getCalendarFeed':
      return { path: path.replace('{token}', scope === 'own' ? programme?.calendarToken ?? '' : 'not-the-secret-of-this-calendar'), as };
    case 'updateActivity': {
      const created = scope === 'own' ? await call<{ id: string }>('POST', path.replace('/{activityId}', ''), { as: demoUser('coordinator'), body: seminar() }) : undefined;
      return { path: path.replace('{activityId}', created?.body.id ?? '01J00000000000000000000996'), as, body: seminar({ status: 'held', attended: { total: 27 } }), headers: { 'if-match': '"1"' } };
    }
    case 'changeParticipants': {
      const { activityPath, memberId } = await heldActivityWithMember(path, scope);
      return { path: activityPath, as, body: { changes: [{ memberId, status: 'attended' }] }, headers: { 'if-match': '"1"' } };
    }
    case 'requestMaterialUpload':
      return { path: path.replace('{activityId}', scope === 'own' ? (await createActivity(programme?.id ?? '')).activity.id : missingActivity), as, body: { filename: 'programme.pdf', contentType: 'application/pdf', size: 4096 } };
    case 'attachMaterial': {
      const created = scope === 'own' ? await createActivity(programme?.id ?? '') : undefined;
      const uploadId = created && caller === 'coordinator' ? (await uploadMaterial(created.base)).uploadId : '01J00000000000000000000999';
      return { path: path.replace('{activityId}', created?.activity.id ?? missingActivity), as, body: { uploadId, filename: 'programme.pdf', contentType: 'application/pdf' }, headers: { 'if-match': '"1"' } };
    }
    case 'getMaterialLink':
    case 'removeMaterial': {
      const created = scope === 'own' ? await createActivity(programme?.id ?? '') : undefined;
      const attached = created ? (await (await uploadMaterial(created.base)).confirm(1)).body : undefined;
      const materialPath = path.replace('{activityId}', created?.activity.id ?? missingActivity).replace('{materialId}', attached?.materials?.[0]?.id ?? '01J00000000000000000000999');
      return { path: materialPath, as, headers: { 'if-match': `"${attached?.version ?? 1}"` } };
    }
    case 'putTally':
      return { path: path.replace('{tallyId}', '2026-03_legal_in_person'), as, body: { people: 12, families: 7 }, headers: { 'if-match': '"0"' } };
    case 'putSpend':
      return { path: path.replace('{month}', '2026-03').replace('{lineId}', 'training'), as, body: { amount: 1250.5 }, headers: { 'if-match': '"0"' } };
    case 'putIndicatorActual':
      return { path: path.replace('{indicatorId}', 'trained').replace('{period}', '2026-Q1'), as, body: { value: 24 }, headers: { 'if-match': '"0"' } };
    case 'createReport':
      return { path, as, body: { period: reportPeriod } };
    case 'getReport':
      return { path: path.replace('{reportId}', memorandum?.reportId ?? `2026-01-15_2026-03-31_${demoOrganisations.rightsInstitute}`), as };
    case 'saveReport':
      return { path: path.replace('{reportId}', memorandum?.reportId ?? `2026-01-15_2026-03-31_${demoOrganisations.rightsInstitute}`), as, body: { entries: [{ obligationId: 'c1', status: 'in_progress', percentComplete: 25 }] }, headers: ifMatch };
    case 'submitReport':
    case 'acceptReport':
      return { path: path.replace('{reportId}', memorandum?.reportId ?? `2026-01-15_2026-03-31_${demoOrganisations.rightsInstitute}`), as, headers: ifMatch };
    case 'returnReport':
      return { path: path.replace('{reportId}', memorandum?.reportId ?? `2026-01-15_2026-03-31_${demoOrganisations.rightsInstitute}`), as, body: { comment: 'Add evidence.' }, headers: ifMatch };
    case 'requestEvidenceUpload':
      return { path: reportPath(path, memorandum), as, body: { obligationId: 'c1', filename: 'photo.jpg', contentType: 'image/jpeg', size: 4096 } };
    case 'attachEvidence': {
      const base = reportPath(path, memorandum).replace(/\/evidence$/, '');
      const uploadId = caller === 'council' && scope === 'own' ? (await uploadEvidence(base, demoUser('council'))).uploadId : '01J00000000000000000000999';
      return { path: reportPath(path, memorandum), as, body: { uploadId, obligationId: 'c1', filename: 'evidence.pdf', contentType: 'application/pdf' }, headers: ifMatch };
    }
    case 'getEvidenceLink':
      return { path: reportPath(path, memorandum).replace('{evidenceId}', memorandum?.evidenceId ?? '01J00000000000000000000999'), as };
    case 'removeEvidence':
      return { path: reportPath(path, memorandum).replace('{evidenceId}', memorandum?.evidenceId ?? '01J00000000000000000000999'), as, headers: ifMatch };
    case 'getAttachmentLink':
      return { path: path.replace('{attachmentId}', memorandum?.attachmentId ?? '01J00000000000000000000999'), as };
    case 'closeMemorandum':
    case 'terminateMemorandum':
      return { path, as, body: { reason: 'The programme ended.' }, headers: ifMatch };
    case 'getDocumentLink':
      return { path: path.replace('{kind}', 'final'), as };
    case 'returnMemorandum':
      return { path, as, body: { comment: 'Please add a reporting period.' }, headers: ifMatch };
    case 'diffRevisions':
      return { path: `${path}?from=1&to=1`, as };
    case 'startAmendment':
      return { path, as, body: { summary: { uk: 'Матриця', en: 'Matrix' } } };
    case 'saveAmendment':
      return { path: path.replace('{number}', '1'), as, body: { content: caseContent() }, headers: ifMatch };
    case 'submitAmendment':
    case 'approveAmendment':
      return { path: path.replace('{number}', '1'), as, headers: ifMatch };
    case 'returnAmendment':
      return { path: path.replace('{number}', '1'), as, body: { comment: 'Please keep the term as it is.' }, headers: ifMatch };
    case 'abandonAmendment':
      return { path: path.replace('{number}', '1'), as, body: { reason: 'Agreed to keep it as it is.' }, headers: ifMatch };
    case 'signAmendment':
      return { path: path.replace('{number}', '1'), as, body: { fullName: 'Matrix Signer', position: 'Tester', documentHash: memorandum?.documents?.final?.sha256 ?? '0'.repeat(64), confirm: true }, headers: ifMatch };
    case 'recordMemorandumEvent':
      return { path, as, body: caller === 'council' ? pressConference() : byTheNgo() };
    case 'updateMemorandumEvent':
      return { path: path.replace('{eventId}', memorandum?.eventId ?? missingEvent), as, body: byTheNgo({ status: 'held', attended: { total: 40 } }), headers: { 'if-match': '"1"' } };
    case 'requestEventMaterialUpload':
      return { path: path.replace('{eventId}', memorandum?.eventId ?? missingEvent), as, body: { filename: 'press-release.pdf', contentType: 'application/pdf', size: 4096 } };
    case 'attachEventMaterial': {
      const eventPath = path.replace('{eventId}', memorandum?.eventId ?? missingEvent);
      const uploadId = caller === 'coordinator' && scope === 'own' ? (await uploadMaterial(eventPath.replace(/\/materials$/, ''))).uploadId : '01J00000000000000000000999';
      return { path: eventPath, as, body: { uploadId, filename: 'press-release.pdf', contentType: 'application/pdf' }, headers: ifMatch };
    }
    case 'getEventMaterialLink':
    case 'removeEventMaterial':
      return { path: path.replace('{eventId}', memorandum?.eventId ?? missingEvent).replace('{materialId}', memorandum?.materialId ?? '01J00000000000000000000999'), as, headers: ifMatch };
    case 'getAmendmentDocumentLink':
      return { path: path.replace('{number}', '1').replace('{kind}', 'final'), as };
    default:
      return { path, as };
  }
};

describe('authorization matrix', () => {
  beforeAll(async () => {
    for (const orgId of [...Object.values(demoOrganisations)]) {
      const invited = await call<{ id: string }>('POST', `/api/organisations/${orgId}/users`, {
        as: admin,
        body: { name: 'Target User', email: `target.${crypto.randomUUID().slice(0, 8)}@example.org`, role: 'council' },
      });
      targetUsers.set(orgId, invited.body.id);
    }
    otherMemorandum = await createOtherMemorandum();
    otherProgramme = await createOtherProgramme();
  });

  it('has a row for every route in the route table', () => {
    expect(Object.keys(expected).sort()).toEqual(routes.map((route) => route.operation).sort());
  });

  const cases = routes.flatMap((route) => callers.flatMap((caller) => scopes.map((scope) => ({ route, caller, scope, status: expected[route.operation][caller][scope] }))));

  it.each(cases)('$route.method $route.path as $caller on $scope organisation → $status', async ({ route, caller, scope, status }) => {
    const { path, as, ...rest } = await requestFor(route, caller, scope);
    const response = await call(route.method, path, { as, ...rest });
    expect(response.status).toBe(status);
    if (status >= 400) expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

/**
 * Programme governance between implementers: a programme the resource centre leads
 * (its creator), implemented by the NGO too and funded by the demo funder. Only the
 * lead changes who implements or funds it, or hands the lead over; another
 * implementer may leave on its own behalf; nobody loses case records by an edit.
 */
describe('programme governance', () => {
  const ngo = demoOrganisations.relativesNgo;
  const centre = demoOrganisations.resourceCenter;
  const led = async () => createProgramme(programmeContent(), resourceCentre);
  const put = (programme: ProgrammeBody, as: string | ReturnType<typeof demoUser>, change: (content: ProgrammeBody['content']) => void, leadOrgId?: string) => {
    const content = structuredClone(programme.content);
    change(content);
    return call<{ code: string; detail: string; leadOrgId: string; errors?: { path: string }[] }>('PUT', `/api/programmes/${programme.id}`, { as, body: { content, ...(leadOrgId ? { leadOrgId } : {}) }, headers: { 'if-match': `"${programme.version}"` } });
  };
  const leave = (programme: ProgrammeBody, as: string | ReturnType<typeof demoUser>) => call<{ code: string; detail: string }>('POST', `/api/programmes/${programme.id}/leave`, { as, headers: { 'if-match': `"${programme.version}"` } });
  const keepCase = async (programme: ProgrammeBody, as: string | ReturnType<typeof demoUser>) => {
    await call('POST', `/api/programmes/${programme.id}/cases`, { as, body: caseRecord() });
    return (await call<ProgrammeBody>('GET', `/api/programmes/${programme.id}`, { as })).body;
  };
  const coordinator = demoUser('coordinator');

  const cases: [string, () => Promise<[number, string | undefined]>][] = [
    ['a non-lead implementer removes another implementer (the lead, its creator) → 403 lead_only', async () => {
      const response = await put(await led(), coordinator, (content) => { content.implementingOrgIds = [ngo]; });
      return [response.status, response.body.code];
    }],
    ['a non-lead implementer adds a funder → 403 lead_only', async () => {
      const response = await put(await led(), coordinator, (content) => { content.funderOrgIds.push(demoOrganisations.rightsInstitute); });
      return [response.status, response.body.code];
    }],
    ['a non-lead implementer takes the lead → 403 lead_only', async () => {
      const response = await put(await led(), coordinator, () => undefined, ngo);
      return [response.status, response.body.code];
    }],
    ['a non-lead implementer edits the rest of the programme → 200', async () => {
      const response = await put(await led(), coordinator, (content) => { content.description = { uk: 'Оновлений опис програми.', en: 'An updated description.' }; });
      return [response.status, response.body.leadOrgId === centre ? undefined : 'lead moved'];
    }],
    ['the lead adds a funder → 200', async () => {
      const response = await put(await led(), resourceCentre, (content) => { content.funderOrgIds.push(demoOrganisations.rightsInstitute); });
      return [response.status, undefined];
    }],
    ['the lead hands the lead over to another implementer → 200, who then leads', async () => {
      const response = await put(await led(), resourceCentre, () => undefined, ngo);
      return [response.status, response.body.leadOrgId === ngo ? undefined : 'lead not moved'];
    }],
    ['the lead hands the lead to an organisation that does not implement it → 400 body.leadOrgId', async () => {
      const response = await put(await led(), resourceCentre, () => undefined, demoOrganisations.funder);
      return [response.status, response.body.errors?.map((error) => error.path).join()];
    }],
    ['a non-lead implementer leaves on its own behalf → 200, and no longer sees the programme', async () => {
      const programme = await led();
      const response = await leave(programme, coordinator);
      const after = await call('GET', `/api/programmes/${programme.id}`, { as: coordinator });
      return [response.status, after.status === 404 ? undefined : `still sees it: ${after.status}`];
    }],
    ['the lead leaves → 409 lead_must_hand_over', async () => {
      const response = await leave(await led(), resourceCentre);
      return [response.status, response.body.code];
    }],
    ['the lead removes an implementer that keeps case records → 409 case_records_kept, naming their count', async () => {
      const programme = await keepCase(await led(), coordinator);
      const response = await put(programme, resourceCentre, (content) => { content.implementingOrgIds = [centre]; });
      return [response.status, `${response.body.code}: ${/keeps 1 case record\b/.test(response.body.detail) ? 'count named' : response.body.detail}`];
    }],
    ['an implementer that keeps case records leaves → 409 case_records_kept', async () => {
      const programme = await keepCase(await led(), coordinator);
      const response = await leave(programme, coordinator);
      return [response.status, response.body.code];
    }],
  ];
  const expectedOutcomes: [number, string | undefined][] = [
    [403, 'lead_only'], [403, 'lead_only'], [403, 'lead_only'], [200, undefined], [200, undefined], [200, undefined], [400, 'body.leadOrgId'],
    [200, undefined], [409, 'lead_must_hand_over'], [409, 'case_records_kept: count named'], [409, 'case_records_kept'],
  ];

  it.each(cases.map(([name, run], index) => ({ name, run, outcome: expectedOutcomes[index] })))('$name', async ({ run, outcome }) => {
    expect(await run()).toEqual(outcome);
  });
});
