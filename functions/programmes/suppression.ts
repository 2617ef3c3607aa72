/**
 * Small-cell suppression for funder views (pure). Counts of people or families
 * from 1 to threshold − 1 are hidden ("fewer than N"), and so is whatever would
 * let them be worked out again: in every sum relation (a row with its total, a
 * column with its total, the totals with the grand total) one hidden member is
 * never left alone: another, the smallest non-zero one, is hidden with it.
 * Zeros stay visible: they reveal nobody.
 */
export interface SuppressedTable {
  cells: boolean[][];
  rowTotals: boolean[];
  columnTotals: boolean[];
  grandTotal: boolean;
}

type Ref = { kind: 'cell'; row: number; column: number } | { kind: 'row'; row: number } | { kind: 'column'; column: number } | { kind: 'grand' };

export const tableTotals = (matrix: number[][]) => {
  const columns = matrix[0]?.length ?? 0;
  const rowTotals = matrix.map((row) => row.reduce((sum, value) => sum + value, 0));
  const columnTotals = Array.from({ length: columns }, (_, column) => matrix.reduce((sum, row) => sum + (row[column] ?? 0), 0));
  return { rowTotals, columnTotals, grandTotal: rowTotals.reduce((sum, value) => sum + value, 0) };
};

/**
 * `linkedGrandTotal`: the grand total is also shown elsewhere (e.g. the same
 * people by channel): pass whether it is hidden there, and read it back from the
 * result to hide it there too.
 */
export const suppressTable = (matrix: number[][], threshold: number, linkedGrandTotal = false): SuppressedTable => {
  const { rowTotals, columnTotals, grandTotal } = tableTotals(matrix);
  const small = (value: number) => value > 0 && value < threshold;
  const hidden: SuppressedTable = {
    cells: matrix.map((row) => row.map(small)),
    rowTotals: rowTotals.map(small),
    columnTotals: columnTotals.map(small),
    grandTotal: small(grandTotal) || linkedGrandTotal,
  };
  const valueOf = (ref: Ref) => (ref.kind === 'cell' ? matrix[ref.row]?.[ref.column] ?? 0 : ref.kind === 'row' ? rowTotals[ref.row] ?? 0 : ref.kind === 'column' ? columnTotals[ref.column] ?? 0 : grandTotal);
  const isHidden = (ref: Ref) => (ref.kind === 'cell' ? hidden.cells[ref.row]?.[ref.column] ?? false : ref.kind === 'row' ? hidden.rowTotals[ref.row] ?? false : ref.kind === 'column' ? hidden.columnTotals[ref.column] ?? false : hidden.grandTotal);
  const hide = (ref: Ref) => {
    if (ref.kind === 'cell') (hidden.cells[ref.row] ??= [])[ref.column] = true;
    else if (ref.kind === 'row') hidden.rowTotals[ref.row] = true;
    else if (ref.kind === 'column') hidden.columnTotals[ref.column] = true;
    else hidden.grandTotal = true;
  };
  const relations: Ref[][] = [
    ...matrix.map((row, r) => [...row.map((_, c): Ref => ({ kind: 'cell', row: r, column: c })), { kind: 'row', row: r } as Ref]),
    ...columnTotals.map((_, c) => [...matrix.map((_, r): Ref => ({ kind: 'cell', row: r, column: c })), { kind: 'column', column: c } as Ref]),
    [...rowTotals.map((_, r): Ref => ({ kind: 'row', row: r })), { kind: 'grand' }],
    [...columnTotals.map((_, c): Ref => ({ kind: 'column', column: c })), { kind: 'grand' }],
  ];
  for (let changed = true; changed;) {
    changed = false;
    for (const relation of relations) {
      if (relation.filter(isHidden).length !== 1) continue;
      const candidates = relation.filter((ref) => !isHidden(ref) && valueOf(ref) > 0).sort((a, b) => valueOf(a) - valueOf(b));
      const partner = candidates[0];
      if (partner) {
        hide(partner);
        changed = true;
      }
    }
  }
  return hidden;
};

/**
 * A count as a funder sees it: the number; or "fewer than N" for a small count;
 * or hidden with no figure where it would give a small count away.
 */
export type Cell = { value: number } | { hidden: 'fewer_than_threshold' | 'protects_a_small_count' };
export const cellOf = (value: number, isHidden: boolean, threshold: number): Cell =>
  !isHidden ? { value } : { hidden: value < threshold ? 'fewer_than_threshold' : 'protects_a_small_count' };

/**
 * Attendance per activity as cells, by activity id: for funders a single
 * activity's few attendees are identifiable, so they are protected like any
 * count. Pass the programme's whole list of activities, so that every file
 * hides the same ones and the only sum they share is the programme's total.
 */
export const attendanceCells = (activities: { id: string; attended?: { total: number } | undefined }[], protect: boolean, threshold: number): ReadonlyMap<string, Cell> => {
  const hidden = protect ? suppressTable(activities.map((activity) => [activity.attended?.total ?? 0]), threshold) : undefined;
  return new Map(activities.map((activity, index) => [activity.id, cellOf(activity.attended?.total ?? 0, hidden?.cells[index]?.[0] ?? false, threshold)]));
};
