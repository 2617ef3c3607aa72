import { describe, expect, it } from 'vitest';
import { outcomeUnknown, submissionKeys } from '../../web/src/api/submission-keys.js';

describe('submission keys (SPA)', () => {
  const setup = () => {
    let next = 0;
    return submissionKeys(() => `key-${(next += 1)}`);
  };
  const request = 'POST /programmes/P1/network\n{"name":"Олена"}';

  it('a retry of a submission whose outcome is unknown carries the same key', () => {
    const keys = setup();
    expect([keys.keyFor(request), keys.keyFor(request)]).toEqual(['key-1', 'key-1']);
  });

  it('the next submission, once the API answered, gets a new key', () => {
    const keys = setup();
    keys.keyFor(request);
    keys.settle(request);
    expect(keys.keyFor(request)).toBe('key-2');
  });

  it('another request (path or body) gets its own key', () => {
    const keys = setup();
    expect([keys.keyFor(request), keys.keyFor(request.replace('P1', 'P2')), keys.keyFor(`${request} `)]).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it.each([
    [0, 'network', true],
    [500, 'internal', true],
    [503, 'storage_unavailable', true],
    [409, 'request_in_progress', true],
    [201, '', false],
    [400, 'invalid_request', false],
    [409, 'already_exists', false],
    [422, 'idempotency_key_reused', false],
  ])('status %i (%s): outcome unknown = %s', (status, code, unknown) => {
    expect(outcomeUnknown(status, code)).toBe(unknown);
  });
});
