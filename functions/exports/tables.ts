import { indicatorsOf, type ProgrammeRole } from '../programmes/policy.js';
import type { ProgrammeActual } from '../programmes/actuals.js';
import { assistanceTypes, defaultSuppressionThreshold, type Activity, type Dashboard, type ProgrammeContent, type Tally } from '../programmes/schema.js';
import { attendanceCells, type Cell } from '../programmes/suppression.js';
import { toCsv, type CsvValue } from './csv.js';
import type { NamedOrganisation } from '../programmes/access.js';

/** The programme's tables as CSV files (pure). Headers are in Ukrainian and English. */

const both = (text: { uk?: string; en?: string } | undefined) => [text?.uk ?? '', text?.en ?? ''];
/** A hidden count reads "<5" (fewer than the threshold) or "x" (hidden so that a small count cannot be worked out). */
const shown = (cell: Cell, threshold: number): CsvValue => ('value' in cell ? cell.value : cell.hidden === 'fewer_than_threshold' ? `<${threshold}` : 'x');

/** Where an actual comes from: the programme team, or an accepted council report on a linked memorandum. */
const sourceOf = (actual: ProgrammeActual) => (actual.fromReport ? 'звіт ради / council report' : 'команда програми / programme team');

export const indicatorCsv = (content: ProgrammeContent, actuals: ProgrammeActual[]): string =>
  toCsv([
    ['Результат / Result', 'Показник / Indicator', 'Назва / Name (uk)', 'Name (en)', 'Одиниця / Unit', 'Базове / Baseline', 'Цільове / Target', 'Звітність / Frequency', 'Період / Period', 'Факт / Actual', 'Джерело / Source'],
    ...indicatorsOf(content).flatMap(({ indicator, result }) => {
      const rows = actuals.filter((actual) => actual.indicatorId === indicator.id).sort((a, b) => a.period.localeCompare(b.period));
      const base = [result, indicator.id, ...both(indicator.name), indicator.unit, indicator.baseline, indicator.target, indicator.frequency];
      return rows.length === 0 ? [[...base, '', '', '']] : rows.map((actual) => [...base, actual.period, actual.value, sourceOf(actual)]);
    }),
  ]);

export const activityCsv = (activities: Activity[], organisations: Record<string, NamedOrganisation>, role: ProgrammeRole, threshold = defaultSuppressionThreshold): string => {
  const sorted = [...activities].sort((a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? ''));
  const attendance = attendanceCells(sorted, role === 'funder', threshold);
  return toCsv([
    ['Дата / Date', 'Початок / Start', 'Кінець / End', 'Тип / Type', 'Стан / Status', 'Назва / Title (uk)', 'Title (en)', 'Онлайн / Online', 'Місто / City', 'Країна / Country', 'Організатор / Organiser', 'Заплановано / Planned', 'Учасників / Attended'],
    ...sorted.map((activity) => [
      activity.date, activity.startTime, activity.endTime, activity.type, activity.status, ...both(activity.title),
      activity.place.online ? 'так / yes' : '', activity.place.city, activity.place.country,
      organisations[activity.organiserOrgId]?.name.uk ?? activity.organiserOrgId, activity.participantsPlanned,
      activity.attended ? shown(attendance.get(activity.id) ?? { value: 0 }, threshold) : '',
    ]),
  ]);
};

/** Implementers get every tally cell; funders the quarter × type table of their dashboard, with its hidden counts. */
export const assistanceCsv = (source: { tallies: Tally[] } | { dashboard: Dashboard }): string => {
  if ('tallies' in source) {
    return toCsv([
      ['Місяць / Month', 'Вид допомоги / Type', 'Канал / Channel', 'Осіб / People', 'Родин / Families'],
      ...[...source.tallies].sort((a, b) => a.month.localeCompare(b.month) || a.type.localeCompare(b.type) || a.channel.localeCompare(b.channel)).map((tally) => [tally.month, tally.type, tally.channel, tally.people, tally.families]),
    ]);
  }
  const { dashboard } = source;
  const threshold = dashboard.suppressionThreshold;
  return toCsv([
    [dashboard.assistance.grain === 'quarterly' ? 'Квартал / Quarter' : 'Місяць / Month', 'Вид допомоги / Type', 'Осіб / People', 'Родин / Families'],
    ...dashboard.assistance.byPeriod.flatMap((row) => assistanceTypes.flatMap((type) => {
      const cell = row.byType[type];
      return cell && !('value' in cell.people && cell.people.value === 0 && 'value' in cell.families && cell.families.value === 0) ? [[row.period, type, shown(cell.people, threshold), shown(cell.families, threshold)]] : [];
    })),
    ...dashboard.assistance.byType.map((row) => ['Разом / Total', row.type, shown(row.people, threshold), shown(row.families, threshold)]),
    ['Разом / Total', '', shown(dashboard.assistance.total.people, threshold), shown(dashboard.assistance.total.families, threshold)],
  ]);
};
