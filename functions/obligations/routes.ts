import { defineRoute } from '../core/route.js';
import { CommitmentPage, CommitmentsQuery, PartnerCommitmentsQuery } from './schema.js';

/** The obligations routes, in THE route table (functions/routes.ts). */
export const obligationRoutes = [
  defineRoute({
    method: 'GET', path: '/api/commitments', module: 'obligations', operation: 'listCommitments',
    summary: 'The obligations the caller\'s organisation owns across signed memoranda, by due date', access: ['coordinator', 'council'],
    query: CommitmentsQuery, response: CommitmentPage, successStatus: 200,
  }),
  defineRoute({
    method: 'GET', path: '/api/partner-commitments', module: 'obligations', operation: 'listPartnerCommitments',
    summary: 'Open obligations of every party on the memoranda the caller\'s organisation drafted, first due by today, by due date', access: ['coordinator'],
    query: PartnerCommitmentsQuery, response: CommitmentPage, successStatus: 200,
  }),
] as const;
