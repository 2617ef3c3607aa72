import { caseProgrammeContent } from '../../infra/local/cases.js';
import { demoOrganisations } from '../../infra/local/seed.js';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { activity, assistanceTally, indicatorActual, networkMember, programmeFigures, programmeHead, spend } from '../../functions/programmes/entities.js';
import { recount, withoutZeroCounters } from '../../functions/programmes/figures.js';
import { call, demoUser, table } from './api.js';
import { postToS3, samplePdf } from './memoranda.js';

/** Programme fixtures: the source case run by the demo coordinator's NGO and the resource centre, funded by the demo funder. */
export const programmeContent = (overrides: { memorandumIds?: string[] } = {}) =>
  caseProgrammeContent({ implementingOrgIds: [demoOrganisations.relativesNgo, demoOrganisations.resourceCenter], funderOrgIds: [demoOrganisations.funder], ...overrides });

export interface ProgrammeBody {
  id: string;
  version: number;
  role: string;
  calendarToken?: string;
  content: ReturnType<typeof programmeContent>;
}

export const createProgramme = async (content = programmeContent(), as: ReturnType<typeof demoUser> | string = demoUser('coordinator')): Promise<ProgrammeBody> => {
  const created = await call<ProgrammeBody>('POST', '/api/programmes', { as, body: { content } });
  if (created.status !== 201) throw new Error(`programme not created: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body;
};

/** A programme none of the demo callers but the resource centre's coordinator is party to. */
export const createOtherProgramme = () =>
  createProgramme(caseProgrammeContent({ implementingOrgIds: [demoOrganisations.resourceCenter], funderOrgIds: [demoOrganisations.rightsInstitute] }), 'resource.center@pakt.local');

/** A seminar of the source programme's activist network, as the coordinator plans it. */
export const seminar = (overrides: Record<string, unknown> = {}) => ({
  type: 'seminar',
  title: { uk: 'Семінар для мережі активістів: права людини в окупованому Криму', en: 'Seminar for the activist network: human rights in occupied Crimea' },
  date: '2026-03-12', startTime: '10:00', endTime: '16:00',
  place: { online: false, country: 'EE', city: 'Tallinn', venue: 'Estonian Institute of Human Rights' },
  organiserOrgId: demoOrganisations.relativesNgo,
  audience: { en: 'Activists of the Crimean Tatar diaspora' },
  status: 'planned',
  participantsPlanned: 30,
  ...overrides,
});

/** An activist of the diaspora network who agreed to be contacted and invited. */
export const activist = (overrides: Record<string, unknown> = {}) => ({
  kind: 'activist', name: 'Айше Сеітова', country: 'DE', city: 'München', contact: '+49 89 000 0000',
  consent: { date: '2026-02-01', scope: ['contact', 'events'] }, ...overrides,
});

/** A family the NGO helps, under a pseudonymous code. */
export const caseRecord = (overrides: Record<string, unknown> = {}) => ({
  pseudonym: 'R-0042', consent: { date: '2026-02-10', scope: ['contact'] }, helpTypes: ['legal', 'psychological'], firstContact: '2026-02-10', ...overrides,
});

export interface ActivityBody {
  id: string;
  version: number;
  status: string;
  attended?: { total: number };
  network?: { invited: number; attended: number };
  materials?: { id: string; filename: string; contentType: string; size: number; sha256: string }[];
}

/** An activity of a programme, created by the demo coordinator: `base` is its path. */
export const createActivity = async (programmeId: string, overrides: Record<string, unknown> = {}) => {
  const created = await call<ActivityBody>('POST', `/api/programmes/${programmeId}/activities`, { as: demoUser('coordinator'), body: seminar(overrides) });
  if (created.status !== 201) throw new Error(`activity not created: ${created.status} ${JSON.stringify(created.body)}`);
  return { activity: created.body, base: `/api/programmes/${programmeId}/activities/${created.body.id}` };
};

/** Requests a material upload for an activity and posts the file to S3; `confirm` is the API's check, with the activity's current version. */
export const uploadMaterial = async (
  base: string,
  as: ReturnType<typeof demoUser> = demoUser('coordinator'),
  file: { bytes: Uint8Array; storedType: string; declared?: string; filename?: string } = { bytes: samplePdf, storedType: 'application/pdf' },
) => {
  const declared = file.declared ?? file.storedType;
  const filename = file.filename ?? 'programme.pdf';
  const upload = await call<{ uploadId: string; url: string; fields: Record<string, string> }>('POST', `${base}/materials/uploads`, { as, body: { filename, contentType: declared, size: file.bytes.byteLength } });
  if (upload.status !== 200) throw new Error(`material upload request failed: ${upload.status} ${JSON.stringify(upload.body)}`);
  await postToS3(upload.body, { bytes: file.bytes, storedType: file.storedType, filename });
  return {
    uploadId: upload.body.uploadId,
    confirm: (version: number, headers: Record<string, string> = {}) =>
      call<ActivityBody>('POST', `${base}/materials`, { as, body: { uploadId: upload.body.uploadId, filename, contentType: declared }, headers: { 'if-match': `"${version}"`, ...headers } }),
  };
};

/** The programme's stored figures beside a recount of its records: they must be equal. */
export const storedAndRecounted = async (programmeId: string) => {
  const { client, table: name } = table();
  const { Items = [] } = await client.send(new QueryCommand({ TableName: name, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': programmeHead.key(programmeId).PK } }));
  // The revision counts writes; it is not a figure.
  const [{ revision: _revision, ...stored } = {}] = programmeFigures.readAll(Items);
  return {
    stored: withoutZeroCounters(stored),
    recounted: recount({ activities: activity.readAll(Items), tallies: assistanceTally.readAll(Items), actuals: indicatorActual.readAll(Items), members: networkMember.readAll(Items), spends: spend.readAll(Items) }),
  };
};

interface ExportJobBody { id: string; status: string; progress: number; problem?: string; download?: { url: string; filename: string; sha256: string; size: number } }

/**
 * A programme file as people get one: ask for the export job (202 and where to follow it),
 * follow it until the renderer is done, download the file by its link. `seen` collects the
 * progress figures the job showed on the way.
 */
export const exported = async (base: string, kind: string, as: ReturnType<typeof demoUser>, range?: { from: string; to: string }) => {
  const asked = await call<ExportJobBody>('POST', `${base}/exports`, { as, body: { kind, ...range } });
  if (asked.status !== 202) throw new Error(`Export ${kind}: ${asked.status} ${JSON.stringify(asked.body)}`);
  const location = asked.headers.get('location') ?? '';
  const seen = [asked.body.progress];
  let job = asked.body;
  for (let poll = 0; job.status !== 'done' && job.status !== 'failed' && poll < 600; poll += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = (await call<ExportJobBody>('GET', location, { as })).body;
    seen.push(job.progress);
  }
  if (!job.download) throw new Error(`Export ${kind} ended ${job.status}: ${job.problem ?? ''}`);
  const response = await fetch(job.download.url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    job, location, seen, bytes,
    status: response.status, type: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '',
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
  };
};
