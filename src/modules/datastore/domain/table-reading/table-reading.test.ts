import { describe, expect, it } from 'vitest';
import { rowsOf, toTableRow } from './table-reading.js';

describe(toTableRow.name, () => {
  const span = { firstColumn: 1, width: 3 };

  it('trims cells and drops those left of the table', () => {
    expect(toTableRow(['', ' a ', 'b', 'c'], 7, span)).toEqual({ rowNumber: 7, cells: ['a', 'b', 'c'] });
  });

  it('pads a short row and drops empty cells after the last column', () => {
    expect(toTableRow(['', 'a'], 2, span)?.cells).toEqual(['a', '', '']);
    expect(toTableRow(['', 'a', 'b', 'c', '', ' '], 2, span)?.cells).toEqual(['a', 'b', 'c']);
  });

  it('keeps filled cells after the last column, so a validator can refuse the row', () => {
    expect(toTableRow(['', 'a', 'b', 'c', '', 'd'], 2, span)?.cells).toEqual(['a', 'b', 'c', '', 'd']);
  });

  it('skips a blank row, but not one whose only text is left of the table', () => {
    expect(toTableRow(['', ' ', '', ''], 2, span)).toBeUndefined();
    expect(toTableRow(['Sumber: BPS', '', '', ''], 2, span)).toEqual({ rowNumber: 2, cells: ['', '', ''] });
  });
});

describe(rowsOf.name, () => {
  async function* batches() {
    yield [1, 2];
    yield [];
    yield [3];
  }

  it('gives the items of every batch in order', async () => {
    const items: number[] = [];
    for await (const item of rowsOf(batches())) items.push(item);
    expect(items).toEqual([1, 2, 3]);
  });

  it('stops the batches when the caller stops early', async () => {
    let isFinished = false;
    async function* tracked() {
      try {
        yield* batches();
      } finally {
        isFinished = true;
      }
    }
    for await (const item of rowsOf(tracked())) if (item === 1) break;
    expect(isFinished).toBe(true);
  });
});
