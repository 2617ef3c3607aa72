/**
 * What differs between a change made offline and the record on the server now (after a 412), field by
 * field, for the person to choose between. Only the fields the change sets are compared: what it leaves
 * alone stays as the server has it either way. Lists of records are matched by `obligationId` or `id`,
 * not by position.
 */
export interface ConflictRow {
  /** E.g. ['entries', 'c2', 'narrative'] or ['attended', 'total']. */
  path: string[];
  mine: unknown;
  theirs: unknown;
}

type Leaves = Map<string, { path: string[]; value: unknown }>;

const keyOf = (element: unknown, index: number): string => {
  if (typeof element === 'object' && element !== null) {
    const record = element as Record<string, unknown>;
    for (const key of ['obligationId', 'indicatorId', 'id']) if (typeof record[key] === 'string') return record[key];
  }
  return String(index);
};

const isRecordList = (value: unknown[]) => value.length > 0 && value.every((element) => typeof element === 'object' && element !== null && !Array.isArray(element));

const collect = (value: unknown, path: string[], leaves: Leaves) => {
  if (Array.isArray(value) && isRecordList(value)) {
    value.forEach((element, index) => collect(element, [...path, keyOf(element, index)], leaves));
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) if (!['obligationId', 'indicatorId', 'id'].includes(key)) collect(child, [...path, key], leaves);
  } else {
    leaves.set(path.join('\u0000'), { path, value });
  }
};

const leavesOf = (value: unknown): Leaves => {
  const leaves: Leaves = new Map();
  collect(value, [], leaves);
  return leaves;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const conflictRows = (change: unknown, server: unknown): ConflictRow[] => {
  const theirs = leavesOf(server);
  return [...leavesOf(change).entries()].flatMap(([key, { path, value }]) => {
    const other = theirs.get(key)?.value;
    return same(value, other) ? [] : [{ path, mine: value, theirs: other }];
  });
};
