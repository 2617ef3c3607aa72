import { AppError } from '../../functions/core/errors.js';
import type { Role } from '../../functions/core/roles.js';
import type { TableContext } from '../../functions/data/client.js';
import { organisationRepository } from '../../functions/organisations/repository.js';
import type { Organisation } from '../../functions/organisations/schema.js';
import { hashPassword, localAccountStore, secondFactorEnrolled } from '../../functions/users/local-accounts.js';
import { demoTotpSecret } from './totp.js';
import { userRepository } from '../../functions/users/repository.js';
import { newDraft } from '../../functions/memoranda/model.js';
import { memorandumRepository } from '../../functions/memoranda/repository.js';
import { activityCounters, memberCounters, spendCounters, tallyCounters } from '../../functions/programmes/figures.js';
import { recordsRepository } from '../../functions/programmes/records-repository.js';
import { programmeRepository } from '../../functions/programmes/repository.js';
import type { Activity, Tally } from '../../functions/programmes/schema.js';
import { caseMemorandumContent, caseProgrammeContent } from './cases.js';

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
    timeZone: 'Europe/Kyiv',
    registrationCode: '42970413',
    contacts: { email: 'office@relatives.example.org', phone: '+380 44 000 0001', address: 'Kyiv, Ukraine' },
  },
  {
    id: demoOrganisations.molochanskCouncil,
    name: { uk: 'Молочанська міська рада Запорізької області', en: 'Molochansk City Council of Zaporizhzhia Region' },
    type: 'council',
    timeZone: 'Europe/Kyiv',
    registrationCode: '04054642',
    contacts: { email: 'rada@molochansk.example.gov.ua', address: 'Zaporizhzhia region, Ukraine' },
  },
  {
    id: demoOrganisations.resourceCenter,
    name: { uk: 'Кримськотатарський ресурсний центр', en: 'Crimean Tatar Resource Center' },
    type: 'ngo',
    timeZone: 'Europe/Kyiv',
    contacts: { email: 'info@ctrcenter.example.org', website: 'https://ctrcenter.example.org' },
  },
  {
    id: demoOrganisations.rightsInstitute,
    name: { uk: 'Естонський інститут прав людини', en: 'Estonian Institute of Human Rights' },
    type: 'other',
    timeZone: 'Europe/Kyiv',
    contacts: { email: 'info@humanrights.example.ee', address: 'Tallinn, Estonia' },
  },
  {
    id: demoOrganisations.funder,
    name: { uk: 'Фонд правової солідарності (демо)', en: 'Legal Solidarity Fund (demo)' },
    type: 'funder',
    timeZone: 'Europe/Kyiv',
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
    const existing = await accounts.findBySub(user.id);
    // Demo data from before second factors: the demo accounts get the published demo key.
    if (existing && !secondFactorEnrolled(existing)) await accounts.update(user.id, { totpSecret: demoTotpSecret, totpEnabled: true });
    if (!existing) {
      await accounts.add({ sub: user.id, email: user.email, name: user.name, orgId: user.orgId, groups: [user.role], passwordHash: await hashPassword(demoPassword), totpSecret: demoTotpSecret, totpEnabled: true, disabled: false });
      created += 1;
    }
    const profile = { id: user.id, orgId: user.orgId, name: user.name, position: user.position, email: user.email, role: user.role, status: 'active' as const, version: 1, createdAt: seededAt, updatedAt: seededAt };
    if (await ignoreExisting(users.create(profile))) created += 1;
  }
  if (await ignoreExisting(seedCaseMemorandum(ctx))) created += 1;
  if (await seedCaseProgramme(ctx)) created += 1;
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

/**
 * The legal-solidarity programme of the second source case, run by the resource
 * centre with the demo NGO, funded by the demo funder, with its first months of
 * seminars, trainings and assistance recorded (written through the same
 * repositories and figure rules as the API, so the dashboard adds up).
 */
export const demoProgrammeId = demoId(301);

const seedCaseProgramme = async (ctx: TableContext): Promise<boolean> => {
  const programmes = programmeRepository(ctx);
  if (await programmes.get(demoProgrammeId)) return false;
  const content = caseProgrammeContent({ implementingOrgIds: [demoOrganisations.resourceCenter, demoOrganisations.relativesNgo], funderOrgIds: [demoOrganisations.funder], memorandumIds: [demoMemorandumId] });
  await programmes.create({
    id: demoProgrammeId, content, createdByOrgId: demoOrganisations.resourceCenter, version: 1, createdAt: seededAt, updatedAt: seededAt,
    calendarToken: 'demo-calendar-token-not-secret', linkedParties: [{ memorandumId: demoMemorandumId, orgIds: [demoOrganisations.relativesNgo, demoOrganisations.molochanskCouncil] }],
  });
  const records = recordsRepository(ctx);
  const activity = (index: number, fields: Pick<Activity, 'type' | 'date' | 'status'> & Partial<Activity>): Activity => ({
    id: demoId(310 + index), programmeId: demoProgrammeId, version: 1, createdAt: seededAt, updatedAt: seededAt,
    title: { uk: fields.type === 'training' ? 'Тренінг для мережі активістів' : 'Семінар про права людини в окупованому Криму', en: fields.type === 'training' ? 'Training for the activist network' : 'Seminar on human rights in occupied Crimea' },
    place: { online: false, country: 'EE', city: 'Tallinn' }, organiserOrgId: demoOrganisations.resourceCenter, participantsPlanned: 30, ...fields,
  });
  const activities = [
    // Six of the 28 are network members linked below; the rest were counted at the door.
    activity(1, { type: 'seminar', date: '2026-02-12', status: 'held', attended: { total: 28, byGender: { female: 16, male: 12 } }, network: { invited: 0, attended: 6 } }),
    activity(2, { type: 'training', date: '2026-03-18', status: 'held', attended: { total: 22, byGender: { female: 13, male: 9 } } }),
    activity(3, { type: 'press_conference', date: '2026-04-09', status: 'held', place: { online: false, country: 'UA', city: 'Київ' }, attended: { total: 35 } }),
    activity(4, { type: 'seminar', date: '2026-06-04', status: 'cancelled' }),
    activity(5, { type: 'training', date: '2026-09-22', status: 'held', place: { online: true, url: 'https://meet.example.org/solidarity' }, attended: { total: 41, byGender: { female: 25, male: 16 } } }),
    activity(6, { type: 'seminar', date: '2026-12-10', status: 'planned', network: { invited: 4, attended: 0 } }),
    activity(7, { type: 'public_event', date: '2027-02-26', status: 'planned', place: { online: false, country: 'DE', city: 'Berlin' } }),
  ];
  for (const item of activities) await records.putActivity(item, 0, activityCounters(item));
  const tally = (month: string, type: Tally['type'], channel: Tally['channel'], people: number, families: number): Tally => ({ id: `${month}_${type}_${channel}`, programmeId: demoProgrammeId, month, type, channel, people, families, version: 1, updatedAt: seededAt });
  for (const item of [
    tally('2026-03', 'legal', 'in_person', 14, 9), tally('2026-03', 'psychological', 'online', 3, 2), tally('2026-04', 'legal', 'in_person', 11, 8),
    tally('2026-04', 'humanitarian', 'outreach', 40, 25), tally('2026-05', 'psychological', 'online', 9, 6), tally('2026-06', 'social', 'phone', 17, 12),
  ]) await records.putTally(item, 0, tallyCounters(item));
  const members: [string, string, string, 'activist' | 'organisation'][] = [
    ['Айше С.', 'DE', 'München', 'activist'], ['Ленур И.', 'DE', 'Berlin', 'activist'], ['Ельміра А.', 'PL', 'Warszawa', 'activist'], ['Решат М.', 'PL', 'Kraków', 'activist'],
    ['Сейтумер К.', 'PL', 'Gdańsk', 'activist'], ['Зера Б.', 'TR', 'Eskişehir', 'activist'], ['Мустафа Д.', 'TR', 'Ankara', 'activist'], ['Фатма Ю.', 'TR', 'İstanbul', 'activist'],
    ['Ельвіс Р.', 'TR', 'Bursa', 'activist'], ['Айдер Т.', 'TR', 'Konya', 'activist'], ['Crimean Tatar community of Romania', 'RO', 'Constanța', 'organisation'], ['Friends of Crimea, Vilnius', 'LT', 'Vilnius', 'organisation'],
  ];
  for (const [index, [name, country, city, kind]] of members.entries()) {
    const member = {
      id: demoId(330 + index), programmeId: demoProgrammeId, version: 1, createdAt: seededAt, updatedAt: seededAt, kind, name, country, city,
      consent: { date: '2026-02-01', scope: ['contact', 'events'] as ('contact' | 'events')[] }, participation: index < 6 ? [{ activityId: demoId(311), status: 'attended' as const }] : index < 10 ? [{ activityId: demoId(316), status: 'invited' as const }] : [],
    };
    await records.putMember(member, 0, memberCounters(member));
  }
  for (const [month, lineId, amountCents] of [['2026-03', 'campaign', 1_240_000], ['2026-04', 'training', 3_175_050], ['2026-06', 'support', 800_000]] as const) {
    const spend = { programmeId: demoProgrammeId, month, lineId, amountCents, version: 1, updatedAt: seededAt };
    await records.putSpend(spend, 0, spendCounters(spend));
  }
  for (const [indicatorId, period, value] of [['trained', '2026-Q1', 24], ['trained', '2026-Q2', 51], ['countries', '2026-Q2', 3], ['publications', '2026-Q1', 8], ['publications', '2026-Q2', 19]] as const) {
    await records.putActual({ programmeId: demoProgrammeId, indicatorId, period, value, version: 1, updatedAt: seededAt }, 0);
  }
  return true;
};
