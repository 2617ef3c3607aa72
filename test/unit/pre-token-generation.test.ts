import { describe, expect, it } from 'vitest';
import { accessTokenOverrides } from '../../functions/identity/pre-token-generation.js';

/** What Cognito's pre-token trigger changes in an access token (the pure part; the MFA read is Cognito's AdminGetUser). */
describe('the access token overrides', () => {
  const orgId = '01J9ZKQ7Y7W5X0R4V4N8M6T2AB';
  const attributes = { 'custom:orgId': orgId, email: 'o@example.org' };

  it('copies the organisation into the token', () => {
    expect(accessTokenOverrides(attributes, ['council'], false)).toEqual({ claimsToAddOrOverride: { 'custom:orgId': orgId }, scopesToSuppress: [] });
    expect(accessTokenOverrides({}, ['council'], false).claimsToAddOrOverride).toEqual({});
  });

  it.each([
    [['coordinator'], false, ['pakt/api']],
    [['admin'], false, ['pakt/api']],
    [['council', 'coordinator'], false, ['pakt/api']],
    [['coordinator'], true, []],
    [['admin'], true, []],
    [['council'], false, []],
    [['funder'], false, []],
    [['someone-elses-group'], false, []],
    [[], false, []],
  ])('for groups %j with a second factor %s, withholds %j', (groups, enrolled, withheld) => {
    expect(accessTokenOverrides(attributes, groups, enrolled).scopesToSuppress).toEqual(withheld);
  });
});
