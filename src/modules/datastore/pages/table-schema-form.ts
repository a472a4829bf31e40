/**
 * The schema editor's form: a resource's Table Schema as rows of browser form fields, and the
 * posted fields back into a schema. Properties the form does not show (pattern, lengths,
 * x-sum-of, number style, classification…) are carried over from the stored schema by the
 * field's original name, so editing a title never drops them.
 */
import {
  FIELD_TYPES,
  type FieldType,
  type TableField,
  type TableSchema,
} from '../../../kernel/table-schema/table-schema.js';

export interface SchemaFormRow {
  /** The field's name before this edit (empty for a new row). */
  original: string;
  name: string;
  title: string;
  titleEn: string;
  type: string;
  unit: string;
  description: string;
  required: boolean;
  unique: boolean;
  minimum: string;
  maximum: string;
  enum: string;
  /** `region:<level>`, `codelist:<name>` or empty. */
  reference: string;
  remove: boolean;
}

export interface SchemaFormValues {
  rows: SchemaFormRow[];
  primaryKey: string;
  periodField: string;
  seriesFields: string;
  changePercent: string;
}

const EMPTY_ROW: SchemaFormRow = {
  original: '',
  name: '',
  title: '',
  titleEn: '',
  type: 'string',
  unit: '',
  description: '',
  required: false,
  unique: false,
  minimum: '',
  maximum: '',
  enum: '',
  reference: '',
  remove: false,
};

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : [v].flat());
const joinList = (v: string | string[] | undefined) => asList(v).join(', ');
const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The form rows of a stored schema, plus one empty row to add a field. */
export function formValuesOf(schema: TableSchema | null): SchemaFormValues {
  const references = new Map<string, string>();
  for (const fk of schema?.foreignKeys ?? []) {
    const [field] = asList(fk.fields);
    if (field) references.set(field, fk.reference.resource);
  }
  const rows = (schema?.fields ?? []).map(
    (f): SchemaFormRow => ({
      original: f.name,
      name: f.name,
      title: f.title ?? '',
      titleEn: f['title:en'] ?? '',
      type: f.type,
      unit: f.unit ?? '',
      description: f.description ?? '',
      required: f.constraints?.required === true,
      unique: f.constraints?.unique === true,
      minimum: f.constraints?.minimum === undefined ? '' : String(f.constraints.minimum),
      maximum: f.constraints?.maximum === undefined ? '' : String(f.constraints.maximum),
      enum: (f.constraints?.enum ?? []).join(', '),
      reference: references.get(f.name) ?? '',
      remove: false,
    }),
  );
  return {
    rows: [...rows, { ...EMPTY_ROW }],
    primaryKey: joinList(schema?.primaryKey),
    periodField: schema?.['x-period-field'] ?? '',
    seriesFields: (schema?.['x-series-fields'] ?? []).join(', '),
    changePercent:
      schema?.['x-change-warning-percent'] === undefined ? '' : String(schema['x-change-warning-percent']),
  };
}

/** The rows as posted (`field-<i>-<property>`), in order. */
export function formValuesFromBody(body: Record<string, unknown>): SchemaFormValues {
  const text = (key: string) => {
    const v = body[key];
    return typeof v === 'string' ? v.trim() : Array.isArray(v) ? String(v[0] ?? '').trim() : '';
  };
  const count = Math.min(Number.parseInt(text('field_count'), 10) || 0, 500);
  const rows: SchemaFormRow[] = [];
  for (let i = 0; i < count; i++) {
    const p = (name: string) => text(`field-${i}-${name}`);
    rows.push({
      original: p('original'),
      name: p('name'),
      title: p('title'),
      titleEn: p('title_en'),
      type: p('type') || 'string',
      unit: p('unit'),
      description: p('description'),
      required: p('required') === 'true',
      unique: p('unique') === 'true',
      minimum: p('minimum'),
      maximum: p('maximum'),
      enum: p('enum'),
      reference: p('reference'),
      remove: p('remove') === 'true',
    });
  }
  return {
    rows,
    primaryKey: text('primary_key'),
    periodField: text('period_field'),
    seriesFields: text('series_fields'),
    changePercent: text('change_percent'),
  };
}

const NUMERIC = new Set(['integer', 'number', 'year']);

/** A bound as typed: a number for numeric types (`1.000` or `12,5` read as Indonesians write), else text. */
function boundOf(type: string, text: string): number | string | undefined {
  if (text === '') return undefined;
  if (!NUMERIC.has(type)) return text;
  const plain = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)
    ? text.replace(/\./g, '').replace(',', '.')
    : text.replace(',', '.');
  const n = Number(plain);
  return Number.isFinite(n) ? n : text;
}

/**
 * The schema the form describes. Unknown fields stay as typed so that tableSchemaInput can
 * refuse them with a message (a type that is not one of ours, a bound that is not a number).
 */
export function schemaFromForm(values: SchemaFormValues, previous: TableSchema | null): TableSchema {
  const before = new Map((previous?.fields ?? []).map((f) => [f.name, f]));
  const fields: TableField[] = [];
  const foreignKeys: NonNullable<TableSchema['foreignKeys']> = [];
  for (const row of values.rows) {
    if (row.remove || (row.name === '' && row.original === '')) continue;
    const old = before.get(row.original);
    const type = (FIELD_TYPES as readonly string[]).includes(row.type) ? (row.type as FieldType) : row.type;
    const keep: Partial<TableField> = {};
    if (old) {
      for (const key of ['format', 'x-sum-of', 'x-classification', 'decimalChar', 'groupChar'] as const)
        if (old[key] !== undefined) Object.assign(keep, { [key]: old[key] });
    }
    const constraints: NonNullable<TableField['constraints']> = {};
    const oldConstraints = old?.constraints ?? {};
    for (const key of ['minLength', 'maxLength', 'pattern'] as const)
      if (oldConstraints[key] !== undefined) Object.assign(constraints, { [key]: oldConstraints[key] });
    if (row.required) constraints.required = true;
    if (row.unique) constraints.unique = true;
    const minimum = boundOf(row.type, row.minimum);
    const maximum = boundOf(row.type, row.maximum);
    if (minimum !== undefined) constraints.minimum = minimum;
    if (maximum !== undefined) constraints.maximum = maximum;
    const allowed = splitList(row.enum);
    if (allowed.length > 0)
      constraints.enum = NUMERIC.has(row.type)
        ? allowed.map((v) => {
            const n = boundOf(row.type, v);
            return typeof n === 'number' ? n : v;
          })
        : allowed;
    const field = {
      name: row.name,
      type,
      ...(row.title ? { title: row.title } : {}),
      ...(row.titleEn ? { 'title:en': row.titleEn } : {}),
      ...(row.description ? { description: row.description } : {}),
      ...(row.unit ? { unit: row.unit } : {}),
      ...keep,
      ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
    } as TableField;
    fields.push(field);
    if (row.reference)
      foreignKeys.push({ fields: row.name, reference: { resource: row.reference, fields: 'code' } });
  }
  const schema: TableSchema = { fields };
  const primaryKey = splitList(values.primaryKey);
  if (primaryKey.length === 1) schema.primaryKey = primaryKey[0];
  else if (primaryKey.length > 1) schema.primaryKey = primaryKey;
  if (foreignKeys.length > 0) schema.foreignKeys = foreignKeys;
  if (previous?.missingValues) schema.missingValues = previous.missingValues;
  if (values.periodField) schema['x-period-field'] = values.periodField;
  const series = splitList(values.seriesFields);
  if (series.length > 0) schema['x-series-fields'] = series;
  if (values.changePercent) {
    const percent = boundOf('number', values.changePercent);
    schema['x-change-warning-percent'] = (typeof percent === 'number' ? percent : Number.NaN) as number;
  }
  return schema;
}
