import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { claimNames } from '../core/actor.js';
import { traced } from '../core/tracer.js';
import { apiScope, apiScopeWithheld, secondFactorRequired } from '../users/sign-in-policy.js';

/**
 * Cognito pre-token-generation trigger (V2), on every sign-in and renewal.
 *
 * - Access tokens carry groups but not custom attributes, so the user's organisation
 *   is copied into the access token: handlers decide access from the token alone.
 *   The attribute is admin-only (not writable by the app client).
 * - A coordinator or admin without an enrolled authenticator app gets a token
 *   without the API scope (functions/users/sign-in-policy.ts): API Gateway refuses
 *   it on every route, and the SPA offers the enrolment instead. The pool's MFA is
 *   optional (council officers may lack a second device), so this is where the
 *   per-role rule is enforced on AWS.
 */
const directory = traced(new CognitoIdentityProviderClient({}));

export interface AccessTokenOverrides {
  claimsToAddOrOverride: Record<string, string>;
  scopesToSuppress: string[];
}

/** Pure: what changes in the access token, from the user's attributes, groups and second factor. */
export const accessTokenOverrides = (attributes: Record<string, string>, groups: readonly string[], secondFactorEnrolled: boolean): AccessTokenOverrides => {
  const orgId = attributes[claimNames.orgId];
  return {
    claimsToAddOrOverride: orgId ? { [claimNames.orgId]: orgId } : {},
    scopesToSuppress: apiScopeWithheld(groups, secondFactorEnrolled) ? [apiScope] : [],
  };
};

/** Cognito lists a software token in the user's MFA settings once it is verified and enabled. */
const hasSoftwareToken = async (userPoolId: string, username: string): Promise<boolean> => {
  const user = await directory.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
  return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
};

export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  const groups = event.request.groupConfiguration.groupsToOverride ?? [];
  // Only those who must have a second factor cost a directory read.
  const enrolled = secondFactorRequired(groups) ? await hasSoftwareToken(event.userPoolId, event.userName) : true;
  const overrides = accessTokenOverrides(event.request.userAttributes, groups, enrolled);
  event.response = {
    claimsAndScopeOverrideDetails: {
      accessTokenGeneration: {
        claimsToAddOrOverride: overrides.claimsToAddOrOverride,
        ...(overrides.scopesToSuppress.length > 0 ? { scopesToSuppress: overrides.scopesToSuppress } : {}),
      },
    },
  };
  return event;
};
