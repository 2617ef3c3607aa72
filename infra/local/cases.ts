import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ProgrammeContent } from '../../functions/programmes/schema.js';
import type { MemorandumContent } from '../../functions/memoranda/schema.js';

/**
 * The real memorandum between the relatives' NGO and the Molochansk City Council
 * (infra/local/cases/, copied from the shared source documents), parsed into a
 * draft: three purposes, seven areas of cooperation, the council's five
 * obligations and the NGO's four. Used by the demo data and the tests.
 */
const text = readFileSync(resolve(import.meta.dirname, 'cases/memorandum-ngo-city-council.txt'), 'utf8');

const bulletsBetween = (start: string, end: string): string[] => {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from + start.length);
  if (from < 0 || to < 0) throw new Error(`Case text changed: cannot find "${start}" … "${end}"`);
  return text
    .slice(from + start.length, to)
    .split('•')
    .slice(1)
    .map((bullet) => bullet.replace(/\s+/g, ' ').trim().replace(/[;,]$/, ''))
    .filter((bullet) => bullet.length > 0);
};

export const memorandumCase = {
  purposes: bulletsBetween('Zaporizhzhia region\n', 'NGO Association of Relatives'),
  areas: bulletsBetween('in the following areas:', 'According to the Memorandum'),
  councilObligations: bulletsBetween('within the limits of its powers:', 'For its part'),
  ngoObligations: bulletsBetween('Political Prisoners of the Kremlin":', 'Thank you'),
};

/**
 * The memorandum is bilingual in practice: our Ukrainian of the case's English text
 * (same order as the bullets above), so that the Ukrainian UI shows Ukrainian.
 */
const memorandumCaseUk = {
  purposes: [
    'Сприяти звільненню громадян України, незаконно позбавлених особистої свободи внаслідок збройної агресії Російської Федерації проти України, та підтримувати їхні родини',
    'Забезпечувати дієвий правовий захист і гуманітарну допомогу як незаконно позбавленим волі особам, так і членам їхніх родин',
    'Збирати, документувати й аналізувати інформацію про можливі воєнні злочини, зокрема про незаконне позбавлення волі громадян України з політичних та інших мотивів внаслідок російської агресії',
  ],
  areas: [
    'Сприяння звільненню незаконно позбавлених волі цивільних громадян України через співпрацю з національними та міжнародними правозахисними організаціями, дипломатичними установами й органами влади, щоб посилити їхні зусилля в цьому напрямі',
    'Утримання питання звільнення громадян України, незаконно позбавлених особистої свободи внаслідок російської агресії, у центрі уваги суспільства й медіа: інформаційні кампанії, публічні акції та заходи для обізнаності громадськості',
    'Підтримка родин незаконно позбавлених особистої свободи, зокрема соціальна, психологічна, гуманітарна допомога та допомога у вирішенні побутових питань',
    'Сприяння доступу до професійної правової допомоги для захисту їхніх прав та інтересів, особливо у справах про встановлення факту позбавлення особистої свободи внаслідок збройної агресії проти України',
    'Збирання, систематизація та аналіз інформації про воєнні злочини Російської Федерації',
    'Документування воєнних злочинів і злочинів проти людяності, вчинених під час російської агресії проти України, зокрема глибинні інтерв’ю зі свідками та постраждалими (за їхньою згодою), щоб захистити постраждалих і притягнути до відповідальності вище керівництво Російської Федерації та безпосередніх виконавців',
    'Об’єднання зусиль для відновлення, реінтеграції та розвитку Молочанської міської територіальної громади після деокупації регіону',
  ],
  councilObligations: [
    'Поширює інформацію про незаконно позбавлених особистої свободи та членів їхніх родин через доступні місцеві, національні й міжнародні інформаційні платформи.',
    'Організовує пресконференції, брифінги для медіа та інші публічні заходи, щоб привернути увагу до цієї проблеми.',
    'Сприяє розробленню та виконанню програм і проєктів підтримки мешканців громади, які постраждали від російської агресії, зокрема ініціатив соціальної адаптації, професійної реінтеграції, правової та психологічної підтримки звільнених з полону й незаконно позбавлених волі.',
    'Спільно з ГО «Асоціація родичів політв’язнів Кремля» організовує освітні заходи й програми для обізнаності щодо соціального захисту та підтримки осіб, незаконно позбавлених особистої свободи внаслідок російської агресії, та членів їхніх родин.',
    'Сприяє документуванню воєнних злочинів і злочинів проти людяності.',
  ],
  ngoObligations: [
    'Підтримує виконання погоджених проєктів і програм захисту прав та інтересів осіб, незаконно позбавлених особистої свободи внаслідок російської агресії проти України, і членів їхніх родин, а також підтримки й реінтеграції звільнених.',
    'Надає допомогу тим, хто її потребує, в межах програм і проєктів ГО «Асоціація родичів політв’язнів Кремля».',
    'Організовує та проводить інформаційні заходи й кампанії про виконання проєктів і програм у межах Меморандуму, зазначаючи, що заходи проводяться у співпраці з Мелітопольською міською радою Запорізької області.',
    'Забезпечує збирання, систематизацію та аналіз інформації про воєнні злочини Російської Федерації, документування можливих воєнних злочинів і злочинів проти людяності, вчинених під час російської агресії проти України в регіоні.',
  ],
};
for (const part of Object.keys(memorandumCase) as (keyof typeof memorandumCase)[]) {
  if (memorandumCase[part].length !== memorandumCaseUk[part].length) throw new Error(`Case text changed: ${part} has ${memorandumCase[part].length} items, the Ukrainian ${memorandumCaseUk[part].length}`);
}
const bilingual = (part: keyof typeof memorandumCase, index: number) => ({ uk: memorandumCaseUk[part][index] ?? '', en: memorandumCase[part][index] ?? '' });

/** How the council's public and educational events are counted (the case text names them; the figures are the demo's). */
const councilIndicators: Record<string, MemorandumContent['obligations'][number]['indicators']> = {
  c2: [{ id: 'events', name: { uk: 'Пресконференції та публічні заходи', en: 'Press conferences and public events' }, unit: 'заходів', baseline: 0, target: 8 }],
  c4: [
    { id: 'events', name: { uk: 'Освітні заходи', en: 'Educational events' }, unit: 'заходів', baseline: 0, target: 6 },
    { id: 'participants', name: { uk: 'Учасники освітніх заходів', en: 'Participants in educational events' }, unit: 'осіб', baseline: 0, target: 150 },
  ],
};

export interface CaseParties {
  ngoOrgId: string;
  councilOrgId: string;
  ngoApprover?: string;
  ngoSignatory?: string;
  councilApprover?: string;
  councilSignatory?: string;
}

export const caseMemorandumContent = (parties: CaseParties): MemorandumContent => ({
  title: {
    uk: 'Меморандум про співпрацю між ГО «Асоціація родичів політв’язнів Кремля» та Молочанською міською радою',
    en: 'Memorandum of cooperation between the NGO Association of Relatives of Political Prisoners of the Kremlin and the Molochansk City Council',
  },
  term: { start: '2026-01-15', end: null },
  parties: [
    { orgId: parties.ngoOrgId, role: { uk: 'Громадська організація', en: 'NGO' }, ...(parties.ngoApprover ? { approverUserId: parties.ngoApprover } : {}), ...(parties.ngoSignatory ? { signatoryUserId: parties.ngoSignatory } : {}) },
    { orgId: parties.councilOrgId, role: { uk: 'Міська рада', en: 'City Council' }, ...(parties.councilApprover ? { approverUserId: parties.councilApprover } : {}), ...(parties.councilSignatory ? { signatoryUserId: parties.councilSignatory } : {}) },
  ],
  purposes: memorandumCase.purposes.map((_, index) => ({ id: `p${index + 1}`, text: bilingual('purposes', index) })),
  areas: memorandumCase.areas.map((_, index) => ({ id: `a${index + 1}`, text: bilingual('areas', index) })),
  obligations: [
    ...memorandumCase.councilObligations.map((_, index) => ({
      id: `c${index + 1}`, partyOrgId: parties.councilOrgId, text: bilingual('councilObligations', index), recurrence: 'quarterly' as const,
      ...(councilIndicators[`c${index + 1}`] ? { indicators: councilIndicators[`c${index + 1}`] } : {}),
    })),
    ...memorandumCase.ngoObligations.map((_, index) => ({ id: `n${index + 1}`, partyOrgId: parties.ngoOrgId, text: bilingual('ngoObligations', index), recurrence: 'quarterly' as const })),
  ],
});

/**
 * The 18-month programme of the second source case: an information-campaign
 * strategy, a network of activists abroad, seminars and trainings, a calendar of
 * events. Budget and indicator figures are the demo's (the case names none).
 */
const programmeText = readFileSync(resolve(import.meta.dirname, 'cases/programme-legal-solidarity.txt'), 'utf8');
const programmeTitle = /the program "([^"]+)"/.exec(programmeText)?.[1] ?? 'Legal solidarity with the Crimean Tatar people';

export const caseProgrammeContent = (parties: { implementingOrgIds: string[]; funderOrgIds: string[]; memorandumIds?: string[] }): ProgrammeContent => ({
  title: { uk: 'Започаткування руху правової солідарності з кримськотатарським народом за допомогою сучасних освітніх технологій', en: programmeTitle },
  description: {
    uk: 'Сприяти розвитку та створенню громадянського міжнародного руху за деокупацію Криму: міжнародна інформаційна кампанія, мережа активістів у західних країнах, семінари й тренінги, календар заходів.',
    en: 'To promote the development and creation of a civilian international movement for the de-occupation of the Crimea: an international information campaign strategy, a network of activists in Western countries, seminars and trainings, a calendar of events.',
  },
  period: { start: '2026-01-01', end: '2027-06-30' },
  implementingOrgIds: parties.implementingOrgIds,
  funderOrgIds: parties.funderOrgIds,
  budget: {
    currency: 'EUR', amount: 180_000,
    lines: [
      { id: 'campaign', name: { uk: 'Інформаційна кампанія', en: 'Information campaign' }, amount: 60_000 },
      { id: 'training', name: { uk: 'Семінари й тренінги', en: 'Seminars and trainings' }, amount: 80_000 },
      { id: 'support', name: { uk: 'Підтримка родин', en: 'Support to families' }, amount: 40_000 },
    ],
  },
  ...(parties.memorandumIds ? { memorandumIds: parties.memorandumIds } : {}),
  outcomes: [
    {
      id: 'movement', title: { uk: 'Міжнародний рух правової солідарності започатковано', en: 'An international movement of legal solidarity is started' },
      indicators: [{ id: 'countries', name: { uk: 'Країни з активною мережею', en: 'Countries with an active network' }, unit: 'країн', baseline: 0, target: 8, frequency: 'quarterly' }],
      outputs: [
        { id: 'strategy', title: { uk: 'Стратегія інформаційної кампанії', en: 'Information campaign strategy' }, indicators: [{ id: 'publications', name: { uk: 'Публікації кампанії', en: 'Campaign publications' }, unit: 'публікацій', baseline: 0, target: 60, frequency: 'quarterly' }] },
        { id: 'network', title: { uk: 'Мережа активістів навчена', en: 'Network of activists trained' }, indicators: [{ id: 'trained', name: { uk: 'Навчені активісти', en: 'Activists trained' }, unit: 'осіб', baseline: 0, target: 200, frequency: 'quarterly' }] },
      ],
    },
  ],
});
