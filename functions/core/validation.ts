import * as z from 'zod/mini';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import type { FieldProblem } from './errors.js';

/** Turns zod issues into field problems, one per bad field, with dotted paths. */
export const fieldProblems = (prefix: string, issues: readonly $ZodIssue[]): FieldProblem[] =>
  issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: `${path}.${key}`, message: 'Unknown field: remove it.', code: 'unknown_field' as const }));
    }
    // zod's own messages (no rule wrote one) are named from the issue itself.
    if (issue.code === 'invalid_type' && issue.input === undefined) return [{ path, message: 'Required.', code: 'required' as const }];
    if (issue.code === 'invalid_value') return [{ path, message: issue.message, code: 'option' as const, params: { options: issue.values.map(String).join(', ') } }];
    return [{ path, message: issue.message }];
  });

/** Parses one part of a request, collecting its problems rather than stopping at the first. */
export const parsePart = (schema: $ZodType | undefined, value: unknown, prefix: string, problems: FieldProblem[]): unknown => {
  if (schema === undefined) return undefined;
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  problems.push(...fieldProblems(prefix, result.error.issues));
  return undefined;
};
