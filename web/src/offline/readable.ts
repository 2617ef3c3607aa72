/**
 * The API reads a person needs in the field, kept on the device as they were last read: their profile,
 * memoranda with their events and reports, commitments, review lists, organisations' names, programmes with
 * their calendars and dashboard counts. Never case records, network members, spending or user lists: those
 * are read online only. (One pattern: this runs in the first screen's script.)
 */
const readableOffline =
  /^\/(me|commitments|partner-commitments|reports|reviews|organisations\/[^/]+|memoranda(\/[^/]+(\/events|\/reports\/[^/]+)?)?|programmes(\/[^/]+(\/activities|\/dashboard)?)?)$/;

export const isReadableOffline = (path: string): boolean => readableOffline.test(path.split('?')[0] ?? '');
