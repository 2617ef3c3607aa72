import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AppError, invalid } from '../../functions/core/errors.js';
import { codeOfMessage, fieldMessageTemplates } from '../../functions/core/field-codes.js';
import { fieldProblems } from '../../functions/core/validation.js';
import { OrganisationInput } from '../../functions/organisations/schema.js';

describe('field problems carry a stable code and their parameters', () => {
  it('recognises each catalogued message, with the figures and dates it names', () => {
    expect(codeOfMessage('Must be at least 3 characters.')).toEqual({ code: 'min_length', params: { min: '3' } });
    expect(codeOfMessage('The memorandum starts on 2026-01-15.')).toEqual({ code: 'memorandum_starts', params: { date: '2026-01-15' } });
    expect(codeOfMessage('Must lie within the programme (2026-01-01 — 2027-06-30).')).toEqual({ code: 'within_programme', params: { start: '2026-01-01', end: '2027-06-30' } });
    expect(codeOfMessage('Write it in Ukrainian, English or both.')).toEqual({ code: 'bilingual_required' });
    expect(codeOfMessage('Something no rule says.')).toEqual({ code: 'invalid' });
    for (const [code, template] of Object.entries(fieldMessageTemplates)) {
      expect(codeOfMessage(template.replace(/\{\w+\}/g, '7')).code, template).toBe(code);
    }
  });

  it('names zod\'s own issues from the issue: required, unknown field, one of the options', () => {
    const result = z.safeParse(OrganisationInput, { type: 'embassy', extra: 1 });
    const problems = result.success ? [] : fieldProblems('body', result.error.issues);
    expect(problems.map(({ path, code }) => `${path}:${code}`).sort()).toEqual(['body.extra:unknown_field', 'body.name:required', 'body.type:option']);
    expect(problems.find((problem) => problem.code === 'option')?.params?.options).toContain('ngo');
  });

  it('every refusal states the code in its problem+json, keeping the English message', () => {
    const problem = invalid([{ path: 'body.period.end', message: 'A period can be reported from 7 days before it ends.' }]).toProblem();
    expect(problem.errors).toEqual([{ path: 'body.period.end', message: 'A period can be reported from 7 days before it ends.', code: 'period_not_ended', params: { days: '7' } }]);
    expect(new AppError('invalid_request', 'x', [{ path: 'a', message: 'b', code: 'required' }]).errors?.[0]?.code).toBe('required');
  });
});
