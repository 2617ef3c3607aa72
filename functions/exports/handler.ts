import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../core/actor.js';
import { isoNow } from '../core/clock.js';
import { notFound } from '../core/errors.js';
import { moduleHandler } from '../core/handler.js';
import { optionalEnv } from '../core/config.js';
import { tableContext } from '../data/client.js';
import { linkedFigures, loadVisibleProgramme, programmeOrganisations } from '../programmes/access.js';
import { programmeActuals } from '../programmes/actuals.js';
import { dashboardOf } from '../programmes/dashboard.js';
import { attendanceCells } from '../programmes/suppression.js';
import { recordsRepository } from '../programmes/records-repository.js';
import { programmeRepository, type StoredProgramme } from '../programmes/repository.js';
import { renderPdf } from '../documents/pdf.js';
import { reportDocument } from './report-pdf.js';
import { activityCsv, assistanceCsv, indicatorCsv } from './tables.js';
import { calendarFeed } from './ics.js';
import { memorandumEventRepository } from '../events/repository.js';
import { iatiActivityXml } from './iati.js';
import { contentDisposition } from '../files/disposition.js';
import { dateIn, today as todayIn } from '../core/calendar.js';

/**
 * Files for funders and coordinators: CSV tables, the IATI activity XML, and the
 * programme's iCalendar feed behind its secret link. Funders' files carry the
 * same suppressed figures as their dashboard.
 */
const programmes = programmeRepository(tableContext());
const records = recordsRepository(tableContext());
const memorandumEvents = memorandumEventRepository(tableContext());

const organisationsOf = (programme: StoredProgramme) => programmeOrganisations(programmes, programme);

/** The indicators' actuals as the team recorded them, with those taken from accepted council reports. */
const actualsOf = async (programme: StoredProgramme) => {
  const [recorded, { sources }] = await Promise.all([records.actuals(programme.id), linkedFigures(programmes, programme)]);
  return programmeActuals(programme.content, recorded, sources);
};

const attachment = (filename: string, contentType: string) => ({ 'content-type': contentType, 'content-disposition': contentDisposition(filename) });
const fileName = (programme: StoredProgramme, file: string) => `programme-${programme.id}-${file}`;

const build = async (actor: Actor, programmeId: string, file: 'indicators.csv' | 'activities.csv' | 'assistance.csv' | 'iati.xml') => {
  const { programme, role } = await loadVisibleProgramme(programmes, actor, programmeId);
  const today = todayIn();
  switch (file) {
    case 'indicators.csv':
      return { programme, type: 'text/csv; charset=utf-8', body: indicatorCsv(programme.content, await actualsOf(programme)) };
    case 'activities.csv': {
      const [activities, organisations] = await Promise.all([records.calendar(programme.id, {}), organisationsOf(programme)]);
      return { programme, type: 'text/csv; charset=utf-8', body: activityCsv(activities, organisations, role, programme.content.suppressionThreshold) };
    }
    case 'assistance.csv': {
      const dashboard = role === 'funder' ? dashboardOf({ programme, role, figures: await records.figures(programme.id), parties: [], today }) : undefined;
      return { programme, type: 'text/csv; charset=utf-8', body: assistanceCsv(dashboard ? { dashboard } : { tallies: await records.tallies(programme.id) }) };
    }
    case 'iati.xml': {
      const [actuals, organisations] = await Promise.all([actualsOf(programme), organisationsOf(programme)]);
      const reportingOrgId = programme.content.implementingOrgIds.includes(programme.createdByOrgId) ? programme.createdByOrgId : programme.content.implementingOrgIds[0] ?? programme.createdByOrgId;
      return { programme, type: 'application/xml; charset=utf-8', body: iatiActivityXml({ programmeId: programme.id, content: programme.content, reportingOrgId, organisations, actuals, today, generatedAt: isoNow() }) };
    }
  }
};

const sameSecret = (given: string, stored: string) => given.length === stored.length && timingSafeEqual(Buffer.from(given), Buffer.from(stored));

export const handler = moduleHandler('exports', {
  async exportProgrammeFile({ actor, params }) {
    const file = await build(actor, params.programmeId, params.file);
    return { body: file.body, headers: attachment(fileName(file.programme, params.file), file.type) };
  },

  async exportProgressReport({ actor, params, query }) {
    const { programme, role } = await loadVisibleProgramme(programmes, actor, params.programmeId);
    const range = { start: query.from ?? programme.content.period.start, end: query.to ?? programme.content.period.end };
    // The whole calendar: a funder's attendance per activity is hidden over the programme's whole list, as in every file.
    const [figures, calendar, names, { parties, sources }] = await Promise.all([records.figures(programme.id), records.calendar(programme.id, {}), organisationsOf(programme), linkedFigures(programmes, programme)]);
    const now = isoNow();
    const dashboard = dashboardOf({ programme, role, figures, parties, sources, today: dateIn(now), range });
    const attendance = attendanceCells(calendar, role === 'funder', dashboard.suppressionThreshold);
    const pdf = await renderPdf(reportDocument({
      dashboard, range, attendance, activities: calendar.filter((activity) => activity.date >= range.start && activity.date <= range.end), implementingOrgIds: programme.content.implementingOrgIds, funderOrgIds: programme.content.funderOrgIds, generatedAt: now,
      organisations: Object.fromEntries(Object.entries(names).map(([orgId, organisation]) => [orgId, organisation.name])),
      ...(programme.content.description ? { description: programme.content.description } : {}),
    }));
    return { body: Buffer.from(pdf).toString('base64'), headers: attachment(fileName(programme, `report-${range.start}-${range.end}.pdf`), 'application/pdf') };
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
