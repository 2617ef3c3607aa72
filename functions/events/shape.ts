import * as z from 'zod/mini';
import { bilingual, isoDate, text, timeZone, ulid } from '../core/schemas.js';
import { activityStatuses, activityTypes, ageBands, genders } from '../programmes/vocabulary.js';

/**
 * What an event is, wherever it is recorded (a programme's activity, a memorandum
 * party's event): when, where, for whom, with whom, and how many came — counts only.
 */

/** A number of people, families or events. */
export const headcount = z.number().check(z.int('Must be a whole number.'), z.gte(0, 'Must be 0 or more.'), z.lte(1_000_000, 'Must be at most 1,000,000.'));

export const countryCode = z.string().check(z.regex(/^[A-Z]{2}$/, 'Must be a two-letter country code, e.g. UA.'));
const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Must be a time, e.g. 14:30.'));

export const Place = z.strictObject({
  online: z.boolean(),
  country: z.optional(countryCode),
  city: z.optional(text(1, 120)),
  venue: z.optional(text(1, 200)),
  url: z.optional(z.string().check(z.regex(/^https:\/\/\S{3,500}$/, 'Must be a web address starting with https://'))),
});

const byGender = z.strictObject(Object.fromEntries(genders.map((gender) => [gender, z.optional(headcount)])) as Record<(typeof genders)[number], z.ZodMiniOptional<typeof headcount>>);
const byAgeBand = z.strictObject(Object.fromEntries(ageBands.map((band) => [band, z.optional(headcount)])) as Record<(typeof ageBands)[number], z.ZodMiniOptional<typeof headcount>>);
const sumOf = (counts: Record<string, number | undefined> | undefined) => Object.values(counts ?? {}).reduce<number>((sum, value) => sum + (value ?? 0), 0);

export const Attendance = z.strictObject({ total: headcount, byGender: z.optional(byGender), byAgeBand: z.optional(byAgeBand) }).check(
  z.refine((attended) => !(attended.total >= 0) || sumOf(attended.byGender) <= attended.total, { message: 'The counts by gender add up to more than the total.', path: ['byGender'] }),
  z.refine((attended) => !(attended.total >= 0) || sumOf(attended.byAgeBand) <= attended.total, { message: 'The counts by age band add up to more than the total.', path: ['byAgeBand'] }),
);

export const eventShape = {
  type: z.enum(activityTypes),
  title: bilingual(300),
  date: isoDate,
  startTime: z.optional(time),
  endTime: z.optional(time),
  /** The zone its times are in (default Europe/Kyiv): a calendar in Berlin shows a 18:30 Kyiv seminar at 17:30. */
  timeZone: z.optional(timeZone),
  place: Place,
  /** Organisations that organise it together with the organiser. */
  coOrganiserOrgIds: z.optional(z.array(ulid).check(z.maxLength(19))),
  audience: z.optional(bilingual(300)),
  status: z.enum(activityStatuses),
  participantsPlanned: z.optional(headcount),
  attended: z.optional(Attendance),
};

type EventFields = { status: string; attended?: unknown; startTime?: string | undefined; endTime?: string | undefined };
export const eventChecks = [
  z.refine<EventFields>((event) => event.attended === undefined || event.status === 'held', { message: 'Only a held activity has attendance.', path: ['attended'] }),
  z.refine<EventFields>((event) => !event.startTime || !event.endTime || event.startTime < event.endTime, { message: 'Must be after the start time.', path: ['endTime'] }),
] as const;

