/**
 * TEMPORARY stand-in for A1's src/domain/validation/table-validator.ts (same API, see the
 * issue #4 contract), replaced by a re-export once that file is committed.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { type NumberStyle, readIndonesianNumber } from '../domain/table-reading/indonesian-number.js';
import type { TableRow } from '../domain/table-reading/table-reading.js';
import type { FieldType, TableSchema } from '../domain/table-schema/table-schema.js';
import type { ValidationReport } from '../domain/validation/validation-report.js';

export interface ReferenceLookup {
  has(reference: string, code: string): boolean;
}
export interface TableValidator {
  checkHeader(columns: readonly string[]): void;
  checkRow(row: TableRow): (string | null)[] | undefined;
  readonly hasErrors: boolean;
  finish(): ValidationReport;
}

export async function loadReferenceLookup(_db: Kysely<DB>, _schema: TableSchema): Promise<ReferenceLookup> {
  return { has: () => true };
}

function typeOf(values: string[], style: NumberStyle): FieldType {
  const filled = values.filter((v) => v !== '');
  if (filled.length === 0) return 'string';
  if (filled.every((v) => /^-?\d{1,15}$/.test(v))) return 'integer';
  if (filled.every((v) => readIndonesianNumber(v, style) !== null)) return 'number';
  return 'string';
}

export function inferTableSchema(
  columns: readonly string[],
  sample: readonly TableRow[],
  options: { numberStyle?: NumberStyle } = {},
): TableSchema {
  return {
    fields: columns.map((c, i) => ({
      name:
        c
          .toLowerCase()
          .replace(/[^\w]+/g, '_')
          .replace(/^_|_$/g, '') || `kolom_${i + 1}`,
      title: c,
      type: typeOf(
        sample.map((r) => r.cells[i] ?? ''),
        options.numberStyle ?? 'id',
      ),
    })),
  };
}

export function createTableValidator(
  schema: TableSchema,
  _lookup: ReferenceLookup,
  options: { numberStyle?: NumberStyle } = {},
): TableValidator {
  let errors = 0;
  let rows = 0;
  const examples: ValidationReport['errors'] = [];
  const fail = (row: number | null, column: string | null, value: string | null) => {
    errors++;
    let group = examples[0];
    if (!group) {
      group = {
        kind: 'type-error',
        title: 'Tipe data salah',
        title_en: 'Wrong type',
        count: 0,
        examples: [],
      };
      examples.push(group);
    }
    group.count++;
    if (group.examples.length < 5)
      group.examples.push({ row, column, value, message: 'Nilai tidak valid', message_en: 'Invalid value' });
  };
  return {
    checkHeader(columns) {
      if (columns.length !== schema.fields.length) fail(null, null, null);
    },
    checkRow(row) {
      rows++;
      const out: (string | null)[] = [];
      let ok = true;
      schema.fields.forEach((f, i) => {
        const cell = row.cells[i] ?? '';
        if (cell === '') {
          out.push(null);
          return;
        }
        if (f.type === 'integer' || f.type === 'number') {
          const n = readIndonesianNumber(cell, options.numberStyle ?? 'id');
          if (!n || (f.type === 'integer' && !Number.isInteger(n.value))) {
            ok = false;
            fail(row.rowNumber, f.name, cell);
          } else out.push(n.text);
          return;
        }
        out.push(cell);
      });
      return ok ? out : undefined;
    },
    get hasErrors() {
      return errors > 0;
    },
    finish() {
      return {
        valid: errors === 0,
        row_count: rows,
        error_count: errors,
        warning_count: 0,
        errors: examples,
        warnings: [],
      };
    },
  };
}
