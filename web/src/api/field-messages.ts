export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The API's field messages are English; these are the ones users meet, in their language. */
const knownMessages: [RegExp, string][] = [
  [/^Must be at least (\d+) characters\.$/, 'validation.minLength'],
  [/^Must be at most (\d+) characters\.$/, 'validation.maxLength'],
  [/^Must be an email address\.$/, 'validation.email'],
  [/^Must be a phone number/, 'validation.phone'],
  [/^Must be a web address/, 'validation.website'],
  [/^Must be 4 to 32 letters/, 'validation.registrationCode'],
  [/^Invalid option/, 'validation.option'],
  [/^Must not contain control characters\.$/, 'validation.controlCharacters'],
  [/received undefined$/, 'validation.required'],
  [/^A period can be reported from (\d+) days before it ends\.$/, 'validation.periodNotEnded'],
  [/^Overlaps a period your organisation has already reported on\.$/, 'validation.periodOverlaps'],
  [/^The report says nothing yet/, 'validation.reportSaysNothing'],
  [/^The memorandum starts on (\S+)\.$/, 'validation.memorandumStarts'],
  [/^The memorandum ends on (\S+)\.$/, 'validation.memorandumEnds'],
  [/^The period must not end before it starts\.$/, 'validation.periodReversed'],
];

export const localizeFieldMessage = (t: Translate, message: string): string => {
  for (const [pattern, key] of knownMessages) {
    const match = pattern.exec(message);
    if (match) return t(key, { n: match[1] ?? '' });
  }
  return message;
};
