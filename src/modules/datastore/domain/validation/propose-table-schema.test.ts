import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import type { TableRow } from '../table-reading/table-reading.js';
import { NumericShareCounter } from './propose-table-schema.js';

const COLUMNS = ['jumlah', 'kode_desa'];
const TEXT: TableSchema = {
  fields: [
    { name: 'jumlah', type: 'string' },
    { name: 'kode_desa', type: 'string' },
  ],
};

/** `n` rows whose first `odd` have a word where a number belongs. */
function rows(n: number, odd: number): TableRow[] {
  return Array.from({ length: n }, (_, i) => ({
    rowNumber: i + 2,
    cells: [i < odd ? 'tidak ada data' : String(100 + i), String(3520010 + i)],
  }));
}

function propose(n: number, odd: number) {
  const sample = rows(n, odd);
  const counter = new NumericShareCounter(COLUMNS, sample, undefined);
  for (const row of sample) counter.see(row);
  return counter.propose(TEXT);
}

describe(NumericShareCounter.name, () => {
  it('proposes a number for a column numeric in 95% of rows, reporting the other rows', () => {
    const { schema, exceptions } = propose(20, 1);
    expect(schema.fields[0]?.type).toBe('integer');
    expect(exceptions).toEqual([
      {
        field: 'jumlah',
        column: 'jumlah',
        type: 'integer',
        count: 1,
        filled: 20,
        examples: [{ row: 2, value: 'tidak ada data' }],
      },
    ]);
  });

  it('keeps text below 95%', () => {
    expect(propose(20, 2).schema.fields[0]?.type).toBe('string');
  });

  it('keeps a column named as a code as text', () => {
    expect(propose(20, 0).schema.fields[1]?.type).toBe('string');
  });
});
