import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../functions/data/pagination.js';
import { AppError } from '../../functions/core/errors.js';

const expected = { keyNames: ['PK', 'SK', 'GSI1PK', 'GSI1SK'], partition: { GSI1PK: 'ORGS' } };
const key = { PK: 'ORG#1', SK: 'ORG', GSI1PK: 'ORGS', GSI1SK: 'a#1' };

describe('list cursors', () => {
  it('round-trip a key of the listed partition', () => {
    expect(decodeCursor(encodeCursor(key), expected)).toEqual(key);
  });

  it('are absent at the end of a list', () => {
    expect(encodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor(undefined, expected)).toBeUndefined();
  });

  it.each([
    ['another partition', encodeCursor({ ...key, GSI1PK: 'ORG#2#USERS' })],
    ['missing key names', encodeCursor({ PK: 'ORG#1' })],
    ['extra key names', encodeCursor({ ...key, extra: 'x' })],
    ['non-string values', encodeCursor({ ...key, SK: 5 })],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['a JSON array', Buffer.from('[1]').toString('base64url')],
  ])('reject %s with a 400 naming query.cursor', (_case, cursor) => {
    expect.assertions(2);
    try {
      decodeCursor(cursor, expected);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).errors?.[0]?.path).toBe('query.cursor');
    }
  });
});
