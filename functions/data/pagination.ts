import { invalid } from '../core/errors.js';

export type { Page } from '../core/schemas.js';

/**
 * Opaque list cursors: the DynamoDB LastEvaluatedKey, base64url-encoded. A cursor
 * is accepted only if it points into the partition being listed, so it can never
 * be used to read another list.
 */
export type PageKey = Record<string, string>;

export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key === undefined ? undefined : Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

export const decodeCursor = (cursor: string | undefined, expected: { keyNames: string[]; partition: Record<string, string> }): PageKey | undefined => {
  if (cursor === undefined) return undefined;
  const bad = invalid([{ path: 'query.cursor', message: 'Not a cursor from this list. Start again without it.' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw bad;
  const entries = Object.entries(parsed);
  const names = entries.map(([name]) => name).sort();
  if (names.join() !== [...expected.keyNames].sort().join()) throw bad;
  if (!entries.every(([, value]) => typeof value === 'string' && value.length > 0 && value.length <= 1024)) throw bad;
  const key = Object.fromEntries(entries) as PageKey;
  if (!Object.entries(expected.partition).every(([name, value]) => key[name] === value)) throw bad;
  return key;
};
