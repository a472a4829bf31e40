import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import type { TableRow } from '../table-reading/table-reading.js';
import { referenceLookupOf } from './reference-lookup.js';
import { createTableValidator, headerKey } from './table-validator.js';
import type { ErrorKind, ValidationReport, WarningKind } from './validation-report.js';

const lookup = referenceLookupOf(
  new Map([
    ['region:district', new Set(['35.20.01', '35.20.02'])],
    ['codelist:jenjang', new Set(['SD', 'SMP'])],
  ]),
);

const SCHEMA: TableSchema = {
  fields: [
    { name: 'kode_kec', type: 'string', title: 'Kode Kecamatan', constraints: { required: true } },
    { name: 'tahun', type: 'year', constraints: { minimum: 2000, maximum: 2030 } },
    { name: 'jumlah_penduduk', type: 'integer', constraints: { minimum: 0 } },
    { name: 'persentase', type: 'number', constraints: { maximum: 100 } },
    { name: 'tanggal', type: 'date' },
    { name: 'aktif', type: 'boolean' },
    { name: 'jenjang', type: 'string', constraints: { enum: ['SD', 'SMP', 'SMA'] } },
    { name: 'catatan', type: 'string', constraints: { maxLength: 10, pattern: '[a-z ]*' } },
    { name: 'nomor', type: 'integer', constraints: { unique: true } },
  ],
  primaryKey: ['kode_kec', 'tahun'],
  foreignKeys: [{ fields: 'kode_kec', reference: { resource: 'region:district', fields: 'code' } }],
};
const HEADER = SCHEMA.fields.map((f) => f.name);
const GOOD = ['35.20.01', '2024', '32.451', '12,5', '31/12/2024', 'ya', 'SD', 'baik', '1'];

function run(
  rows: (readonly string[])[],
  options: {
    schema?: TableSchema;
    header?: readonly string[];
    firstRow?: number;
    rowNumbers?: number[];
  } = {},
) {
  const validator = createTableValidator(options.schema ?? SCHEMA, lookup);
  validator.checkHeader(options.header ?? HEADER);
  const first = options.firstRow ?? 2;
  const outputs = rows.map((cells, i) =>
    validator.checkRow({ rowNumber: options.rowNumbers?.[i] ?? first + i, cells } satisfies TableRow),
  );
  return { outputs, report: validator.finish(), validator };
}

function only(report: ValidationReport, kind: ErrorKind | WarningKind) {
  const group = [...report.errors, ...report.warnings].find((g) => g.kind === kind);
  if (!group) throw new Error(`no ${kind} in ${JSON.stringify(report)}`);
  return group;
}

function withCell(index: number, value: string): string[] {
  const row = [...GOOD];
  row[index] = value;
  return row;
}

describe('createTableValidator: a valid row', () => {
  it('comes back as canonical text in schema order', () => {
    const { outputs, report } = run([GOOD]);
    expect(outputs[0]).toEqual([
      '35.20.01',
      '2024',
      '32451',
      '12.5',
      '2024-12-31',
      'true',
      'SD',
      'baik',
      '1',
    ]);
    expect(report).toMatchObject({ valid: true, row_count: 1, error_count: 0, warning_count: 0 });
  });

  it('reads the dotless BPS form of a region code and stores it dotted', () => {
    const { outputs, report } = run([withCell(0, '352002')]);
    expect(outputs[0]?.[0]).toBe('35.20.02');
    expect(report.valid).toBe(true);
  });

  it('maps columns by title, case and spaces ignored, and in any order', () => {
    const header = ['KODE  KECAMATAN', ...HEADER.slice(1)].reverse();
    const { outputs, report } = run([[...GOOD].reverse()], { header });
    expect(report.valid).toBe(true);
    expect(outputs[0]?.[0]).toBe('35.20.01');
    expect(headerKey('Jumlah Penduduk')).toBe(headerKey('jumlah_penduduk'));
  });

  it('keeps every decimal digit of a number as written', () => {
    const { outputs } = run([withCell(3, '0,12345678901234567890')]);
    expect(outputs[0]?.[3]).toBe('0.12345678901234567890');
  });
});

describe('createTableValidator: each error kind names row, column and value in both languages', () => {
  const cases: {
    kind: ErrorKind;
    cells: string[];
    column: string;
    value: string | null;
    id: string;
    en: string;
  }[] = [
    {
      kind: 'type-error',
      cells: withCell(2, '12,5a'),
      column: 'jumlah_penduduk',
      value: '12,5a',
      id: "Baris 2, kolom 'jumlah_penduduk': '12,5a' bukan bilangan bulat",
      en: "Row 2, column 'jumlah_penduduk': '12,5a' is not a whole number",
    },
    {
      kind: 'type-error',
      cells: withCell(4, '31/02/2024'),
      column: 'tanggal',
      value: '31/02/2024',
      id: "'31/02/2024' bukan tanggal",
      en: "'31/02/2024' is not a date",
    },
    {
      kind: 'required-error',
      cells: withCell(0, ''),
      column: 'kode_kec',
      value: null,
      id: "Baris 2, kolom 'kode_kec': nilai wajib diisi",
      en: "Row 2, column 'kode_kec': a value is required",
    },
    {
      kind: 'range-error',
      cells: withCell(3, '100,5'),
      column: 'persentase',
      value: '100.5',
      id: 'lebih besar dari batas atas 100',
      en: 'is above the maximum 100',
    },
    {
      kind: 'range-error',
      cells: withCell(2, '-1'),
      column: 'jumlah_penduduk',
      value: '-1',
      id: 'lebih kecil dari batas bawah 0',
      en: 'is below the minimum 0',
    },
    {
      kind: 'length-error',
      cells: withCell(7, 'sangat panjang sekali'),
      column: 'catatan',
      value: 'sangat panjang sekali',
      id: 'lebih panjang dari 10 karakter',
      en: 'is longer than 10 characters',
    },
    {
      kind: 'pattern-error',
      cells: withCell(7, 'Baik!'),
      column: 'catatan',
      value: 'Baik!',
      id: 'tidak sesuai pola',
      en: 'does not match the pattern',
    },
    {
      kind: 'enum-error',
      cells: withCell(6, 'S1'),
      column: 'jenjang',
      value: 'S1',
      id: "'S1' bukan salah satu dari: SD, SMP, SMA",
      en: "'S1' is not one of: SD, SMP, SMA",
    },
    {
      kind: 'foreign-key-error',
      cells: withCell(0, '35.20.99'),
      column: 'kode_kec',
      value: '35.20.99',
      id: "'35.20.99' bukan kode kecamatan yang dikenal",
      en: "'35.20.99' is not a known district code",
    },
  ];

  it.each(cases)('$kind: $value', ({ kind, cells, column, value, id, en }) => {
    const { outputs, report, validator } = run([GOOD.map((c, i) => (i === 8 ? '7' : c)), cells], {
      schema: { ...SCHEMA, primaryKey: undefined },
    });
    expect(outputs[0]).toBeDefined();
    expect(outputs[1]).toBeUndefined();
    expect(validator.hasErrors).toBe(true);
    expect(report.valid).toBe(false);
    expect(report.error_count).toBe(1);
    const group = only(report, kind);
    expect(group.count).toBe(1);
    expect(group.examples[0]).toMatchObject({ row: 3, column, value });
    expect(group.examples[0]?.message).toContain(id.replace('Baris 2', 'Baris 3'));
    expect(group.examples[0]?.message_en).toContain(en.replace('Row 2', 'Row 3'));
  });

  it('unique-error: the second row with the same value, naming the first', () => {
    const { outputs, report } = run([GOOD, withCell(1, '2025')]);
    expect(outputs[1]).toBeUndefined();
    expect(only(report, 'unique-error').examples[0]).toMatchObject({
      row: 3,
      column: 'nomor',
      value: '1',
      message: "Baris 3, kolom 'nomor': '1' sudah ada di baris 2; nilai kolom ini harus unik",
      message_en: "Row 3, column 'nomor': '1' already appears in row 2; values in this column must be unique",
    });
  });

  it('primary-key-error: a repeated key over two columns', () => {
    const { report } = run([GOOD, withCell(8, '2')]);
    expect(only(report, 'primary-key-error').examples[0]).toMatchObject({
      row: 3,
      column: 'kode_kec, tahun',
      value: '35.20.01, 2024',
      message: "Baris 3, kunci 'kode_kec', 'tahun': '35.20.01, 2024' sudah ada di baris 2",
      message_en: "Row 3, key 'kode_kec', 'tahun': '35.20.01, 2024' already appears in row 2",
    });
  });

  it('missing-column and extra-column from the header', () => {
    const header = [...HEADER.slice(0, 8), 'keterangan'];
    const { report } = run([GOOD], { header });
    expect(only(report, 'missing-column').examples[0]).toMatchObject({
      row: null,
      column: 'nomor',
      message: "Kolom 'nomor' tidak ada di berkas",
      message_en: "Column 'nomor' is missing from the file",
    });
    expect(only(report, 'extra-column').examples[0]).toMatchObject({
      column: 'keterangan',
      message: "Kolom ke-9 'keterangan' tidak ada di skema tabel",
      message_en: "Column 9 'keterangan' is not in the table schema",
    });
  });

  it('blank-row: a gap in the row numbers is a blank row inside the table', () => {
    const { report } = run([GOOD, withCell(8, '2'), withCell(8, '3')], {
      rowNumbers: [2, 5, 6],
      schema: { ...SCHEMA, primaryKey: undefined },
    });
    const group = only(report, 'blank-row');
    expect(group.count).toBe(2);
    expect(group.examples[0]).toMatchObject({
      row: 3,
      message: 'Baris 3–4 kosong di tengah tabel; hapus baris kosong',
      message_en: 'Rows 3–4 blank inside the table; remove blank rows',
    });
  });

  it('extra-cell: a filled cell right of the last column', () => {
    const { outputs, report } = run([[...GOOD, 'lebih']]);
    expect(outputs[0]).toBeUndefined();
    expect(only(report, 'extra-cell').examples[0]).toMatchObject({
      row: 2,
      value: 'lebih',
      message: "Baris 2: sel ke-10 'lebih' berada di luar kolom tabel",
      message_en: "Row 2: cell 10 'lebih' lies outside the table's columns",
    });
  });

  it('a number column that mixes styles is an error rather than a wrong number', () => {
    const schema: TableSchema = { fields: [{ name: 'nilai', type: 'number' }] };
    const { outputs, report } = run([['1.234'], ['1.5']], { schema, header: ['nilai'] });
    expect(outputs[0]).toEqual(['1234']);
    expect(outputs[1]).toBeUndefined();
    expect(only(report, 'type-error').examples[0]?.message_en).toContain("'1.234' in row 2");
  });

  it('reads a column in the style its first telling value shows', () => {
    const schema: TableSchema = { fields: [{ name: 'jumlah', type: 'integer' }] };
    const { outputs, report } = run([['32,451'], ['1,234,567'], ['12']], { schema, header: ['jumlah'] });
    expect(report.valid).toBe(true);
    expect(outputs).toEqual([['32451'], ['1234567'], ['12']]);
  });

  it('a code list foreign key is checked against the current codes', () => {
    const schema: TableSchema = {
      fields: [{ name: 'jenjang', type: 'string' }],
      foreignKeys: [{ fields: ['jenjang'], reference: { resource: 'codelist:jenjang', fields: 'code' } }],
    };
    const { outputs, report } = run([['SD'], ['SMA']], { schema, header: ['jenjang'] });
    expect(outputs[0]).toEqual(['SD']);
    expect(only(report, 'foreign-key-error').examples[0]?.message_en).toBe(
      "Row 3, column 'jenjang': 'SMA' is not a known code in the list 'jenjang'",
    );
  });
});
