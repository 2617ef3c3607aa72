import type { ExportJob, ExportRequest } from '../../../functions/exports/schema';
import { services } from '../services';

/**
 * A programme's files are made by the renderer, off the request path: asking for
 * one answers at once with its job (the same job while the data is unchanged), and
 * the job is followed until it offers the download.
 */
export const requestExport = async (programmeId: string, request: ExportRequest) =>
  (await services().api.send<ExportJob>('POST', `/programmes/${programmeId}/exports`, request)).body;

export const exportJob = async (programmeId: string, jobId: string) => (await services().api.get<ExportJob>(`/programmes/${programmeId}/exports/jobs/${jobId}`)).body;

const pollMs = 700;
const finished = (job: ExportJob) => job.status === 'done' || job.status === 'failed';

/** Follows a job until it is done or failed, telling each state on the way; `stopped` ends it early (the page was left). */
export const followExport = async (job: ExportJob, onChange: (job: ExportJob) => void, stopped: () => boolean): Promise<ExportJob> => {
  let current = job;
  onChange(current);
  while (!finished(current) && !stopped()) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    current = await exportJob(current.programmeId, current.id);
    onChange(current);
  }
  return current;
};

/** Hands a finished file to the browser, by a link asked for now (links are short-lived). */
export const downloadExport = async (job: ExportJob) => {
  const { download } = await exportJob(job.programmeId, job.id);
  if (!download) return;
  const link = Object.assign(document.createElement('a'), { href: download.url, download: download.filename, rel: 'noopener' });
  document.body.append(link);
  link.click();
  link.remove();
};
