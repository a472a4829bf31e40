import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../../kernel/actions/parse-input.js';
import { ValidationError } from '../../../../kernel/errors.js';
import type { TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import { codeListNamesOf, tableSchemaInput } from './table-schema-input.js';

const VALID: TableSchema = {
  fields: [
    { name: 'kode_kec', type: 'string', constraints: { required: true, pattern: '\\d{2}(\\.\\d{2}){2}' } },
    { name: 'tahun', type: 'year', constraints: { minimum: 2000, maximum: 2030 } },
    { name: 'laki', type: 'integer' },
    { name: 'perempuan', type: 'integer' },
    { name: 'total', type: 'integer', 'x-sum-of': ['laki', 'perempuan'] },
    { name: 'tanggal', type: 'date', constraints: { minimum: '2020-01-01', maximum: '2030-12-31' } },
    { name: 'jenjang', type: 'string' },
  ],
  primaryKey: ['kode_kec', 'tahun'],
  foreignKeys: [
    { fields: 'kode_kec', reference: { resource: 'region:district', fields: 'code' } },
    { fields: ['jenjang'], reference: { resource: 'codelist:jenjang-pendidikan', fields: 'code' } },
  ],
  'x-period-field': 'tahun',
  'x-series-fields': ['kode_kec'],
};

/** The bilingual messages per path for an input that must be refused. */
function refusal(input: unknown): Record<string, string[]> {
  try {
    parseInput(tableSchemaInput, input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return Object.fromEntries(
      Object.entries(error.fields).map(([path, texts]) => [path, texts.map((t) => `${t.id} / ${t.en}`)]),
    );
  }
  throw new Error('accepted');
}

function withField(index: number, patch: object): TableSchema {
  return { ...VALID, fields: VALID.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)) };
}

describe('tableSchemaInput', () => {
  it('accepts a full schema unchanged and lists its code lists', () => {
    expect(parseInput(tableSchemaInput, VALID)).toEqual(VALID);
    expect(codeListNamesOf(VALID)).toEqual(['jenjang-pendidikan']);
  });

  it.each([
    ['a duplicate field name', withField(2, { name: 'tahun' }), 'fields.2.name', 'dipakai lebih dari sekali'],
    [
      'an invalid identifier',
      withField(2, { name: 'Laki Laki' }),
      'fields.2.name',
      'Column name: lower-case',
    ],
    [
      'a reserved leading underscore',
      withField(2, { name: '_id' }),
      'fields.2.name',
      'starting with a letter',
    ],
    [
      'a primary key naming no field',
      { ...VALID, primaryKey: 'kode' },
      'primaryKey',
      "Column 'kode' is not in",
    ],
    [
      'a foreign key naming no field',
      {
        ...VALID,
        foreignKeys: [{ fields: 'x', reference: { resource: 'region:district', fields: 'code' } }],
      },
      'foreignKeys.0.fields',
      "Column 'x' is not in the schema",
    ],
    [
      'an unknown reference',
      {
        ...VALID,
        foreignKeys: [{ fields: 'kode_kec', reference: { resource: 'region:rt', fields: 'code' } }],
      },
      'foreignKeys.0.reference.resource',
      "Unknown reference 'region:rt'",
    ],
    [
      'x-sum-of naming no field',
      withField(4, { 'x-sum-of': ['laki', 'anak'] }),
      'fields.4.x-sum-of',
      "'anak'",
    ],
    [
      'x-period-field naming no field',
      { ...VALID, 'x-period-field': 'periode' },
      'x-period-field',
      "'periode'",
    ],
    [
      'minimum above maximum',
      withField(1, { constraints: { minimum: 2031, maximum: 2030 } }),
      'fields.1.constraints.minimum',
      'Minimum 2031 exceeds maximum 2030',
    ],
    [
      'a date bound that is no date',
      withField(5, { constraints: { minimum: '1 Jan' } }),
      'fields.5.constraints.minimum',
      "Bound '1 Jan' does not fit type date",
    ],
    [
      'an invalid pattern',
      withField(0, { constraints: { pattern: '([a-z' } }),
      'fields.0.constraints.pattern',
      'is not a valid regular expression',
    ],
    ['an unknown type', withField(2, { type: 'geopoint' }), 'fields.2.type', ''],
  ])('refuses %s, bilingually, at the right path', (_name, input, path, text) => {
    const fields = refusal(input);
    expect(Object.keys(fields)).toContain(path);
    expect(fields[path]?.join('\n')).toContain(text);
    for (const message of fields[path] ?? []) expect(message).toMatch(/ \/ /);
  });
});
