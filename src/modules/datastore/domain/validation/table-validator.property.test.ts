/**
 * Properties of validation over random schemas and rows (fast-check): a row built from valid
 * values passes and its canonical text reads back to the same values; a value outside its
 * bounds is always caught; no cell text makes the validator throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldType, TableField, TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import {
  type DateWriting,
  formatDate,
  formatNumber,
  type NumberWriting,
} from '../table-reading/fixture-formats.js';
import { parseIndonesianDate } from '../table-reading/indonesian-date.js';
import { readIndonesianNumber } from '../table-reading/indonesian-number.js';
import { readBoolean, readDate } from './field-values.js';
import { referenceLookupOf } from './reference-lookup.js';
import { createTableValidator, readNumberFast } from './table-validator.js';

const lookup = referenceLookupOf(new Map());

/** A field type with a generator of (written cell, expected canonical text) pairs. */
interface Kind {
  type: FieldType;
  cell: fc.Arbitrary<{ cell: string; canonical: string }>;
}

const isoDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function numberCell(values: fc.Arbitrary<number>, writings: NumberWriting[]) {
  return fc.tuple(values, fc.constantFrom(...writings)).map(([value, writing]) => ({
    cell: formatNumber(value, writing),
    canonical: String(value),
  }));
}

const KINDS: Kind[] = [
  {
    type: 'string',
    cell: fc
      .string({ maxLength: 20 })
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) => ({ cell: s, canonical: s })),
  },
  // One style per column, as a real file has: Indonesian here (the column's writing is fixed below).
  { type: 'integer', cell: numberCell(fc.integer({ min: -1e9, max: 1e9 }), ['id', 'id-plain']) },
  {
    type: 'number',
    cell: numberCell(
      fc.integer({ min: -1e8, max: 1e8 }).map((n) => n / 100),
      ['id', 'id-plain'],
    ),
  },
  {
    type: 'boolean',
    cell: fc.constantFrom('ya', 'Tidak', 'TRUE', 'false').map((cell) => ({
      cell,
      canonical: readBoolean(cell) ?? '',
    })),
  },
  {
    type: 'date',
    cell: fc
      .tuple(isoDate, fc.constantFrom<DateWriting>('slash', 'dash', 'iso', 'long-id', 'short-id', 'long-en'))
      .map(([iso, writing]) => ({ cell: formatDate(iso, writing), canonical: iso })),
  },
  {
    type: 'year',
    cell: fc.integer({ min: 1900, max: 2100 }).map((y) => ({ cell: String(y), canonical: String(y) })),
  },
  {
    type: 'yearmonth',
    // `Des-24` has a two-digit year, read as Excel does: 30–99 are 1930–1999, 00–29 are 2000–2029.
    cell: isoDate
      .filter((iso) => iso >= '1930' && iso < '2030')
      .map((iso) => ({ cell: formatDate(iso, 'month-id'), canonical: iso.slice(0, 7) })),
  },
];

const schemaAndRows = fc
  .array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 6 })
  .chain((kinds) =>
    fc.tuple(
      fc.constant(kinds),
      fc.array(fc.tuple(...kinds.map((k) => k.cell)), { minLength: 1, maxLength: 15 }),
    ),
  );

function schemaOf(kinds: readonly Kind[]): TableSchema {
  return { fields: kinds.map((k, i): TableField => ({ name: `f${i}`, type: k.type })) };
}

/** The canonical text read back as a value of its type (numbers with '.', dates ISO). */
function readBack(type: FieldType, text: string): unknown {
  switch (type) {
    case 'integer':
    case 'number':
    case 'year':
      return Number(text);
    case 'date':
      return readDate(text);
    default:
      return text;
  }
}

describe('table validator properties', () => {
  it('a row of valid values passes, and its canonical text reads back to the same values', () => {
    fc.assert(
      fc.property(schemaAndRows, ([kinds, rows]) => {
        const schema = schemaOf(kinds);
        const validator = createTableValidator(schema, lookup, { numberStyle: 'id' });
        validator.checkHeader(schema.fields.map((f) => f.name));
        rows.forEach((row, r) => {
          const out = validator.checkRow({ rowNumber: r + 2, cells: row.map((c) => c.cell) });
          expect(out).toBeDefined();
          row.forEach((c, i) => {
            const type = kinds[i]?.type ?? 'string';
            expect(readBack(type, out?.[i] ?? '')).toEqual(readBack(type, c.canonical));
          });
        });
        const report = validator.finish();
        expect(report.valid).toBe(true);
        expect(report.row_count).toBe(rows.length);
      }),
      { numRuns: 200 },
    );
  });

  it('canonical text validates again to itself (the loader may re-check stored text)', () => {
    fc.assert(
      fc.property(schemaAndRows, ([kinds, rows]) => {
        const schema = schemaOf(kinds);
        const first = createTableValidator(schema, lookup, { numberStyle: 'id' });
        const again = createTableValidator(schema, lookup, { numberStyle: 'en' });
        rows.forEach((row, r) => {
          const out = first.checkRow({ rowNumber: r + 2, cells: row.map((c) => c.cell) }) ?? [];
          const cells = out.map((v) => v ?? '');
          expect(again.checkRow({ rowNumber: r + 2, cells })).toEqual(out);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('a number outside [minimum, maximum] is always caught, one inside always passes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: -3e6, max: 3e6 }),
        fc.constantFrom<NumberWriting>('id', 'id-plain', 'en', 'en-plain'),
        (minimum, width, value, writing) => {
          const maximum = minimum + width;
          const schema: TableSchema = {
            fields: [{ name: 'n', type: 'integer', constraints: { minimum, maximum } }],
          };
          const validator = createTableValidator(schema, lookup, {
            numberStyle: writing.startsWith('id') ? 'id' : 'en',
          });
          const out = validator.checkRow({ rowNumber: 2, cells: [formatNumber(value, writing)] });
          const inside = value >= minimum && value <= maximum;
          expect(out === undefined).toBe(!inside);
          const report = validator.finish();
          if (!inside) expect(report.errors.map((g) => g.kind)).toEqual(['range-error']);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a date outside its bounds is always caught', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (a, b, value) => {
        const [minimum, maximum] = a <= b ? [a, b] : [b, a];
        const schema: TableSchema = {
          fields: [{ name: 'd', type: 'date', constraints: { minimum, maximum } }],
        };
        const validator = createTableValidator(schema, lookup);
        const out = validator.checkRow({ rowNumber: 2, cells: [formatDate(value, 'slash')] });
        expect(out === undefined).toBe(value < minimum || value > maximum);
      }),
      { numRuns: 300 },
    );
  });

  it('an arbitrary cell never throws: it passes with canonical text or yields an error', () => {
    const schema: TableSchema = {
      fields: KINDS.map((k, i) => ({
        name: `f${i}`,
        type: k.type,
        constraints: { required: i % 2 === 0, unique: i === 0, pattern: i === 0 ? '[^x]*' : undefined },
      })),
      primaryKey: ['f1', 'f5'],
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 })), {
            minLength: 0,
            maxLength: KINDS.length + 2,
          }),
        ),
        (rows) => {
          const validator = createTableValidator(schema, lookup);
          validator.checkHeader(schema.fields.map((f) => f.name));
          let errors = 0;
          rows.forEach((cells, r) => {
            const before = validator.finish().error_count;
            const out = validator.checkRow({ rowNumber: r + 2, cells: cells.map((c) => c.trim()) });
            const after = validator.finish().error_count;
            if (out === undefined) expect(after).toBeGreaterThan(before);
            else expect(out).toHaveLength(KINDS.length);
            errors = after;
          });
          expect(validator.hasErrors).toBe(errors > 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fast paths agree with the full parsers', () => {
  const numberText = fc.oneof(
    fc
      .tuple(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.constantFrom<NumberWriting>('id', 'id-plain', 'en', 'en-plain'),
      )
      .map(([value, writing]) => formatNumber(value, writing)),
    fc.stringMatching(/^-?[0-9.,]{1,20}$/),
    fc.integer().map(String),
  );

  it('readNumberFast gives what readIndonesianNumber gives, in both styles', () => {
    fc.assert(
      fc.property(numberText, fc.constantFrom<'id' | 'en'>('id', 'en'), (text, style) => {
        expect(readNumberFast(text, style)).toEqual(readIndonesianNumber(text, style));
      }),
      { numRuns: 3000 },
    );
  });

  it('readDate gives what parseIndonesianDate gives for a full date', () => {
    const dateText = fc.oneof(
      fc
        .tuple(isoDate, fc.constantFrom<DateWriting>('slash', 'dash', 'iso'))
        .map(([iso, w]) => formatDate(iso, w)),
      fc.stringMatching(/^\d{1,4}[-/]\d{1,2}[-/]\d{1,4}$/),
    );
    fc.assert(
      fc.property(dateText, (text) => {
        const full = parseIndonesianDate(text);
        expect(readDate(text)).toBe(full !== null && full.length === 10 ? full : undefined);
      }),
      { numRuns: 3000 },
    );
  });
});
