import { demoOrganisations } from '../../infra/local/seed.js';

/** The council's press conference of the source case, co-organised with the NGO, serving its obligation c2 (press conferences and public events). */
export const pressConference = (changes: Record<string, unknown> = {}) => ({
  type: 'press_conference',
  title: { uk: 'Пресконференція про незаконно позбавлених волі мешканців громади', en: 'Press conference on illegally detained residents of the community' },
  date: '2026-11-20',
  startTime: '11:00',
  endTime: '12:30',
  timeZone: 'Europe/Kyiv',
  place: { online: false, country: 'UA', city: 'Запоріжжя', venue: 'Пресцентр міської ради' },
  coOrganiserOrgIds: [demoOrganisations.relativesNgo],
  obligationIds: ['c2'],
  audience: { uk: 'Журналісти, родини, громада', en: 'Journalists, families, the community' },
  status: 'planned',
  participantsPlanned: 40,
  ...changes,
});
