import * as z from 'zod/mini';
import { email, isoTimestamp, localizedText, pageOf, text, timeZone, ulid } from '../core/schemas.js';

/** The contract of the organisations routes. */

export const organisationTypes = ['ngo', 'council', 'funder', 'government', 'other'] as const;
export const OrganisationType = z.enum(organisationTypes);

export const Contacts = z.strictObject({
  email: z.optional(email),
  phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9 ()-]{5,24}$/, 'Must be a phone number, e.g. +380 44 123 4567.'))),
  address: z.optional(text(3, 300)),
  website: z.optional(z.string().check(z.trim(), z.maxLength(300), z.url({ protocol: /^https?$/, error: 'Must be a web address starting with https://' }))),
});

const registrationCode = z.string().check(z.trim(), z.regex(/^[0-9A-Za-z-]{4,32}$/, 'Must be 4 to 32 letters, digits or dashes (e.g. EDRPOU code).'));

export const OrganisationInput = z.strictObject({
  name: localizedText(2, 200),
  type: OrganisationType,
  registrationCode: z.optional(registrationCode),
  contacts: z.optional(Contacts),
  /** Where it works: the zone its events and activities are in unless chosen otherwise (Europe/Kyiv when not set). */
  timeZone: z.optional(timeZone),
});

export const OrganisationPatch = z.strictObject({
  name: z.optional(localizedText(2, 200)),
  type: z.optional(OrganisationType),
  registrationCode: z.optional(z.nullable(registrationCode)),
  contacts: z.optional(Contacts),
  timeZone: z.optional(timeZone),
});

export const Organisation = z.object({
  id: ulid,
  name: z.object({ uk: z.string(), en: z.string() }),
  type: OrganisationType,
  registrationCode: z.optional(z.string()),
  contacts: z.object({
    email: z.optional(z.string()),
    phone: z.optional(z.string()),
    address: z.optional(z.string()),
    website: z.optional(z.string()),
  }),
  timeZone: z.optional(z.string()),
  /** The organisation whose coordinator registered this one (they may maintain it too, until it has a coordinator of its own). */
  registeredByOrgId: z.optional(ulid),
  /** When the organisation got its first coordinator of its own. */
  ownCoordinatorSince: z.optional(isoTimestamp),
  version: z.number(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const OrganisationPage = pageOf(Organisation);

export const OrganisationParams = z.strictObject({ orgId: ulid });

export type OrganisationType = z.infer<typeof OrganisationType>;
export type OrganisationInput = z.infer<typeof OrganisationInput>;
export type OrganisationPatch = z.infer<typeof OrganisationPatch>;
export type Organisation = z.infer<typeof Organisation>;
export type OrganisationPage = z.infer<typeof OrganisationPage>;
