/**
 * The line reader (fast-lines.ts) against the path it stands in front of — the splitter cutting
 * the line into cells and fast-rows.ts's row reading them: for any line of common and awkward
 * cells, it either says no with nothing recorded, or takes the row exactly as `row` takes it
 * (the same COPY bytes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import { CsvSplitter } from '../table-reading/csv-splitter.js';
import { CopyBuffer } from './copy-buffer.js';
import { referenceLookupOf } from './reference-lookup.js';
import { createTableValidator } from './table-validator.js';

const SCHEMA: TableSchema = {
  fields: [
    { name: 'kode', type: 'string', constraints: { required: true } },
    { name: 'nama', type: 'string', constraints: { maxLength: 12 } },
    { name: 'tahun', type: 'year', constraints: { minimum: 2000 } },
    { name: 'jumlah', type: 'integer', constraints: { minimum: 0 } },
    { name: 'nilai', type: 'number' },
    { name: 'tanggal', type: 'date' },
    { name: 'aktif', type: 'boolean' },
  ],
  primaryKey: ['kode', 'tahun'],
  foreignKeys: [{ fields: 'kode', reference: { resource: 'region:village', fields: 'code' } }],
};
const COLUMNS = SCHEMA.fields.map((f) => f.name);
const SPAN = { firstColumn: 0, width: COLUMNS.length };
const VILLAGES = ['35.20.01.2001', '35.20.01.2002', '11.01.01.2001'];

/** Per column: cells the line reader reads, then cells it may leave (or that are wrong). */
const CELLS: [readonly string[], readonly string[]][] = [
  [
    ['35.20.01.2001', '35.20.01.2002'],
    ['3520012001', '99.99.99.9999', '', ' 35.20.01.2001', '"35.20.01.2001"'],
  ],
  [
    ['Desa', 'Désa Ñ 😀', '', '"a, ""b"""'],
    [' Desa', 'Desa ', '"a', 'a"b', '"x" y', '"lebih dari dua belas"', '""'],
  ],
  [
    ['2024', '2030'],
    ['1999', '0202', '20x4', '', '"2024"'],
  ],
  [
    ['0', '7', '-5', ''],
    ['007', '-0', '1.5', '12345678901234567'],
  ],
  [
    ['21.79', '0.5', '-0.50', '7', ''],
    ['0.00', '1.', '.5', '1e5', '"1,5"'],
  ],
  [
    ['2024-01-31', ''],
    ['2020-02-30', '5/3/2021', ' 2024-01-31'],
  ],
  [
    ['ya', 'Tidak', ''],
    ['true', 'mungkin'],
  ],
];

const line = fc
  .tuple(
    ...CELLS.map(([read, left]) =>
      fc.oneof(
        { arbitrary: fc.constantFrom(...read), weight: 6 },
        { arbitrary: fc.constantFrom(...left), weight: 1 },
      ),
    ),
    fc.constantFrom('', '', '', ',x', ','),
  )
  .map(([...cells]) => {
    const extra = cells.pop() as string;
    return cells.join(',') + extra;
  });

/** A validator's fast path over a fresh validator, numbers in the `en` style. */
function fastRows() {
  const lookup = referenceLookupOf(new Map([['region:village', new Set(VILLAGES)]]));
  const validator = createTableValidator(SCHEMA, lookup, { numberStyle: 'en' });
  validator.checkHeader(COLUMNS);
  const fast = validator.fastRows();
  if (!fast) throw new Error('no fast path for the schema');
  return { validator, fast };
}

/** The line through the line reader: the COPY text, or undefined when it said no. */
function byLine(text: string): { copy: string | undefined; rows: number } {
  const { validator, fast } = fastRows();
  const reader = fast.lines(',', SPAN);
  if (!reader) throw new Error('no line reader for the schema');
  const out = new CopyBuffer(16);
  const ok = reader(text, 0, text.length, 2, out);
  return { copy: ok ? out.ascii(0) : undefined, rows: validator.finish().row_count };
}

/** The line split by the splitter and read by `row`: the COPY text, or undefined. */
function byRow(text: string): string | undefined {
  const { fast } = fastRows();
  const splitter = new CsvSplitter({ delimiter: ',', newline: '\n', span: SPAN, nextRowNumber: 2 });
  const out = new CopyBuffer(16);
  let copy: string | undefined;
  splitter.split(`${text}\n`, true, (count, rowNumber, plain) => {
    if (fast.row(splitter, count, rowNumber, plain, out)) copy = out.buf.toString('utf8', 0, out.pos);
  });
  return splitter.bailed ? undefined : copy;
}

describe('line reader', () => {
  it('takes a row only as the splitter and row take it, and records nothing when it says no', () => {
    let taken = 0;
    fc.assert(
      fc.property(line, (text) => {
        const fast = byLine(text);
        if (fast.copy === undefined) {
          expect(fast.rows).toBe(0);
          return;
        }
        taken++;
        expect(fast.rows).toBe(1);
        const copy = Buffer.from(fast.copy, 'latin1').toString('utf8');
        expect(copy).toBe(byRow(text));
      }),
      { numRuns: 5_000 },
    );
    // A good share of the lines is read by the line reader, so the comparison is not an empty one.
    expect(taken).toBeGreaterThan(400);
  });

  it('reads the common lines itself', () => {
    const read = (text: string) => byLine(text).copy;
    expect(read('35.20.01.2001,Desa,2024,7,21.79,2024-01-31,ya')).toBe(
      '\t35.20.01.2001\tDesa\t2024\t7\t21.79\t2024-01-31\ttrue',
    );
    expect(read('35.20.01.2002,"a, ""b""",2024,0,-0.5,,')).toBe(
      '\t35.20.01.2002\ta, "b"\t2024\t0\t-0.5\t\\N\t\\N',
    );
    // Left to the splitter and row: a number to rewrite, a cell to trim, a quote inside a cell,
    // a quoted cell going on to the next line, a cell too many.
    for (const text of [
      '35.20.01.2001,Desa,2024,007,1,,',
      '35.20.01.2001, Desa,2024,7,1,,',
      '35.20.01.2001,a"b,2024,7,1,,',
      '35.20.01.2001,"a,2024,7,1,,',
      '35.20.01.2001,Desa,2024,7,1,,,x',
    ])
      expect(read(text)).toBeUndefined();
  });
});
