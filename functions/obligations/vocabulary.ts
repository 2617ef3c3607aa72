/**
 * The statuses of a tracked obligation.
 * Plain constants without zod: the SPA's lists import them without loading the API's schemas.
 */

export const obligationStatuses = ['not_started', 'in_progress', 'at_risk', 'done', 'cancelled'] as const;
