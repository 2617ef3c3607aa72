import { describe, expect, it } from 'vitest';
import { AppError, errorCodes } from '../../functions/core/errors.js';
import { etagOf, problemResponse, toStoredResponse, versionFromIfMatch } from '../../functions/core/http.js';
import { contentDisposition, filenameFromDisposition } from '../../functions/files/disposition.js';

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

describe('Content-Disposition', () => {
  it.each([
    ['Протокол_пресконференції.pdf', 'attachment; filename="________________________.pdf"; filename*=UTF-8\'\'%D0%9F%D1%80%D0%BE%D1%82%D0%BE%D0%BA%D0%BE%D0%BB_%D0%BF%D1%80%D0%B5%D1%81%D0%BA%D0%BE%D0%BD%D1%84%D0%B5%D1%80%D0%B5%D0%BD%D1%86%D1%96%D1%97.pdf'],
    ['report.csv', 'attachment; filename="report.csv"; filename*=UTF-8\'\'report.csv'],
    ['Café (final)\'s*.pdf', 'attachment; filename="Cafe (final)\'s*.pdf"; filename*=UTF-8\'\'Caf%C3%A9%20%28final%29%27s%2A.pdf'],
    ['a"b\\c/d\r\n.pdf', 'attachment; filename="a_b_c_d__.pdf"; filename*=UTF-8\'\'a_b_c_d__.pdf'],
  ])('keeps the name %j with an ASCII fallback', (name, header) => {
    expect(contentDisposition(name)).toBe(header);
  });

  it('reads back the UTF-8 name, or the plain one', () => {
    expect(filenameFromDisposition(contentDisposition('Протокол_пресконференції.pdf'))).toBe('Протокол_пресконференції.pdf');
    expect(filenameFromDisposition('attachment; filename="plain.csv"')).toBe('plain.csv');
    expect(filenameFromDisposition('inline')).toBeUndefined();
  });
});
