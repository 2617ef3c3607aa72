/** The four Cognito groups. A user belongs to one organisation and usually one group. */
export const roles = ['admin', 'coordinator', 'council', 'funder'] as const;
export type Role = (typeof roles)[number];

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);
