import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { assistanceTypes, type Activity, type Dashboard } from '../programmes/schema.js';
import { stackedBarChart } from './svg-charts.js';

/**
 * The programme's progress report for a period as a pdfmake definition (pure):
 * cover, summary figures, charts, the activities and the indicators, in
 * Ukrainian and English. Everything comes from the caller's dashboard, so a
 * funder's report hides exactly what their dashboard hides.
 */
type Text = { uk?: string | undefined; en?: string | undefined };
export interface ReportInput {
  dashboard: Dashboard;
  description?: Text;
  range: { start: string; end: string };
  /** The period's activities. */
  activities: Activity[];
  /** Attendance per activity as the caller may see it (for funders, hidden over the programme's whole list). */
  attendance: ReadonlyMap<string, Cell>;
  organisations: Record<string, { uk: string; en: string }>;
  implementingOrgIds: string[];
  funderOrgIds: string[];
  generatedAt: string;
}

type Cell = Dashboard['assistance']['total']['people'];
const palette = ['#1f5f8b', '#c2410c', '#15803d', '#7c3aed', '#64748b'];
const typeNames: Record<string, string> = { legal: 'Правова / Legal', psychological: 'Психологічна / Psychological', humanitarian: 'Гуманітарна / Humanitarian', social: 'Соціальна / Social', other: 'Інша / Other' };
const activityNames: Record<string, string> = { seminar: 'Семінар / Seminar', training: 'Тренінг / Training', campaign: 'Кампанія / Campaign', public_event: 'Публічний захід / Public event', press_conference: 'Пресконференція / Press conference', other: 'Інше / Other' };
const statusNames: Record<string, string> = { planned: 'Заплановано / Planned', held: 'Проведено / Held', cancelled: 'Скасовано / Cancelled' };

const styles: TDocumentDefinitions['styles'] = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
  subtitle: { fontSize: 12, italics: true, color: '#444444', margin: [0, 0, 0, 12] },
  heading: { fontSize: 13, bold: true, margin: [0, 16, 0, 6], color: '#0f4c81' },
  small: { fontSize: 8, color: '#555555' },
  tableHeader: { bold: true, fillColor: '#eef3f8' },
  figure: { fontSize: 16, bold: true },
};

export const reportDocument = (input: ReportInput): TDocumentDefinitions => {
  const { dashboard } = input;
  const threshold = dashboard.suppressionThreshold;
  const show = (cell: Cell) => ('value' in cell ? String(cell.value) : cell.hidden === 'fewer_than_threshold' ? `< ${threshold}` : '×');
  const names = (orgIds: string[]) => orgIds.map((orgId) => input.organisations[orgId]?.uk ?? orgId).join('; ');
  const funder = dashboard.programme.role === 'funder';
  /** A funder's report for part of the programme still counts people over the whole of it (see `dashboardOf`). */
  const wholeForPeople = input.range.start > dashboard.programme.period.start || input.range.end < dashboard.programme.period.end;
  const figure = (label: string, value: string): Content => ({ stack: [{ text: value, style: 'figure' }, { text: label, style: 'small' }], margin: [0, 0, 0, 6] });

  const content: Content[] = [
    { text: 'ЗВІТ ПРО ХІД ВИКОНАННЯ ПРОГРАМИ · PROGRAMME PROGRESS REPORT', style: 'small', margin: [0, 0, 0, 10] },
    ...(dashboard.programme.title.uk ? [{ text: dashboard.programme.title.uk, style: 'title' }] : []),
    ...(dashboard.programme.title.en ? [{ text: dashboard.programme.title.en, style: 'subtitle' }] : []),
    {
      table: {
        widths: ['auto', '*'],
        body: [
          ['Звітний період / Reporting period', `${input.range.start} — ${input.range.end}`],
          ['Програма / Programme', `${dashboard.programme.period.start} — ${dashboard.programme.period.end}`],
          ['Виконавці / Implementers', names(input.implementingOrgIds)],
          ['Донори / Funders', names(input.funderOrgIds) || '—'],
          ['Сформовано / Generated', input.generatedAt.slice(0, 16).replace('T', ' ') + ' UTC'],
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 10],
    },
    ...(input.description?.uk ? [{ text: input.description.uk, margin: [0, 0, 0, 4] as [number, number, number, number] }] : []),
    ...(input.description?.en ? [{ text: input.description.en, italics: true, color: '#444444' }] : []),
    { text: 'Підсумки / Summary', style: 'heading' },
    {
      columns: [
        figure('Минуло часу програми / Time elapsed', `${Math.round(dashboard.elapsed * 100)} %`),
        figure('Проведено заходів / Activities held', `${dashboard.activities.total.held} / ${dashboard.activities.total.held + dashboard.activities.total.planned}`),
        figure('Учасників / Attended', show(dashboard.activities.attended.total)),
        figure('Отримали допомогу, осіб / People reached', show(dashboard.assistance.total.people)),
        figure('Родин / Families', show(dashboard.assistance.total.families)),
      ],
    },
    ...(funder && wholeForPeople ? [{ text: 'Числа людей (учасники, допомога, мережа) — за всю програму: менші проміжки дозволили б вирізнити окремих людей. / Counts of people (attendance, assistance, network) cover the whole programme: smaller spans could single people out.', style: 'small', margin: [0, 0, 0, 4] as [number, number, number, number] }] : []),
    // A chart stays on the page of its heading.
    { unbreakable: true, stack: [{ text: 'Заходи за місяцями / Activities by month', style: 'heading' }, {
      svg: stackedBarChart({
        labels: dashboard.activities.byMonth.map((row) => row.month),
        series: [{ label: 'Проведено / Held', color: '#1f5f8b', values: dashboard.activities.byMonth.map((row) => row.held) }, { label: 'Заплановано / Planned', color: '#94a3b8', values: dashboard.activities.byMonth.map((row) => row.planned) }],
      }),
      width: 515,
    }] },
    { unbreakable: true, stack: [{ text: 'Допомога за видами, осіб / Assistance by type, people', style: 'heading' }, {
      svg: stackedBarChart({
        labels: dashboard.assistance.byPeriod.map((row) => row.period),
        series: assistanceTypes.map((type, index) => ({ label: typeNames[type] ?? type, color: palette[index % palette.length] ?? '#1f5f8b', values: dashboard.assistance.byPeriod.map((row) => { const cell = row.byType[type]?.people; return cell && 'value' in cell ? cell.value : null; }) })),
      }),
      width: 515,
    }] },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto'],
        body: [
          [{ text: 'Вид допомоги / Type', style: 'tableHeader' }, { text: 'Осіб / People', style: 'tableHeader' }, { text: 'Родин / Families', style: 'tableHeader' }],
          ...dashboard.assistance.byType.map((row) => [typeNames[row.type] ?? row.type, show(row.people), show(row.families)]),
          [{ text: 'Разом / Total', bold: true }, { text: show(dashboard.assistance.total.people), bold: true }, { text: show(dashboard.assistance.total.families), bold: true }],
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 8, 0, 0],
    },
    { text: 'Заходи / Activities', style: 'heading', pageBreak: 'before' },
    input.activities.length === 0
      ? { text: 'Заходів у цьому періоді немає. / No activities in this period.', italics: true }
      : {
          table: {
            headerRows: 1,
            widths: ['auto', 'auto', '*', 'auto', 'auto', 'auto'],
            body: [
              ['Дата / Date', 'Тип / Type', 'Назва / Title', 'Місце / Place', 'Стан / Status', 'Учасників / Attended'].map((text) => ({ text, style: 'tableHeader' })),
              ...input.activities.map((activity) => [
                activity.date, activityNames[activity.type] ?? activity.type, activity.title.uk ?? activity.title.en ?? '',
                activity.place.online ? 'Онлайн / Online' : [activity.place.city, activity.place.country].filter(Boolean).join(', '),
                statusNames[activity.status] ?? activity.status,
                activity.attended ? show(input.attendance.get(activity.id) ?? { value: 0 }) : '',
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: 9,
        },
    { text: 'Показники / Indicators', style: 'heading' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', 'auto', '*'],
        body: [
          ['Показник / Indicator', 'Базове / Baseline', 'Цільове / Target', 'Останнє / Latest', 'Факт за періодами / Actuals by period'].map((text) => ({ text, style: 'tableHeader' })),
          ...dashboard.indicators.map((indicator) => [
            { stack: [indicator.name.uk ?? indicator.name.en ?? indicator.id, { text: indicator.unit, style: 'small' }] },
            String(indicator.baseline), String(indicator.target), indicator.latest === undefined ? '—' : String(indicator.latest),
            indicator.actuals.length === 0 ? '—' : indicator.actuals.map((actual) => `${actual.period}: ${actual.value}`).join('\n'),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    ...(dashboard.obligations.length > 0
      ? [
          { text: 'Зобов’язання за пов’язаними меморандумами / Obligations under linked memoranda', style: 'heading' } as Content,
          {
            table: {
              headerRows: 1,
              widths: ['*', 'auto', 'auto', 'auto'],
              body: [
                ['Сторона / Party', 'Виконано / Done', '% ', 'Останній прийнятий звіт / Latest accepted report'].map((text) => ({ text, style: 'tableHeader' })),
                ...dashboard.obligations.map((party) => [
                  input.organisations[party.orgId]?.uk ?? party.orgId, `${party.done} / ${party.total}`, `${party.percent} %`,
                  party.lastAcceptedReport ? `${party.lastAcceptedReport.period.start} — ${party.lastAcceptedReport.period.end}` : '—',
                ]),
              ],
            },
            layout: 'lightHorizontalLines',
          } as Content,
        ]
      : []),
    { text: `Кількість людей чи родин, меншу за ${threshold}, показано як «< ${threshold}»; «×» — приховано, щоб її не можна було вивести з підсумків. / Counts of people or families below ${threshold} show as "< ${threshold}"; "×" is hidden so that they cannot be worked out from totals.`, style: 'small', margin: [0, 16, 0, 0] },
  ];

  return {
    info: { title: `${dashboard.programme.title.uk ?? dashboard.programme.title.en ?? 'Programme'} — ${input.range.start} — ${input.range.end}`, creator: 'Pakt', creationDate: new Date(input.generatedAt) },
    pageMargins: [40, 40, 40, 50],
    footer: (page: number, pages: number): Content => ({ columns: [{ text: `Pakt · ${dashboard.programme.id}`, style: 'small' }, { text: `${page} / ${pages}`, style: 'small', alignment: 'right' }], margin: [40, 10, 40, 0] }),
    styles,
    content,
  };
};
