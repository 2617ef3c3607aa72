/**
 * Every field problem the API reports has a stable code and, where the message
 * names a figure or a date, its parameters: clients show the message in their
 * user's language from their own catalogue (the SPA's `validation.<code>`), and
 * the English `message` stays for API users. The English texts are written where
 * the rule lives; this catalogue recognises them, so a rule and its message stay
 * together. A message not listed here is reported with the code `invalid`.
 */
export const fieldMessageTemplates = {
  required: 'Required.',
  unknown_field: 'Unknown field: remove it.',
  min_length: 'Must be at least {min} characters.',
  max_length: 'Must be at most {max} characters.',
  min_value: 'Must be at least {min}.',
  max_value: 'Must be at most {max}.',
  non_negative: 'Must be 0 or more.',
  whole_number: 'Must be a whole number.',
  whole_number_range: 'Must be a whole number from {min} to {max}.',
  percent: 'Must be between 0 and 100.',
  bilingual_required: 'Write it in Ukrainian, English or both.',
  control_characters: 'Must not contain control characters.',
  email: 'Must be an email address.',
  phone: 'Must be a phone number, e.g. {example}.',
  website: 'Must be a web address starting with https://',
  registration_code: 'Must be 4 to 32 letters, digits or dashes (e.g. EDRPOU code).',
  date: 'Must be a date, e.g. {example}.',
  month: 'Must be a month, e.g. {example}.',
  time: 'Must be a time, e.g. {example}.',
  time_zone: 'Must be a time zone, e.g. {example}.',
  indicator_period: 'Must be a period: a month (2026-03), a quarter (2026-Q1) or a year (2026).',
  country: 'Must be a two-letter country code, e.g. {example}.',
  currency: 'Must be an ISO 4217 currency code, e.g. {example}.',
  record_id: 'Must be a record id (26-character ULID).',
  short_id: 'Must be 1 to 40 letters, digits, _ or -.',
  pseudonym: 'Must be a pseudonymous code such as R-0042, never a name.',
  file_name: 'Must be a file name without path or control characters.',
  after_start_time: 'Must be after the start time.',
  not_before_first_contact: 'Must not be before the first contact.',
  end_before_start: 'The end must not be before the start.',
  period_reversed: 'The period must not end before it starts.',
  period_not_ended: 'A period can be reported from {days} days before it ends.',
  period_overlaps: 'Overlaps a period your organisation has already reported on.',
  report_says_nothing: 'The report says nothing yet: give progress, a narrative, an indicator actual or evidence for at least one obligation.',
  report_too_long: 'The report is too long to store. Shorten the narratives.',
  return_needs_comment: 'Say what needs to change: a comment or comments on entries.',
  memorandum_starts: 'The memorandum starts on {date}.',
  memorandum_ends: 'The memorandum ends on {date}.',
  approver_required: 'Name the approver of this party.',
  signatory_required: 'Name the signatory of this party.',
  party_user_required: 'Must be an active user of this party\'s organisation.',
  own_party_required: 'Your organisation must be one of the parties.',
  party_listed: 'This organisation is already a party.',
  obligation_owner: 'The obligation must belong to one of the parties.',
  no_such_organisation: 'No such organisation.',
  duplicate_id: 'Each item needs its own id.',
  duplicate_indicator_id: 'Each indicator needs its own id.',
  listed_twice: 'Listed twice.',
  reported_twice: 'Reported twice.',
  own_implementer_required: 'Your organisation must be one of the implementing organisations.',
  implements_or_funds: 'An organisation either implements or funds the programme, not both.',
  lead_implements: 'The lead must be one of the implementing organisations.',
  organiser_implements: 'Must be one of the programme\'s implementing organisations.',
  unique_outcome_ids: 'Outcome and output ids must be unique in the programme.',
  unique_indicator_ids: 'Indicator ids must be unique in the programme.',
  link_memorandum_first: 'Link the memorandum to the programme first.',
  within_programme: 'Must lie within the programme ({start} — {end}).',
  period_within_programme: 'The period must lie within the programme.',
  month_within_programme: 'The month must lie within the programme ({start} — {end}).',
  no_budget: 'The programme has no budget to report spending against.',
  budget_lines_exceed: 'The budget lines add up to more than the budget.',
  not_a_budget_line: 'Not a budget line of this programme (or "unassigned").',
  gender_exceeds_total: 'The counts by gender add up to more than the total.',
  age_exceeds_total: 'The counts by age band add up to more than the total.',
  attendance_exceeds_total: 'The attendance counted by gender or age band would exceed the total: correct those counts first.',
  families_exceed_people: 'More families than people: each family counts at least one person.',
  held_only_attendance: 'Only a held activity has attendance.',
  held_only_attendees: 'Only a held activity has attendees: record it as held first.',
  group_kind_for_organisations: 'Only an organisation has a group kind.',
  not_a_network_member: 'Not a member of this programme\'s network.',
  too_many_changes: 'At most {max} changes at a time.',
  not_an_entry: 'Not an entry of this report.',
  not_own_obligation: 'Not an obligation of your organisation in this memorandum.',
  not_an_obligation: 'Not an obligation of that memorandum.',
  recurring_reported_per_period: 'A recurring obligation is reported per period, not as done once.',
  obligation_closed: 'This obligation is already done or cancelled.',
  completion_not_done: 'A completion report says the obligation is done: set its status to done.',
  not_an_indicator: 'Not an indicator of this obligation.',
  not_an_indicator_of_that: 'Not an indicator of that obligation.',
  not_a_party_memorandum: 'Not a memorandum your organisation is party to.',
  file_empty: 'The file is empty.',
  file_too_large: 'The file is larger than {mb} MB.',
  file_size_range: 'The file must be between 1 byte and {mb} MB.',
  file_type_mismatch: 'The file\'s content is not of the declared type.',
  file_stored_type: 'The uploaded file was stored with another content type.',
  file_not_uploaded: 'No uploaded file was found for this upload. Upload it again.',
  entry_files_full: 'An entry holds at most {max} files. Remove one first.',
  activity_files_full: 'An activity keeps at most {max} files: remove one first.',
  content_or_template: 'Send either content or templateId.',
  no_such_revision: 'No such revision.',
  invalid_json: 'The body is not valid JSON.',
  no_body: 'This request takes no body.',
  not_a_cursor: 'Not a cursor from this list. Start again without it.',
  etag: 'Must be the ETag of the record, e.g. "3".',
  idempotency_key: 'Must be 8 to 128 letters, digits or _ . : - (a UUID is fine).',
  document_hash: 'Must be the SHA-256 of the document (64 hex characters).',
  confirm_signing: 'Confirm that you sign this document.',
} as const;

export type FieldCode = keyof typeof fieldMessageTemplates | 'option' | 'invalid';
export type FieldParams = Record<string, string>;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Built on first use: nothing runs when the module loads, so a bundle that imports it without calling
 * `codeOfMessage` (the SPA, through actor.ts → errors.ts) drops the whole table.
 */
let matchers: { code: FieldCode; names: string[]; pattern: RegExp }[] | undefined;
const templateMatchers = () =>
  (matchers ??= Object.entries(fieldMessageTemplates).map(([code, template]) => ({
    code: code as FieldCode,
    names: [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''),
    pattern: new RegExp(`^${escape(template).replace(/\\\{(\w+)\\\}/g, '(.+?)')}$`),
  })));

/** The code and parameters of an English field message written by a rule. */
export const codeOfMessage = (message: string): { code: FieldCode; params?: FieldParams } => {
  for (const { code, names, pattern } of templateMatchers()) {
    const match = pattern.exec(message);
    if (!match) continue;
    return names.length === 0 ? { code } : { code, params: Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? ''])) };
  }
  return { code: 'invalid' };
};
