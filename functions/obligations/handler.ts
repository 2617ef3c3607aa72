import { moduleHandler } from '../core/handler.js';
import { pageLimit } from '../core/schemas.js';
import { tableContext } from '../data/client.js';
import { asCommitment } from './model.js';
import { reportGraceDays } from '../reports/grace.js';
import { obligationRepository } from './repository.js';

const obligations = obligationRepository(tableContext());

export const handler = moduleHandler('obligations', {
  /** The caller's own organisation's commitments: the relationship is the token's organisation, never a parameter. */
  async listCommitments({ actor, query }) {
    const page = await obligations.listForOwner(actor.orgId, {
      limit: pageLimit(query.limit),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.memorandumId ? { memorandumId: query.memorandumId } : {}),
      ...(query.dueBefore ? { dueBefore: query.dueBefore } : {}),
    });
    const today = new Date().toISOString().slice(0, 10);
    return { body: { items: page.items.map((obligation) => asCommitment(obligation, today, reportGraceDays)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) } };
  },
});
