import { describe, expect, it } from 'vitest';
import { AppError, errorCodes } from '../../functions/core/errors.js';
import { etagOf, problemResponse, toStoredResponse, versionFromIfMatch } from '../../functions/core/http.js';

describe('If-Match', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    [' "1" ', 1],
    ['"x"', undefined],
    ['*', undefined],
    ['"1", "2"', undefined],
    ['', undefined],
  ])('reads %j as version %j', (header, version) => {
    expect(versionFromIfMatch(header)).toBe(version);
  });

  it('round-trips the ETag it sends', () => {
    expect(versionFromIfMatch(etagOf(42))).toBe(42);
  });
});

describe('problem+json', () => {
  it('maps every error code to its status and never includes a stack', () => {
    for (const [code, { status }] of Object.entries(errorCodes)) {
      const response = problemResponse(new AppError(code as keyof typeof errorCodes, 'detail').toProblem());
      expect(response.statusCode).toBe(status);
      expect(response.headers?.['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.body).not.toContain('stack');
    }
  });

  it('lists field problems only when there are some', () => {
    expect(new AppError('invalid_request', 'x', []).toProblem()).not.toHaveProperty('errors');
    expect(new AppError('invalid_request', 'x', [{ path: 'body.a', message: 'm' }]).toProblem().errors).toHaveLength(1);
  });
});

describe('stored responses', () => {
  it('carry ETag and Location for replay', () => {
    expect(toStoredResponse(201, { body: { id: 'a' }, version: 1, location: '/api/x/a' })).toEqual({
      status: 201,
      body: { id: 'a' },
      headers: { etag: '"1"', location: '/api/x/a' },
    });
  });
});
