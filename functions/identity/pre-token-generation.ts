import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { claimNames } from '../core/actor.js';

/**
 * Cognito pre-token-generation trigger (V2): Cognito access tokens carry groups
 * but not custom attributes, so the user's organisation is copied into the
 * access token here. Handlers then decide access from the token alone, without
 * a profile lookup per request. The attribute is admin-only (not writable by
 * the app client), so users cannot change their own organisation.
 */
export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  const orgId = event.request.userAttributes[claimNames.orgId];
  event.response = {
    claimsAndScopeOverrideDetails: {
      accessTokenGeneration: { claimsToAddOrOverride: orgId ? { [claimNames.orgId]: orgId } : {} },
    },
  };
  return event;
};
