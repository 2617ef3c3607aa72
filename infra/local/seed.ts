import { AppError } from '../../functions/core/errors.js';
import type { Role } from '../../functions/core/roles.js';
import type { TableContext } from '../../functions/data/client.js';
import { organisationRepository } from '../../functions/organisations/repository.js';
import type { Organisation } from '../../functions/organisations/schema.js';
import { hashPassword, localAccountStore } from '../../functions/users/local-accounts.js';
import { userRepository } from '../../functions/users/repository.js';
import { newDraft } from '../../functions/memoranda/model.js';
import { memorandumRepository } from '../../functions/memoranda/repository.js';
import { caseMemorandumContent } from './cases.js';

/**
 * Demo data from the two source cases (../shared/cases): the relatives' NGO and
 * the Molochansk City Council of their memorandum; the Crimean Tatar Resource
 * Center and the Estonian Institute of Human Rights of the legal-solidarity
 * programme; and a funder. Fixed ids make seeding idempotent.
 */
export const demoPassword = 'pakt-demo-2026';

const demoId = (n: number): string => `01J${String(n).padStart(23, '0')}`;

export const demoOrganisations = {
  relativesNgo: demoId(1),
  molochanskCouncil: demoId(2),
  resourceCenter: demoId(3),
  rightsInstitute: demoId(4),
  funder: demoId(5),
} as const;

const seededAt = '2026-01-15T09:00:00.000Z';

const organisations: Omit<Organisation, 'version' | 'createdAt' | 'updatedAt'>[] = [
  {
    id: demoOrganisations.relativesNgo,
    name: { uk: 'ГО «Асоціація родичів політв’язнів Кремля»', en: 'NGO Association of Relatives of Political Prisoners of the Kremlin' },
    type: 'ngo',
    registrationCode: '42970413',
    contacts: { email: 'office@relatives.example.org', phone: '+380 44 000 0001', address: 'Kyiv, Ukraine' },
  },
  {
    id: demoOrganisations.molochanskCouncil,
    name: { uk: 'Молочанська міська рада Запорізької області', en: 'Molochansk City Council of Zaporizhzhia Region' },
    type: 'council',
    registrationCode: '04054642',
    contacts: { email: 'rada@molochansk.example.gov.ua', address: 'Zaporizhzhia region, Ukraine' },
  },
  {
    id: demoOrganisations.resourceCenter,
    name: { uk: 'Кримськотатарський ресурсний центр', en: 'Crimean Tatar Resource Center' },
    type: 'ngo',
    contacts: { email: 'info@ctrcenter.example.org', website: 'https://ctrcenter.example.org' },
  },
  {
    id: demoOrganisations.rightsInstitute,
    name: { uk: 'Естонський інститут прав людини', en: 'Estonian Institute of Human Rights' },
    type: 'other',
    contacts: { email: 'info@humanrights.example.ee', address: 'Tallinn, Estonia' },
  },
  {
    id: demoOrganisations.funder,
    name: { uk: 'Фонд правової солідарності (демо)', en: 'Legal Solidarity Fund (demo)' },
    type: 'funder',
    contacts: { email: 'grants@solidarity-fund.example.org' },
  },
];

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  position: string;
  role: Role;
  orgId: string;
}

export const demoUsers: DemoUser[] = [
  { id: demoId(101), email: 'coordinator@pakt.local', name: 'Олена Коваль', position: 'Програмна координаторка', role: 'coordinator', orgId: demoOrganisations.relativesNgo },
  { id: demoId(102), email: 'council@pakt.local', name: 'Ігор Петренко', position: 'Секретар міської ради', role: 'council', orgId: demoOrganisations.molochanskCouncil },
  { id: demoId(103), email: 'funder@pakt.local', name: 'Anna Lind', position: 'Programme officer', role: 'funder', orgId: demoOrganisations.funder },
  { id: demoId(104), email: 'admin@pakt.local', name: 'Системний адміністратор', position: 'Operator', role: 'admin', orgId: demoOrganisations.relativesNgo },
  { id: demoId(105), email: 'resource.center@pakt.local', name: 'Ескендер Бариєв', position: 'Head of the centre', role: 'coordinator', orgId: demoOrganisations.resourceCenter },
];

const ignoreExisting = async (work: Promise<void>): Promise<boolean> => {
  try {
    await work;
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'already_exists') return false;
    throw error;
  }
};

/** Inserts what is missing and leaves everything else as users changed it. */
export const seedDemoData = async (ctx: TableContext, accountsFile: string): Promise<{ created: number }> => {
  const orgs = organisationRepository(ctx);
  const users = userRepository(ctx);
  const accounts = localAccountStore(accountsFile);
  let created = 0;
  for (const organisation of organisations) {
    if (await ignoreExisting(orgs.create({ ...organisation, version: 1, createdAt: seededAt, updatedAt: seededAt }))) created += 1;
  }
  for (const user of demoUsers) {
    if (!(await accounts.findBySub(user.id))) {
      await accounts.add({ sub: user.id, email: user.email, name: user.name, orgId: user.orgId, groups: [user.role], passwordHash: await hashPassword(demoPassword), disabled: false });
      created += 1;
    }
    const profile = { id: user.id, orgId: user.orgId, name: user.name, position: user.position, email: user.email, role: user.role, status: 'active' as const, version: 1, createdAt: seededAt, updatedAt: seededAt };
    if (await ignoreExisting(users.create(profile))) created += 1;
  }
  if (await ignoreExisting(seedCaseMemorandum(ctx))) created += 1;
  return { created };
};

/** The NGO–council memorandum of the source case, as a draft the demo coordinator can submit. */
export const demoMemorandumId = demoId(201);

const seedCaseMemorandum = async (ctx: TableContext): Promise<void> => {
  const coordinator = demoUsers[0];
  const council = demoUsers[1];
  if (!coordinator || !council) return;
  const content = caseMemorandumContent({
    ngoOrgId: demoOrganisations.relativesNgo, councilOrgId: demoOrganisations.molochanskCouncil,
    ngoApprover: coordinator.id, ngoSignatory: coordinator.id, councilApprover: council.id, councilSignatory: council.id,
  });
  const nameOf = (orgId: string) => organisations.find((organisation) => organisation.id === orgId)?.name ?? { uk: orgId, en: orgId };
  const directory = {
    organisations: { [demoOrganisations.relativesNgo]: nameOf(demoOrganisations.relativesNgo), [demoOrganisations.molochanskCouncil]: nameOf(demoOrganisations.molochanskCouncil) },
    people: Object.fromEntries([coordinator, council].map((user) => [user.id, { name: user.name, position: user.position, orgId: user.orgId }])),
  };
  const draft = newDraft({ id: demoMemorandumId, content, directory, actor: { userId: coordinator.id, orgId: coordinator.orgId }, now: seededAt });
  await memorandumRepository(ctx).write({ head: draft.head, events: [draft.event], revision: draft.revision });
};
