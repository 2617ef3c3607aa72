import { describe, expect, it } from 'vitest';
import { actorFromClaims, parseGroupsClaim } from '../../functions/core/actor.js';
import { AppError } from '../../functions/core/errors.js';

describe('parseGroupsClaim', () => {
  it.each([
    ['[coordinator admin]', ['coordinator', 'admin']],
    ['[council]', ['council']],
    ['[]', []],
    ['funder', ['funder']],
    [['coordinator', 'council'], ['coordinator', 'council']],
    [undefined, []],
    [42, []],
  ])('reads %j as %j', (claim, groups) => {
    expect(parseGroupsClaim(claim)).toEqual(groups);
  });
});

describe('actorFromClaims', () => {
  it('takes user, organisation and known roles from the claims', () => {
    expect(actorFromClaims({ sub: 'u-1234567890', 'custom:orgId': 'org-1', 'cognito:groups': '[coordinator superuser]' })).toEqual({
      userId: 'u-1234567890',
      orgId: 'org-1',
      roles: ['coordinator'],
    });
  });

  it.each([{}, { sub: 'u' }, { 'custom:orgId': 'o' }, { sub: '', 'custom:orgId': 'o' }, undefined])('refuses claims without user and organisation: %j', (claims) => {
    expect.assertions(2);
    try {
      actorFromClaims(claims);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(401);
    }
  });
});
