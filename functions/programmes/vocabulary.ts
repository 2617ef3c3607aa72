/**
 * The programmes' enumerations: activities, assistance, exports, the network.
 * Plain constants without zod: the SPA's lists import them without loading the API's schemas.
 */

export const activityTypes = ['seminar', 'training', 'campaign', 'public_event', 'press_conference', 'other'] as const;
export const activityStatuses = ['planned', 'held', 'cancelled'] as const;
export const assistanceTypes = ['legal', 'psychological', 'humanitarian', 'social', 'other'] as const;
export const assistanceChannels = ['in_person', 'phone', 'online', 'outreach', 'other'] as const;
export const genders = ['female', 'male', 'other', 'unknown'] as const;
export const ageBands = ['under_18', 'age_18_29', 'age_30_49', 'age_50_64', 'age_65_plus', 'unknown'] as const;
export const participationStatuses = ['invited', 'attended'] as const;
export const exportFiles = ['indicators.csv', 'activities.csv', 'assistance.csv', 'iati.xml'] as const;
/** What an export job makes: the files above, or the progress report for a period. */
export const exportKinds = ['report.pdf', ...exportFiles] as const;
export const exportJobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export const memberKinds = ['activist', 'organisation'] as const;
export const groupKinds = ['diaspora', 'friends_group', 'human_rights_group', 'other'] as const;
export const consentScopes = ['contact', 'events', 'publicity'] as const;

export const materialsPerActivity = 20;
/** How many network members one request may link or unlink: each is a write in the same transaction. */
export const participantChangesPerRequest = 90;
