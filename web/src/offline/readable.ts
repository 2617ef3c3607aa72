/**
 * The API reads a person needs in the field, kept on the device as they were last read: their profile,
 * memoranda, commitments, reports and the events and activities of their calendars. Never case records,
 * network members, spending or user lists: those are read online only.
 */
const readableOffline = [
  /^\/me$/, /^\/memoranda$/, /^\/memoranda\/[^/]+$/, /^\/memoranda\/[^/]+\/events$/, /^\/memoranda\/[^/]+\/reports\/[^/]+$/,
  /^\/commitments$/, /^\/partner-commitments$/, /^\/reports$/, /^\/reviews$/, /^\/organisations\/[^/]+$/,
  /^\/programmes$/, /^\/programmes\/[^/]+$/, /^\/programmes\/[^/]+\/activities$/,
];

export const isReadableOffline = (path: string): boolean => {
  const pathname = path.split('?')[0] ?? '';
  return readableOffline.some((pattern) => pattern.test(pathname));
};
