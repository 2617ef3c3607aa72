import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../functions/documents/pdf.js';
import { reportDocument } from '../../functions/exports/report-pdf.js';
import { stackedBarChart } from '../../functions/exports/svg-charts.js';
import { dashboardOf } from '../../functions/programmes/dashboard.js';
import { activityCounters, tallyCounters } from '../../functions/programmes/figures.js';
import { attendanceCells } from '../../functions/programmes/suppression.js';
import type { StoredProgramme } from '../../functions/programmes/repository.js';
import type { Activity } from '../../functions/programmes/schema.js';
import { caseProgrammeContent } from '../../infra/local/cases.js';
import { pdfText, renderPdfPages } from '../support/pdf.js';

/** The progress report PDF: text extracted with MuPDF; page renderings in screenshots/ to look at. */
const centre = '01J00000000000000000000003';
const fund = '01J00000000000000000000005';
const programme: StoredProgramme = {
  id: '01J00000000000000000000301', content: caseProgrammeContent({ implementingOrgIds: [centre], funderOrgIds: [fund] }), createdByOrgId: centre, version: 1,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', calendarToken: 'x', linkedParties: [],
};
const activity = (index: number, fields: Partial<Activity>): Activity => ({
  id: `A${index}`, programmeId: programme.id, version: 1, createdAt: 'x', updatedAt: 'x', type: 'seminar', status: 'held', date: '2026-03-12',
  title: { uk: `Семінар для мережі активістів №${index}`, en: `Seminar ${index}` }, place: { online: false, city: 'Таллінн', country: 'EE' }, organiserOrgId: centre, ...fields,
});
const activities = [activity(1, { attended: { total: 28 } }), activity(2, { date: '2026-04-09', type: 'training', attended: { total: 3 } }), activity(3, { date: '2026-05-20', status: 'planned' })];
const tallies = [
  { month: '2026-03', type: 'legal' as const, channel: 'in_person' as const, people: 14, families: 9 },
  { month: '2026-03', type: 'psychological' as const, channel: 'online' as const, people: 3, families: 2 },
  { month: '2026-04', type: 'legal' as const, channel: 'in_person' as const, people: 11, families: 8 },
];
const figures: Record<string, number> = { 'ind:trained:2026-Q1': 24, 'ind:trained:2026-Q2': 51 };
for (const counters of [...activities.map(activityCounters), ...tallies.map(tallyCounters)]) for (const [key, value] of Object.entries(counters)) figures[key] = (figures[key] ?? 0) + value;

const render = async (role: 'funder' | 'implementer', name: string) => {
  const range = { start: '2026-01-01', end: '2026-06-30' };
  const dashboard = dashboardOf({ programme, role, figures, parties: [], today: '2026-07-01', range });
  const bytes = await renderPdf(reportDocument({
    dashboard, description: programme.content.description, range, activities, attendance: attendanceCells(activities, role === 'funder', 5), implementingOrgIds: [centre], funderOrgIds: [fund], generatedAt: '2026-07-01T09:00:00.000Z',
    organisations: { [centre]: { uk: 'Кримськотатарський ресурсний центр', en: 'Crimean Tatar Resource Center' }, [fund]: { uk: 'Фонд правової солідарності', en: 'Legal Solidarity Fund' } },
  }));
  await renderPdfPages(bytes, `pdf-${name}`);
  return pdfText(bytes);
};

describe('programme progress report PDF', () => {
  it('has the cover, summary, charts, activities and indicators, in Ukrainian and English', async () => {
    const text = await render('implementer', 'programme-report');
    expect(text).toContain('ЗВІТ ПРО ХІД ВИКОНАННЯ ПРОГРАМИ');
    expect(text).toContain('Започаткування руху правової солідарності');
    expect(text).toContain('2026-01-01 — 2026-06-30');
    expect(text).toContain('Кримськотатарський ресурсний центр');
    expect(text).toContain('активістів №1');
    expect(text).toContain('Навчені активісти');
    expect(text).toContain('2026-Q2: 51');
    expect(text).toMatch(/Разом \/ Total\s+28\s+19/);
  });

  it('hides small counts for funders, as their dashboard does', async () => {
    const text = await render('funder', 'programme-report-funder');
    expect(text).toContain('< 5');
    expect(text.replace(/\s+/g, ' ')).toContain('Counts of people (attendance, assistance, network) cover the whole programme');
    expect(text).not.toMatch(/Психологічна \/ Psychological\s+3\s/);
  });

  it('draws stacked bars, leaving hidden counts out', () => {
    const svg = stackedBarChart({ labels: ['2026-03', '2026-04'], series: [{ label: 'A & B', color: '#000', values: [4, null] }, { label: 'C', color: '#111', values: [6, 2] }] });
    expect(svg.match(/<rect [^>]*fill="#000"/g)).toHaveLength(2);
    expect(svg).toContain('A &amp; B');
  });
});
