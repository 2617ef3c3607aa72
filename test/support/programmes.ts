import { caseProgrammeContent } from '../../infra/local/cases.js';
import { demoOrganisations } from '../../infra/local/seed.js';
import { call, demoUser } from './api.js';

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
  consent: { date: '2026-02-01', scope: ['contact', 'events'] }, participation: [], ...overrides,
});

/** A family the NGO helps, under a pseudonymous code. */
export const caseRecord = (overrides: Record<string, unknown> = {}) => ({
  pseudonym: 'R-0042', consent: { date: '2026-02-10', scope: ['contact'] }, helpTypes: ['legal', 'psychological'], firstContact: '2026-02-10', ...overrides,
});
