import { moduleHandler } from '../core/handler.js';
import { pageLimit } from '../core/schemas.js';
import { tableContext } from '../data/client.js';
import { asCommitment } from './model.js';
import { reportGraceDays } from '../reports/grace.js';
import { obligationRepository } from './repository.js';
import { today as todayIn } from '../core/calendar.js';
import { obligationRoutes } from './routes.js';

const obligations = obligationRepository(tableContext());

export const handler = moduleHandler('obligations', obligationRoutes, {
  /** The caller's own organisation's commitments: the relationship is the token's organisation, never a parameter. */
  async listCommitments({ actor, query }) {
    const page = await obligations.listForOwner(actor.orgId, {
      limit: pageLimit(query.limit),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.memorandumId ? { memorandumId: query.memorandumId } : {}),
      ...(query.dueBefore ? { dueBefore: query.dueBefore } : {}),
    });
    // Each obligation is due by the calendar of its memorandum's time zone.
    return { body: { items: page.items.map((obligation) => asCommitment(obligation, todayIn(undefined, obligation.timeZone), reportGraceDays)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) } };
  },

  /** What the drafting organisation's partners (and itself) owe on its memoranda: the relationship is the token's organisation as drafter. */
  async listPartnerCommitments({ actor, query }) {
    const today = todayIn();
    const page = await obligations.listOpenDrafted(actor.orgId, { limit: pageLimit(query.limit), dueBefore: today, ...(query.cursor ? { cursor: query.cursor } : {}) });
    const items = page.items.map((obligation) => asCommitment(obligation, todayIn(undefined, obligation.timeZone), reportGraceDays)).filter((commitment) => query.overdue !== 'true' || commitment.overdue);
    return { body: { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) } };
  },
});
