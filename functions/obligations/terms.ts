import * as z from 'zod/mini';
import { bilingual, isoDate, itemId, text, ulid } from '../core/schemas.js';
import { recurrences } from '../memoranda/vocabulary.js';

/**
 * An obligation's terms as the parties agree them: declared once, for the draft
 * (memoranda) and for the tracked record signing makes of it (obligations).
 */

export const Indicator = z.strictObject({
  id: itemId,
  name: bilingual(300),
  unit: text(1, 40),
  baseline: z.number().check(z.gte(0, 'Must be 0 or more.')),
  target: z.number().check(z.gte(0, 'Must be 0 or more.')),
});

export const Obligation = z.strictObject({
  id: itemId,
  partyOrgId: ulid,
  text: bilingual(2000),
  category: z.optional(text(1, 80)),
  dueDate: z.optional(isoDate),
  recurrence: z.optional(z.enum(recurrences)),
  /** Who answers for it within the party: a name and, if given, how to reach them. */
  responsible: z.optional(z.strictObject({ name: text(2, 120), contact: z.optional(text(3, 200)) })),
  indicators: z.optional(z.array(Indicator).check(z.maxLength(20))),
});

