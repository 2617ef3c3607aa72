import type { NamedOrganisation } from '../programmes/access.js';
import type { ProgrammeActual } from '../programmes/actuals.js';
import { periodRange } from '../programmes/periods.js';
import type { ProgrammeContent } from '../programmes/schema.js';

/**
 * A programme as an IATI activity, standard 2.03 (pure): identifiers, title and
 * description in both languages, participating organisations and their roles,
 * planned and actual dates, the budget by year, and the results framework with
 * baselines, targets and actuals per period. Validated against the IATI XSD in
 * the tests. Tallies of people are not part of it: only aggregates the
 * programme publishes as indicators.
 */

export interface IatiInput {
  programmeId: string;
  content: ProgrammeContent;
  reportingOrgId: string;
  organisations: Record<string, NamedOrganisation>;
  actuals: ProgrammeActual[];
  today: string;
  generatedAt: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char);
const attributes = (values: Record<string, string | number | undefined>) =>
  Object.entries(values).filter(([, value]) => value !== undefined).map(([name, value]) => ` ${name}="${escape(String(value))}"`).join('');
const element = (name: string, values: Record<string, string | number | undefined>, children: string[] = []) =>
  children.length === 0 ? `<${name}${attributes(values)}/>` : `<${name}${attributes(values)}>${children.join('')}</${name}>`;
const narratives = (text: { uk?: string; en?: string } | undefined) =>
  (['uk', 'en'] as const).flatMap((lang) => (text?.[lang] ? [`<narrative xml:lang="${lang}">${escape(text[lang])}</narrative>`] : []));

const fromCouncilReport = { uk: 'За прийнятим звітом ради про виконання меморандуму', en: 'As stated in an accepted council report under a linked memorandum' };

/** IATI organisation identifiers: Ukraine's EDRPOU register (UA-EDR) when the code is known; otherwise a Pakt-local one. */
export const organisationRef = (orgId: string, organisation: NamedOrganisation | undefined) =>
  organisation?.registrationCode && /^\d{8}$/.test(organisation.registrationCode) ? `UA-EDR-${organisation.registrationCode}` : `XI-PAKT-${orgId}`;

/** IATI OrganisationType codes for Pakt's organisation types. */
const organisationTypes: Record<string, string> = { ngo: '22', council: '11', government: '10', funder: '60', other: '90' };

/** Calendar-year slices of the period, with the amount split by days (the last slice takes the rounding). */
export const budgetByYear = (period: { start: string; end: string }, amount: number) => {
  const day = 86_400_000;
  const total = (Date.parse(period.end) - Date.parse(period.start)) / day + 1;
  const slices: { start: string; end: string; amount: number }[] = [];
  for (let year = Number(period.start.slice(0, 4)); year <= Number(period.end.slice(0, 4)); year += 1) {
    const start = year === Number(period.start.slice(0, 4)) ? period.start : `${year}-01-01`;
    const end = year === Number(period.end.slice(0, 4)) ? period.end : `${year}-12-31`;
    slices.push({ start, end, amount: Math.round((amount * ((Date.parse(end) - Date.parse(start)) / day + 1)) / total * 100) / 100 });
  }
  const last = slices.at(-1);
  if (last) last.amount = Math.round((amount - slices.slice(0, -1).reduce((sum, slice) => sum + slice.amount, 0)) * 100) / 100;
  return slices;
};

const activityStatus = (period: { start: string; end: string }, today: string) => (today < period.start ? '1' : today <= period.end ? '2' : '3');

export const iatiActivityXml = (input: IatiInput): string => {
  const { content, organisations } = input;
  const reportingRef = organisationRef(input.reportingOrgId, organisations[input.reportingOrgId]);
  const org = (orgId: string, role: string) => {
    const organisation = organisations[orgId];
    return element('participating-org', { ref: organisationRef(orgId, organisation), type: organisationTypes[organisation?.type ?? 'other'] ?? '90', role }, narratives(organisation?.name));
  };
  const started = input.today >= content.period.start;
  const results = [
    ...content.outcomes.map((outcome) => ({ type: '2', result: outcome })),
    ...content.outcomes.flatMap((outcome) => outcome.outputs.map((output) => ({ type: '1', result: output }))),
  ].filter(({ result }) => result.indicators.length > 0);
  const resultXml = results.map(({ type, result }) =>
    element('result', { type }, [
      element('title', {}, narratives(result.title)),
      ...result.indicators.map((indicator) =>
        element('indicator', { measure: '1', ascending: indicator.target >= indicator.baseline ? '1' : '0' }, [
          element('title', {}, narratives(indicator.name)),
          element('baseline', { year: content.period.start.slice(0, 4), 'iso-date': content.period.start, value: indicator.baseline }),
          ...input.actuals.filter((actual) => actual.indicatorId === indicator.id).sort((a, b) => a.period.localeCompare(b.period)).map((actual) => {
            const range = periodRange(actual.period);
            return element('period', {}, [
              element('period-start', { 'iso-date': range.start < content.period.start ? content.period.start : range.start }),
              element('period-end', { 'iso-date': range.end > content.period.end ? content.period.end : range.end }),
              element('target', { value: indicator.target }),
              element('actual', { value: actual.value }, actual.fromReport ? [element('comment', {}, narratives(fromCouncilReport))] : []),
            ]);
          }),
        ]),
      ),
    ]),
  );
  const activity = element('iati-activity', { 'last-updated-datetime': input.generatedAt, 'xml:lang': 'uk', 'default-currency': content.budget?.currency }, [
    `<iati-identifier>${escape(`${reportingRef}-${input.programmeId}`)}</iati-identifier>`,
    element('reporting-org', { ref: reportingRef, type: organisationTypes[organisations[input.reportingOrgId]?.type ?? 'other'] ?? '90' }, narratives(organisations[input.reportingOrgId]?.name)),
    element('title', {}, narratives(content.title)),
    element('description', { type: '1' }, narratives(content.description ?? content.title)),
    ...content.funderOrgIds.map((orgId) => org(orgId, '1')),
    ...content.implementingOrgIds.map((orgId) => org(orgId, '4')),
    element('activity-status', { code: activityStatus(content.period, input.today) }),
    element('activity-date', { type: '1', 'iso-date': content.period.start }),
    ...(started ? [element('activity-date', { type: '2', 'iso-date': content.period.start })] : []),
    element('activity-date', { type: '3', 'iso-date': content.period.end }),
    ...(content.budget
      ? budgetByYear(content.period, content.budget.amount).map((slice) =>
          element('budget', { type: '1', status: '1' }, [
            element('period-start', { 'iso-date': slice.start }),
            element('period-end', { 'iso-date': slice.end }),
            `<value currency="${escape(content.budget?.currency ?? '')}" value-date="${slice.start}">${slice.amount.toFixed(2)}</value>`,
          ]),
        )
      : []),
    ...resultXml,
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${escape(input.generatedAt)}">${activity}</iati-activities>\n`;
};
