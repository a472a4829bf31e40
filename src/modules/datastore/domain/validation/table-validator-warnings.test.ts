/** Validation warnings (totals, period changes) and the report's limits. */
import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import { referenceLookupOf } from './reference-lookup.js';
import { createTableValidator } from './table-validator.js';
import type { WarningKind } from './validation-report.js';

function run(rows: (readonly string[])[], options: { schema: TableSchema; header: readonly string[] }) {
  const validator = createTableValidator(options.schema, referenceLookupOf(new Map()));
  validator.checkHeader(options.header);
  const outputs = rows.map((cells, i) => validator.checkRow({ rowNumber: i + 2, cells }));
  return { outputs, report: validator.finish() };
}

function only(report: ReturnType<typeof run>['report'], kind: WarningKind) {
  const group = report.warnings.find((g) => g.kind === kind);
  if (!group) throw new Error(`no ${kind} in ${JSON.stringify(report)}`);
  return group;
}

describe('createTableValidator: warnings', () => {
  const schema: TableSchema = {
    fields: [
      { name: 'kode', type: 'string' },
      { name: 'tahun', type: 'year' },
      { name: 'laki', type: 'integer' },
      { name: 'perempuan', type: 'integer' },
      { name: 'total', type: 'integer', 'x-sum-of': ['laki', 'perempuan'] },
    ],
    'x-period-field': 'tahun',
    'x-series-fields': ['kode'],
  };
  const header = schema.fields.map((f) => f.name);

  it('sum-mismatch: a total that is not the sum of its parts, without blocking the row', () => {
    const { outputs, report } = run([['A', '2024', '10', '12', '23']], { schema, header });
    expect(outputs[0]).toBeDefined();
    expect(report.valid).toBe(true);
    expect(report.warning_count).toBe(1);
    expect(only(report, 'sum-mismatch').examples[0]).toMatchObject({
      row: 2,
      column: 'total',
      value: '23',
      message: "Baris 2, kolom 'total': '23' tidak sama dengan 'laki' + 'perempuan' = 22",
      message_en: "Row 2, column 'total': '23' does not equal 'laki' + 'perempuan' = 22",
    });
  });

  it('period-change: more than 50% from the previous period of the same series, in any row order', () => {
    const rows = [
      ['A', '2024', '30', '30', '60'],
      ['B', '2023', '10', '10', '20'],
      ['A', '2023', '10', '10', '20'],
      ['B', '2024', '12', '12', '24'],
    ];
    const { report } = run(rows, { schema, header });
    expect(report.valid).toBe(true);
    const group = only(report, 'period-change');
    expect(group.count).toBe(3);
    expect(group.examples.map((e) => [e.row, e.column])).toEqual([
      [2, 'laki'],
      [2, 'perempuan'],
      [2, 'total'],
    ]);
    expect(group.examples[0]?.message).toBe(
      "Baris 2, kolom 'laki': '30' berubah +200,0% dari periode sebelumnya 2023 (10, baris 4)",
    );
    expect(group.examples[0]?.message_en).toBe(
      "Row 2, column 'laki': '30' changed +200.0% from the previous period 2023 (10, row 4)",
    );
  });

  it('period-change threshold comes from x-change-warning-percent', () => {
    const rows = [
      ['B', '2023', '10', '10', '20'],
      ['B', '2024', '12', '12', '24'],
    ];
    const { report } = run(rows, { schema: { ...schema, 'x-change-warning-percent': 10 }, header });
    expect(only(report, 'period-change').count).toBe(3);
  });
});

describe('createTableValidator: integer periods', () => {
  it('orders an integer period numerically (month 9 before month 10)', () => {
    const schema: TableSchema = {
      fields: [
        { name: 'bulan', type: 'integer' },
        { name: 'nilai', type: 'integer' },
      ],
      'x-period-field': 'bulan',
    };
    const { report } = run(
      [
        ['10', '11'],
        ['9', '10'],
        ['11', '30'],
      ],
      { schema, header: ['bulan', 'nilai'] },
    );
    const group = only(report, 'period-change');
    expect(group.count).toBe(1);
    expect(group.examples[0]).toMatchObject({ row: 4, column: 'nilai', value: '30' });
  });
});

describe('the report', () => {
  it('keeps the first N examples per kind and counts all', () => {
    const schema: TableSchema = { fields: [{ name: 'n', type: 'integer' }] };
    const validator = createTableValidator(schema, referenceLookupOf(new Map()), { maxExamplesPerKind: 3 });
    validator.checkHeader(['n']);
    for (let i = 0; i < 50; i++) validator.checkRow({ rowNumber: i + 2, cells: [`x${i}`] });
    const report = validator.finish();
    expect(report.error_count).toBe(50);
    const group = report.errors.find((g) => g.kind === 'type-error');
    expect(group?.count).toBe(50);
    expect(group?.examples.map((e) => e.row)).toEqual([2, 3, 4]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
