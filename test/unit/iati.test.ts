import { describe, expect, it } from 'vitest';
import { budgetByYear, iatiActivityXml, organisationRef } from '../../functions/exports/iati.js';
import { caseProgrammeContent } from '../../infra/local/cases.js';
import { validateIati } from '../support/iati.js';

const organisations = {
  '01J00000000000000000000003': { name: { uk: 'Кримськотатарський ресурсний центр', en: 'Crimean Tatar Resource Center' }, type: 'ngo', registrationCode: '39987654' },
  '01J00000000000000000000004': { name: { uk: 'Естонський інститут прав людини', en: 'Estonian Institute of Human Rights' }, type: 'ngo' },
  '01J00000000000000000000005': { name: { uk: 'Фонд «Солідарність» & Co <демо>', en: 'Solidarity "Fund"' }, type: 'funder' },
};
const input = {
  programmeId: '01J00000000000000000000301',
  content: caseProgrammeContent({ implementingOrgIds: ['01J00000000000000000000003', '01J00000000000000000000004'], funderOrgIds: ['01J00000000000000000000005'] }),
  reportingOrgId: '01J00000000000000000000003',
  organisations,
  actuals: [{ indicatorId: 'trained', period: '2026-Q1', value: 24 }, { indicatorId: 'trained', period: '2026-Q2', value: 51 }, { indicatorId: 'countries', period: '2026-Q2', value: 3 }, { indicatorId: 'publications', period: '2026-Q2', value: 19, fromReport: true as const }],
  today: '2026-08-07',
  generatedAt: '2026-08-07T10:00:00.000Z',
};

describe('IATI activity export', () => {
  it('validates against the IATI 2.03 schema', async () => {
    expect(await validateIati(iatiActivityXml(input))).toBe('valid');
  });

  it('the validator reports a document the schema refuses', async () => {
    const broken = iatiActivityXml(input).replace(/<activity-status code="\d"\/>/, '<activity-status/>');
    expect(await validateIati(broken)).toMatch(/activity-status.*code.*required/);
  });

  it('carries identifiers, both languages, roles, dates, yearly budget and results with baselines, targets and actuals', () => {
    const xml = iatiActivityXml(input);
    expect(xml).toContain('<iati-identifier>UA-EDR-39987654-01J00000000000000000000301</iati-identifier>');
    expect(xml).toContain('<narrative xml:lang="uk">Започаткування руху правової солідарності');
    expect(xml).toContain('role="1"');
    expect(xml).toMatch(/participating-org ref="XI-PAKT-01J00000000000000000000004" type="22" role="4"/);
    expect(xml).toContain('<activity-status code="2"/>');
    expect(xml).toContain('<activity-date type="2" iso-date="2026-01-01"/>');
    expect(xml).toContain('value-date="2027-01-01">59670.33</value>');
    expect(xml).toContain('<period-start iso-date="2026-04-01"/><period-end iso-date="2026-06-30"/><target value="200"/><actual value="51"/>');
    expect(xml).toContain('<baseline year="2026" iso-date="2026-01-01" value="0"/>');
    expect(xml).toContain('<actual value="19"><comment><narrative xml:lang="uk">За прийнятим звітом ради про виконання меморандуму</narrative><narrative xml:lang="en">As stated in an accepted council report under a linked memorandum</narrative></comment></actual>');
  });

  it('escapes text and still validates', async () => {
    const xml = iatiActivityXml(input);
    expect(xml).toContain('Фонд «Солідарність» &amp; Co &lt;демо&gt;');
    expect(xml).toContain('Solidarity &quot;Fund&quot;');
    expect(await validateIati(xml)).toBe('valid');
  });

  it('splits the budget into calendar years that add up to the whole', () => {
    const slices = budgetByYear({ start: '2026-01-01', end: '2027-06-30' }, 180_000);
    expect(slices.map((slice) => [slice.start, slice.end])).toEqual([['2026-01-01', '2026-12-31'], ['2027-01-01', '2027-06-30']]);
    expect(slices.reduce((sum, slice) => sum + slice.amount, 0)).toBeCloseTo(180_000, 2);
  });

  it('uses the EDRPOU register only for eight-digit codes', () => {
    expect(organisationRef('X', { name: { uk: '', en: '' }, type: 'ngo', registrationCode: 'ABC-1' })).toBe('XI-PAKT-X');
  });
});
