import type { TableContext } from '../data/client.js';
import { getItems } from '../data/batch.js';
import { keys, type ItemKey } from '../data/keys.js';
import { queryAllPages } from '../data/query.js';

/**
 * Whether two organisations work together: party to one memorandum (drafting it
 * counts, the drafter is a party), or implementing or funding one programme. Read
 * from the other organisation's lists (ids only) and our entries in them, by key:
 * two Queries and one BatchGet of at most 100 keys a request.
 */
export const worksWith = async (ctx: TableContext, ownOrgId: string, otherOrgId: string): Promise<boolean> => {
  const idsOf = async (partition: { GSI1PK: string }, attribute: string) =>
    (await queryAllPages(ctx, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': partition.GSI1PK }, ProjectionExpression: attribute })).map((item) => String(item[attribute]));
  const [memoranda, programmes] = await Promise.all([idsOf(keys.memorandaOfOrganisation(otherOrgId), 'id'), idsOf(keys.programmesOfOrganisation(otherOrgId), 'programmeId')]);
  const ours: ItemKey[] = [...memoranda.map((id) => keys.memorandumParty(id, ownOrgId)), ...programmes.map((id) => keys.programmeMember(id, ownOrgId))];
  return ours.length > 0 && (await getItems(ctx, ours)).length > 0;
};
