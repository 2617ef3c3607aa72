import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressTable, tableTotals } from '../../functions/programmes/suppression.js';

/** Every sum relation of a table: a row with its total, a column with its total, the totals with the grand total. */
const relationsOf = (matrix: number[][], hidden: ReturnType<typeof suppressTable>) => {
  const rows = matrix.map((row, r) => [...row.map((_, c) => hidden.cells[r]?.[c] ?? false), hidden.rowTotals[r] ?? false]);
  const columns = (matrix[0] ?? []).map((_, c) => [...matrix.map((_, r) => hidden.cells[r]?.[c] ?? false), hidden.columnTotals[c] ?? false]);
  return [...rows, ...columns, [...hidden.rowTotals, hidden.grandTotal], [...hidden.columnTotals, hidden.grandTotal]];
};

describe('small-cell suppression', () => {
  it('hides a small count and the smallest other count of its row and column, and what that in turn gives away', () => {
    // Months × types of help: 3 people had psychological help in March.
    const matrix = [[12, 3, 20], [15, 9, 11]];
    const hidden = suppressTable(matrix, 5);
    expect(hidden.cells[0]?.[1]).toBe(true);
    expect(hidden.cells[1]?.[1]).toBe(true);
    expect(hidden.cells[0]?.[0]).toBe(true);
    expect(hidden.grandTotal).toBe(false);
  });

  it('leaves zeros and large counts alone when nothing is small', () => {
    const hidden = suppressTable([[0, 7], [12, 0]], 5);
    expect(hidden.cells.flat().some(Boolean)).toBe(false);
  });

  it('hides a total that is itself small, and a lone small cell whose total would repeat it', () => {
    const hidden = suppressTable([[0, 2, 0]], 5);
    expect(hidden.cells[0]?.[1]).toBe(true);
    expect(hidden.rowTotals[0]).toBe(true);
    expect(hidden.grandTotal).toBe(true);
  });

  it('property: no visible count is small, and no sum relation has exactly one hidden member', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((columns) => fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 5, max: 60 })), { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 8 })), fc.integer({ min: 2, max: 10 }), (matrix, threshold) => {
        const hidden = suppressTable(matrix, threshold);
        const { rowTotals, columnTotals, grandTotal } = tableTotals(matrix);
        const small = (value: number) => value > 0 && value < threshold;
        matrix.forEach((row, r) => row.forEach((value, c) => expect(!small(value) || hidden.cells[r]?.[c]).toBe(true)));
        rowTotals.forEach((value, r) => expect(!small(value) || hidden.rowTotals[r]).toBe(true));
        columnTotals.forEach((value, c) => expect(!small(value) || hidden.columnTotals[c]).toBe(true));
        expect(!small(grandTotal) || hidden.grandTotal).toBe(true);
        for (const relation of relationsOf(matrix, hidden)) expect(relation.filter(Boolean).length).not.toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});
