import { isoNow } from '../core/clock.js';
import { dateIn, today as todayIn } from '../core/calendar.js';
import { tableContext } from '../data/client.js';
import { renderPdf } from '../documents/pdf.js';
import { linkedFigures, programmeOrganisations } from '../programmes/access.js';
import { programmeActuals } from '../programmes/actuals.js';
import { dashboardOf } from '../programmes/dashboard.js';
import { recordsRepository } from '../programmes/records-repository.js';
import { programmeRepository, type StoredProgramme } from '../programmes/repository.js';
import { attendanceCells } from '../programmes/suppression.js';
import { iatiActivityXml } from './iati.js';
import { reportDocument } from './report-pdf.js';
import type { StoredExportJob } from './repository.js';
import { activityCsv, assistanceCsv, indicatorCsv } from './tables.js';

/**
 * What an export job makes, for its audience: the progress report PDF, the CSV
 * tables and the IATI activity XML. Only the renderer runs this (it alone carries
 * pdfmake and the fonts). `progress` is told as each stage of the work is done.
 */
export interface RenderedFile {
  bytes: Uint8Array;
  filename: string;
  contentType: string;
}

const programmes = programmeRepository(tableContext());
const records = recordsRepository(tableContext());
const encoder = new TextEncoder();

const fileName = (programme: StoredProgramme, file: string) => `programme-${programme.id}-${file}`;
const text = (programme: StoredProgramme, file: string, contentType: string, body: string): RenderedFile => ({ bytes: encoder.encode(body), filename: fileName(programme, file), contentType });

/** The indicators' actuals as the team recorded them, with those taken from accepted council reports. */
const actualsOf = async (programme: StoredProgramme) => {
  const [recorded, { sources }] = await Promise.all([records.actuals(programme.id), linkedFigures(programmes, programme)]);
  return programmeActuals(programme.content, recorded, sources);
};

const progressReport = async (programme: StoredProgramme, job: StoredExportJob, progress: (percent: number) => Promise<void>): Promise<RenderedFile> => {
  const role = job.audience;
  const range = job.range ?? programme.content.period;
  // The whole calendar: a funder's attendance per activity is hidden over the programme's whole list, as in every file.
  const [figures, calendar, names, { parties, sources }] = await Promise.all([records.figures(programme.id), records.calendar(programme.id, {}), programmeOrganisations(programmes, programme), linkedFigures(programmes, programme)]);
  await progress(30);
  const now = isoNow();
  const dashboard = dashboardOf({ programme, role, figures, parties, sources, today: dateIn(now), range });
  const attendance = attendanceCells(calendar, role === 'funder', dashboard.suppressionThreshold);
  const document = reportDocument({
    dashboard, range, attendance, activities: calendar.filter((activity) => activity.date >= range.start && activity.date <= range.end), implementingOrgIds: programme.content.implementingOrgIds, funderOrgIds: programme.content.funderOrgIds, generatedAt: now,
    organisations: Object.fromEntries(Object.entries(names).map(([orgId, organisation]) => [orgId, organisation.name])),
    ...(programme.content.description ? { description: programme.content.description } : {}),
  });
  await progress(50);
  const bytes = await renderPdf(document);
  await progress(90);
  return { bytes, filename: fileName(programme, `report-${range.start}-${range.end}.pdf`), contentType: 'application/pdf' };
};

export const renderExport = async (job: StoredExportJob, progress: (percent: number) => Promise<void>): Promise<RenderedFile> => {
  const programme = await programmes.get(job.programmeId);
  if (!programme) throw new Error(`Programme ${job.programmeId} of export job ${job.id} is gone.`);
  const role = job.audience;
  switch (job.kind) {
    case 'report.pdf':
      return progressReport(programme, job, progress);
    case 'indicators.csv':
      return text(programme, job.kind, 'text/csv; charset=utf-8', indicatorCsv(programme.content, await actualsOf(programme)));
    case 'activities.csv': {
      const [activities, organisations] = await Promise.all([records.calendar(programme.id, {}), programmeOrganisations(programmes, programme)]);
      return text(programme, job.kind, 'text/csv; charset=utf-8', activityCsv(activities, organisations, role, programme.content.suppressionThreshold));
    }
    case 'assistance.csv': {
      const dashboard = role === 'funder' ? dashboardOf({ programme, role, figures: await records.figures(programme.id), parties: [], today: todayIn() }) : undefined;
      return text(programme, job.kind, 'text/csv; charset=utf-8', assistanceCsv(dashboard ? { dashboard } : { tallies: await records.tallies(programme.id) }));
    }
    case 'iati.xml': {
      const [actuals, organisations] = await Promise.all([actualsOf(programme), programmeOrganisations(programmes, programme)]);
      const reportingOrgId = programme.content.implementingOrgIds.includes(programme.createdByOrgId) ? programme.createdByOrgId : programme.content.implementingOrgIds[0] ?? programme.createdByOrgId;
      return text(programme, job.kind, 'application/xml; charset=utf-8', iatiActivityXml({ programmeId: programme.id, content: programme.content, reportingOrgId, organisations, actuals, today: todayIn(), generatedAt: isoNow() }));
    }
  }
};
