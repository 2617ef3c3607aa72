import { indicatorsOf, type ProgrammeRole } from './policy.js';
import { reportedActualOf, type SourceFigures } from './actuals.js';
import type { Counters } from './figures.js';
import { elapsedShare, periodOf, periodsBetween } from './periods.js';
import type { StoredProgramme } from './repository.js';
import { activityStatuses, activityTypes, type Health, ageBands, assistanceChannels, assistanceTypes, defaultSuppressionThreshold, genders, type Dashboard } from './schema.js';
import { cellOf, suppressTable, type Cell } from './suppression.js';
import type { MemorandumEvent } from '../events/schema.js';

/**
 * The dashboard from the programme, its figures item and its linked memoranda's
 * party figures (pure: no reads here, so its cost is the two BatchGets that
 * fetch these, at any programme size). Funders get small counts hidden.
 */
export interface PartyFigures {
  memorandumId: string;
  orgId: string;
  total: number;
  done: number;
  percentSum: number;
  lastAcceptedReport?: { reportId: string; period: { start: string; end: string }; acceptedAt: string };
}


const statusCounts = (figures: Counters, key: (status: string) => string) =>
  Object.fromEntries(activityStatuses.map((status) => [status, figures[key(status)] ?? 0])) as { planned: number; held: number; cancelled: number };

/** A table of counts, with its totals, as cells: hidden where suppression says so. */
const cellsOf = (matrix: number[][], threshold: number, protect: boolean, linkedGrand = false) => {
  const hidden = protect ? suppressTable(matrix, threshold, linkedGrand) : undefined;
  const rowTotals = matrix.map((row) => row.reduce((sum, value) => sum + value, 0));
  const columnTotals = (matrix[0] ?? []).map((_, column) => matrix.reduce((sum, row) => sum + (row[column] ?? 0), 0));
  const grand = rowTotals.reduce((sum, value) => sum + value, 0);
  return {
    cell: (row: number, column: number): Cell => cellOf(matrix[row]?.[column] ?? 0, hidden?.cells[row]?.[column] ?? false, threshold),
    row: (row: number): Cell => cellOf(rowTotals[row] ?? 0, hidden?.rowTotals[row] ?? false, threshold),
    column: (column: number): Cell => cellOf(columnTotals[column] ?? 0, hidden?.columnTotals[column] ?? false, threshold),
    grand: (): Cell => cellOf(grand, hidden?.grandTotal ?? false, threshold),
    grandHidden: hidden?.grandTotal ?? false,
  };
};

type PartnerEvent = Pick<MemorandumEvent, 'type' | 'status' | 'date' | 'attended'>;

/** The linked memoranda's events: counted by status and type within the span; their attendance (people) over `peopleSpan`. */
const partnerEventsSummary = (events: PartnerEvent[], span: { start: string; end: string }, peopleSpan: { start: string; end: string }, lone: (value: number) => Cell) => {
  const inSpan = events.filter((event) => event.date >= span.start && event.date <= span.end);
  const count = (status: string, type?: string) => inSpan.filter((event) => event.status === status && (!type || event.type === type)).length;
  const counts = (type?: string) => ({ planned: count('planned', type), held: count('held', type), cancelled: count('cancelled', type) });
  const attended = events.filter((event) => event.status === 'held' && event.date >= peopleSpan.start && event.date <= peopleSpan.end).reduce((sum, event) => sum + (event.attended?.total ?? 0), 0);
  return { total: counts(), byType: activityTypes.map((type) => ({ type, ...counts(type) })).filter((row) => row.planned + row.held + row.cancelled > 0), attended: lone(attended) };
};

/**
 * `range`: only these dates' months (a report for a period). Figures kept for
 * the whole programme only (by type, gender, age band, channel) are then left
 * out rather than shown for the wrong period.
 *
 * Funders see counts of people in one fixed set of tables for the whole
 * programme: attendance in total (with gender and age band), assistance by
 * quarter and type, the network by country. A table for any other span or grain
 * (a month, a chosen period) could be set against these to single out a few
 * people, so a funder's report for a period shows these same tables.
 */
export const dashboardOf = (input: { programme: StoredProgramme; role: ProgrammeRole; figures: Counters; parties: PartyFigures[]; sources?: SourceFigures; partnerEvents?: PartnerEvent[]; today: string; range?: { start: string; end: string } }): Dashboard => {
  const { programme, role, figures, today, range } = input;
  const { content } = programme;
  const threshold = content.suppressionThreshold ?? defaultSuppressionThreshold;
  const protect = role === 'funder';
  const within = range ? { start: range.start > content.period.start ? range.start : content.period.start, end: range.end < content.period.end ? range.end : content.period.end } : content.period;
  const months = within.start <= within.end ? periodsBetween('monthly', within) : [];
  const whole = range === undefined;
  const monthly = (status: string) => months.reduce((sum, month) => sum + (figures[`actm:${status}:${month}`] ?? 0), 0);
  const count = (key: string) => figures[key] ?? 0;
  // Counts of people: for funders always the whole programme (see above).
  const peopleSpan = protect ? content.period : within;
  const peopleMonths = protect ? periodsBetween('monthly', content.period) : months;
  const peopleWhole = protect || whole;

  // Attendance: implementers by month (one column); funders the total only. By gender and by age band: one row each, sharing the total.
  const attendance = cellsOf(protect ? [[count('att:total')]] : months.map((month) => [count(`attm:${month}`)]), threshold, protect);
  const byGender = cellsOf([genders.map((gender) => count(`att:g:${gender}`)).concat(count('att:total') - genders.reduce((sum, gender) => sum + count(`att:g:${gender}`), 0))], threshold, protect, attendance.grandHidden);
  const byAgeBand = cellsOf([ageBands.map((band) => count(`att:a:${band}`)).concat(count('att:total') - ageBands.reduce((sum, band) => sum + count(`att:a:${band}`), 0))], threshold, protect, attendance.grandHidden || byGender.grandHidden);

  // Assistance: periods × types for people and for families; channels share the grand totals. Funders get
  // quarters: monthly cells are mostly small, and hiding them all would leave the funder little to see.
  const grain = protect ? 'quarterly' : 'monthly';
  const assistancePeriods = peopleMonths.length === 0 ? [] : periodsBetween(grain, peopleSpan);
  const monthsOf = (period: string) => peopleMonths.filter((month) => periodOf(grain, `${month}-01`) === period);
  const assistance = (measure: 'people' | 'families') => {
    const table = cellsOf(assistancePeriods.map((period) => assistanceTypes.map((type) => monthsOf(period).reduce((sum, month) => sum + count(`ast:${month}:${type}:${measure}`), 0))), threshold, protect);
    const channels = cellsOf([assistanceChannels.map((channel) => count(`astc:${channel}:${measure}`))], threshold, protect, table.grandHidden);
    return { table, channels };
  };
  // The network by country: activists and groups, protected like every count of people.
  const countries = [...new Set(Object.keys(figures).filter((key) => key.startsWith('net:') && count(key) > 0).map((key) => key.split(':')[2] ?? ''))].sort();
  const network = cellsOf(countries.map((country) => [count(`net:activist:${country}`), count(`net:organisation:${country}`)]), threshold, protect);
  // Participation in activities by country adds up to the network's participation in total.
  const participation = cellsOf(countries.map((country) => [count(`netpc:${country}:attended`)]), threshold, protect);
  /** A count shown on its own, in no sum: hidden only when small. */
  const lone = (value: number): Cell => cellOf(value, protect && value > 0 && value < threshold, threshold);
  const people = assistance('people');
  const families = assistance('families');

  return {
    programme: { id: programme.id, title: content.title, period: content.period, ...(content.budget ? { budget: content.budget } : {}), role },
    asOf: today,
    elapsed: Number(elapsedShare(content.period, today).toFixed(3)),
    suppressionThreshold: threshold,
    activities: {
      total: { planned: monthly('planned'), held: monthly('held'), cancelled: monthly('cancelled') },
      byType: whole ? activityTypes.map((type) => ({ type, ...statusCounts(figures, (status) => `act:${status}:${type}`) })) : [],
      byMonth: months.map((month, index) => ({ month, ...statusCounts(figures, (status) => `actm:${status}:${month}`), ...(protect ? {} : { attended: attendance.cell(index, 0) }) })),
      attended: {
        total: attendance.grand(),
        // "not_recorded": attendees counted without that detail, so that the parts add up to the total.
        byGender: peopleWhole ? Object.fromEntries([...genders, 'not_recorded'].map((gender, index) => [gender, byGender.cell(0, index)])) : {},
        byAgeBand: peopleWhole ? Object.fromEntries([...ageBands, 'not_recorded'].map((band, index) => [band, byAgeBand.cell(0, index)])) : {},
      },
    },
    assistance: {
      total: { people: people.table.grand(), families: families.table.grand() },
      byType: assistanceTypes.map((type, index) => ({ type, people: people.table.column(index), families: families.table.column(index) })),
      byChannel: !peopleWhole ? [] : assistanceChannels.map((channel, index) => ({ channel, people: people.channels.cell(0, index), families: families.channels.cell(0, index) })),
      grain,
      byPeriod: assistancePeriods.map((period, row) => ({
        period,
        total: { people: people.table.row(row), families: families.table.row(row) },
        byType: Object.fromEntries(assistanceTypes.map((type, column) => [type, { people: people.table.cell(row, column), families: families.table.cell(row, column) }])),
      })),
    },
    indicators: indicatorsOf(content).map(({ indicator, result }) => {
      // A council report's actual fills the period its report ran to, unless the team recorded that period itself.
      const reported = reportedActualOf(indicator, input.sources);
      const actuals = (months.length === 0 ? [] : periodsBetween(indicator.frequency, within)).flatMap((period) =>
        figures[`ind:${indicator.id}:${period}`] !== undefined ? [{ period, value: count(`ind:${indicator.id}:${period}`) }]
          : reported?.period === period ? [{ period, value: reported.value, fromReport: true }] : []);
      const latest = actuals.at(-1)?.value;
      return { id: indicator.id, result, name: indicator.name, unit: indicator.unit, baseline: indicator.baseline, target: indicator.target, frequency: indicator.frequency, actuals, ...(latest === undefined ? {} : { latest }) };
    }),
    spending: (() => {
      const lines = [...(content.budget?.lines ?? []).map((line) => line.id), 'unassigned'];
      const byLine = lines.map((lineId) => ({ lineId, cents: count(`spend:${lineId}`) })).filter((line) => line.cents > 0 || line.lineId !== 'unassigned');
      return { totalCents: byLine.reduce((sum, line) => sum + line.cents, 0), byLine };
    })(),
    network: {
      total: network.grand(),
      byCountry: countries.map((country, row) => ({ country, activists: network.cell(row, 0), organisations: network.cell(row, 1), attended: participation.cell(row, 0) })),
      participation: { invited: lone(count('netp:invited')), attended: participation.grand() },
    },
    ...(input.partnerEvents ? { partnerEvents: partnerEventsSummary(input.partnerEvents, within, peopleSpan, lone) } : {}),
    obligations: input.parties.map((party) => ({
      memorandumId: party.memorandumId, orgId: party.orgId, total: party.total, done: party.done, percent: party.total === 0 ? 0 : Math.round(party.percentSum / party.total),
      ...(party.lastAcceptedReport ? { lastAcceptedReport: { period: party.lastAcceptedReport.period, acceptedAt: party.lastAcceptedReport.acceptedAt } } : {}),
    })),
  };
};

/** The one-line health of a programme for lists: how much time has passed, and how many activities were held. */
export const healthOf = (period: { start: string; end: string }, figures: Counters, today: string): Health => {
  const total = (status: string) => activityTypes.reduce((sum, type) => sum + (figures[`act:${status}:${type}`] ?? 0), 0);
  return { elapsed: Number(elapsedShare(period, today).toFixed(3)), held: total('held'), planned: total('planned'), cancelled: total('cancelled') };
};
