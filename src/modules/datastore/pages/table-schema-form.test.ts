import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import {
  formValuesFromBody,
  formValuesOf,
  type SchemaFormValues,
  schemaFromForm,
} from './table-schema-form.js';

const SCHEMA: TableSchema = {
  fields: [
    {
      name: 'kode_kec',
      type: 'string',
      title: 'Kode Kecamatan',
      constraints: { required: true, pattern: '\\d{2}\\.\\d{2}\\.\\d{2}', maxLength: 8 },
    },
    { name: 'tahun', type: 'year', constraints: { minimum: 2000 } },
    { name: 'jumlah', type: 'number', unit: 'jiwa', decimalChar: '.', groupChar: ',', 'x-sum-of': ['tahun'] },
    { name: 'status', type: 'string', constraints: { enum: ['A', 'B'] } },
  ],
  primaryKey: ['kode_kec', 'tahun'],
  foreignKeys: [{ fields: 'kode_kec', reference: { resource: 'region:district', fields: 'code' } }],
  missingValues: ['', '-'],
  'x-period-field': 'tahun',
  'x-series-fields': ['kode_kec'],
  'x-change-warning-percent': 25,
};

/** The form as a browser posts it: `field-<i>-<property>`, checkboxes only when ticked. */
function post(values: SchemaFormValues): Record<string, string> {
  const body: Record<string, string> = {
    field_count: String(values.rows.length),
    primary_key: values.primaryKey,
    period_field: values.periodField,
    series_fields: values.seriesFields,
    change_percent: values.changePercent,
  };
  values.rows.forEach((row, i) => {
    const p = (name: string, value: string) => {
      body[`field-${i}-${name}`] = value;
    };
    p('original', row.original);
    p('name', row.name);
    p('title', row.title);
    p('title_en', row.titleEn);
    p('type', row.type);
    p('unit', row.unit);
    p('description', row.description);
    if (row.required) p('required', 'true');
    if (row.unique) p('unique', 'true');
    if (row.remove) p('remove', 'true');
    p('minimum', row.minimum);
    p('maximum', row.maximum);
    p('enum', row.enum);
    p('reference', row.reference);
  });
  return body;
}

describe('the schema editor form', () => {
  it('posted unchanged, gives back the same schema (what it does not show is kept)', () => {
    const values = formValuesOf(SCHEMA);
    expect(values.rows).toHaveLength(SCHEMA.fields.length + 1);
    expect(schemaFromForm(formValuesFromBody(post(values)), SCHEMA)).toEqual(SCHEMA);
  });

  it('adds a field from the empty row, removes a ticked one, reads Indonesian bounds', () => {
    const values = formValuesOf(SCHEMA);
    const rows = values.rows;
    Object.assign(rows[3] ?? {}, { remove: true });
    Object.assign(rows[4] ?? {}, {
      name: 'luas',
      type: 'number',
      minimum: '1.000',
      maximum: '12,5',
      enum: '',
    });
    Object.assign(rows[2] ?? {}, { maximum: '1.234.567,5', enum: '1, 2, 5' });
    const schema = schemaFromForm(formValuesFromBody(post(values)), SCHEMA);
    expect(schema.fields.map((f) => f.name)).toEqual(['kode_kec', 'tahun', 'jumlah', 'luas']);
    expect(schema.fields[3]?.constraints).toEqual({ minimum: 1000, maximum: 12.5 });
    expect(schema.fields[2]?.constraints).toEqual({ maximum: 1234567.5, enum: [1, 2, 5] });
  });

  it('builds one foreign key per chosen reference and a single-column key as text', () => {
    const values = formValuesOf(null);
    Object.assign(values.rows[0] ?? {}, { name: 'kode', reference: 'codelist:jenjang' });
    values.primaryKey = 'kode';
    const schema = schemaFromForm(formValuesFromBody(post(values)), null);
    expect(schema).toEqual({
      fields: [{ name: 'kode', type: 'string' }],
      primaryKey: 'kode',
      foreignKeys: [{ fields: 'kode', reference: { resource: 'codelist:jenjang', fields: 'code' } }],
    });
  });
});
