import { timingSafeEqual } from 'node:crypto';
import { isoNow } from '../core/clock.js';
import { notFound } from '../core/errors.js';
import { moduleHandler } from '../core/handler.js';
import { optionalEnv } from '../core/config.js';
import { tableContext } from '../data/client.js';
import { linkedFigures, loadVisibleProgramme } from '../programmes/access.js';
import { recordsRepository } from '../programmes/records-repository.js';
import { programmeRepository } from '../programmes/repository.js';
import { calendarFeed } from './ics.js';
import { memorandumEventRepository } from '../events/repository.js';
import { contentDisposition } from '../files/disposition.js';
import { documentStore, verifiedLinkTo } from '../files/document-store.js';
import { exportJobRepository } from './repository.js';
import { sendRenderJob } from '../documents/render-queue.js';
import { dataVersionOf, exportJobDays, exportJobIdOf, jobView, needsSending } from './jobs.js';
import { programmeRoutes } from '../programmes/routes.js';

/**
 * Files for funders and coordinators, made off the request path: a request for a
 * file is an export job (the same one while the data is unchanged), the renderer
 * makes it, and its asker polls the job until it offers the download. Funders' files
 * carry the same suppressed figures as their dashboard. And the programme's
 * iCalendar feed behind its secret link, answered at once.
 */
const programmes = programmeRepository(tableContext());
const records = recordsRepository(tableContext());
const memorandumEvents = memorandumEventRepository(tableContext());
const jobs = exportJobRepository(tableContext());

const sameSecret = (given: string, stored: string) => given.length === stored.length && timingSafeEqual(Buffer.from(given), Buffer.from(stored));
const jobLocation = (programmeId: string, jobId: string) => `/api/programmes/${programmeId}/exports/jobs/${jobId}`;

export const handler = moduleHandler('exports', programmeRoutes, {
  async requestExport({ actor, params, body }) {
    const { programme, role } = await loadVisibleProgramme(programmes, actor, params.programmeId);
    const range = body.kind === 'report.pdf' ? { start: body.from ?? programme.content.period.start, end: body.to ?? programme.content.period.end } : undefined;
    const [revision, linked] = await Promise.all([records.figuresRevision(programme.id), linkedFigures(programmes, programme)]);
    const dataVersion = dataVersionOf(programme.version, revision, linked);
    const id = exportJobIdOf({ programmeId: programme.id, request: body, range, audience: role, dataVersion });
    const now = isoNow();
    const asked = {
      id, programmeId: programme.id, kind: body.kind, ...(range ? { range } : {}), audience: role, requestedBy: { userId: actor.userId, orgId: actor.orgId },
      dataVersion, status: 'queued' as const, progress: 0, attempts: 0,
      createdAt: now, updatedAt: now, expiresAt: Math.floor(Date.parse(now) / 1000) + exportJobDays * 86_400,
    };
    const created = await jobs.create(asked);
    const stored = created ? asked : await jobs.get(programme.id, id);
    if (!stored) throw notFound('The export job');
    // A new job, one whose message was lost, or one that failed: (again) to the renderer; a job under way or done is simply answered.
    const sending = created || needsSending(stored, now);
    if (sending && !created) await jobs.change(stored, { status: 'queued', progress: 0, attempts: 0 }, now, ['queued', 'failed']);
    if (sending) await sendRenderJob({ kind: 'export', programmeId: programme.id, jobId: id });
    const current = sending ? { ...stored, status: 'queued' as const, progress: 0 } : stored;
    return { body: jobView(current), location: jobLocation(programme.id, id) };
  },

  async getExportJob({ actor, params }) {
    const { role } = await loadVisibleProgramme(programmes, actor, params.programmeId);
    const job = await jobs.get(params.programmeId, params.jobId);
    // Another audience's job (an implementer's unsuppressed figures) does not exist for the caller.
    if (!job || job.audience !== role) throw notFound('The export job');
    const download = job.status === 'done' && job.file ? await verifiedLinkTo(documentStore(), job.file.key, job.file) : undefined;
    return { body: { ...jobView(job), ...(download ? { download } : {}) } };
  },

  async getCalendarFeed({ params }) {
    const programme = await programmes.get(params.programmeId);
    // A wrong secret looks exactly like a missing programme.
    if (!programme || !sameSecret(params.token, programme.calendarToken)) throw notFound('The calendar');
    // The programme's activities and its linked memoranda's partner events, one calendar.
    const [activities, partnerEvents] = await Promise.all([records.calendar(programme.id, {}), memorandumEvents.listForMemoranda(programme.linkedParties.map((link) => link.memorandumId))]);
    const host = new URL(optionalEnv('WEB_URL') ?? 'https://pakt.local').host;
    const title = (text: { uk?: string; en?: string }) => text.uk ?? text.en ?? '';
    const body = calendarFeed({
      name: title(programme.content.title),
      host,
      events: [...activities, ...partnerEvents].map((activity) => ({
        id: activity.id, version: activity.version, title: title(activity.title), date: activity.date, status: activity.status, updatedAt: activity.updatedAt,
        ...(activity.startTime ? { startTime: activity.startTime } : {}), ...(activity.endTime ? { endTime: activity.endTime } : {}), ...(activity.timeZone ? { timeZone: activity.timeZone } : {}),
        ...(activity.place.online ? (activity.place.url ? { url: activity.place.url, location: 'Online' } : { location: 'Online' }) : { location: [activity.place.venue, activity.place.city, activity.place.country].filter(Boolean).join(', ') }),
      })),
    });
    return { body, headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': contentDisposition(`programme-${programme.id}.ics`, 'inline') } };
  },
});
