import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { parsePart } from '../../functions/core/validation.js';
import { OrganisationInput, OrganisationPatch } from '../../functions/organisations/schema.js';
import { UserInvite } from '../../functions/users/schema.js';
import type { FieldProblem } from '../../functions/core/errors.js';

const problemsOf = (schema: Parameters<typeof parsePart>[0], value: unknown) => {
  const problems: FieldProblem[] = [];
  parsePart(schema, value, 'body', problems);
  return problems;
};

describe('request validation', () => {
  it('names each unknown field so that nothing is silently applied', () => {
    const problems = problemsOf(OrganisationPatch, { status: 'x', version: 2 });
    expect(problems.map((problem) => problem.path).sort()).toEqual(['body.status', 'body.version']);
  });

  it('collects every bad field of a nested body', () => {
    const problems = problemsOf(OrganisationInput, { name: { uk: ' ', en: 'ok name' }, type: 'club', contacts: { phone: 'call me' } });
    expect(problems.map((problem) => problem.path).sort()).toEqual(['body.contacts.phone', 'body.name.uk', 'body.type']);
  });

  it('trims text and lower-cases emails before storing them', () => {
    const parsed = z.parse(UserInvite, { name: '  Олена  ', email: ' Olena@Example.ORG ', role: 'council' });
    expect(parsed).toEqual({ name: 'Олена', email: 'olena@example.org', role: 'council' });
  });

  it('accepts Ukrainian and English names', () => {
    expect(problemsOf(OrganisationInput, { name: { uk: 'Молочанська міська рада', en: 'Molochansk City Council' }, type: 'council' })).toEqual([]);
  });

  it.each([
    ['a NUL', 'Звіт\u0000'], ['an escape', 'Звіт \u001b[31m'], ['a vertical tab', 'a\u000bb'], ['U+FFFF', 'x\uffff'], ['an unpaired surrogate', 'x\ud800y'],
  ])('refuses text with %s (invalid in XML 1.0), naming the field', (_name, value) => {
    expect(problemsOf(OrganisationInput, { name: { uk: value, en: 'Name' }, type: 'ngo' })).toEqual([{ path: 'body.name.uk', message: 'Must not contain control characters.' }]);
  });

  it('keeps tabs, newlines, returns and characters beyond the basic plane in text', () => {
    expect(problemsOf(OrganisationInput, { name: { uk: 'Рада\tміста 🇺🇦', en: 'Line\r\nbreak' }, type: 'ngo' })).toEqual([]);
  });
});
