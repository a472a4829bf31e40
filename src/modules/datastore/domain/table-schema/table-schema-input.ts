/**
 * A Table Schema as request input (resource_schema_update, the schema editor): the shape, and
 * the rules that keep it loadable — field names that are valid, unique column identifiers;
 * keys and extensions that name existing fields; references the platform knows; bounds in
 * order; patterns that compile. Whether a `codelist:<name>` exists is checked by the action,
 * against the database. Messages are "Indonesian / English" (see parseInput).
 */
import { z } from 'zod';
import { FIELD_TYPES, type TableSchema } from '../../../../kernel/table-schema/table-schema.js';

/** Lower-case letters, digits and `_`, starting with a letter, at most 63 characters. */
export const FIELD_NAME = /^[a-z][a-z0-9_]{0,62}$/;
export const REGION_REFERENCES = ['region:province', 'region:regency', 'region:district', 'region:village'];
const CODE_LIST_REFERENCE = /^codelist:[a-z0-9_-]{2,100}$/;

const NUMERIC = new Set(['integer', 'number', 'year']);
const ORDERED = new Set(['integer', 'number', 'year', 'date', 'yearmonth']);

const bound = z.union([z.number().finite(), z.string().max(40)]);
const names = z.union([z.string(), z.array(z.string()).min(1).max(20)]);

const constraintsInput = z
  .object({
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    minimum: bound.optional(),
    maximum: bound.optional(),
    minLength: z.number().int().min(0).max(1_000_000).optional(),
    maxLength: z.number().int().min(0).max(1_000_000).optional(),
    pattern: z.string().max(500).optional(),
    enum: z
      .array(z.union([z.string().max(500), z.number().finite()]))
      .max(1000)
      .optional(),
  })
  .strict();

const fieldInput = z
  .object({
    name: z.string().regex(FIELD_NAME, {
      message:
        'Nama kolom: huruf kecil, angka dan _, diawali huruf, maks. 63 karakter / Column name: lower-case letters, digits and _, starting with a letter, at most 63 characters',
    }),
    type: z.enum(FIELD_TYPES),
    format: z.string().max(100).optional(),
    title: z.string().max(300).optional(),
    description: z.string().max(5000).optional(),
    unit: z.string().max(100).optional(),
    constraints: constraintsInput.optional(),
    'title:en': z.string().max(300).optional(),
    'x-sum-of': z.array(z.string()).max(100).optional(),
    'x-classification': z.enum(['open', 'restricted', 'closed']).optional(),
    // What the upload's PII check found (resource_schema_show returns it; it round-trips).
    'x-pii': z.array(z.string().max(40)).max(20).optional(),
    decimalChar: z.enum([',', '.']).optional(),
    groupChar: z.enum([',', '.', ' ', '']).optional(),
  })
  .strict();

const foreignKeyInput = z
  .object({
    fields: names,
    reference: z.object({ resource: z.string().max(120), fields: names }).strict(),
  })
  .strict();

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
    return true;
  } catch {
    return false;
  }
}

function boundValue(type: string, value: number | string): number | string | undefined {
  if (NUMERIC.has(type)) {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  if (type === 'date')
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  if (type === 'yearmonth')
    return typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) ? value : undefined;
  return undefined;
}

/** A Table Schema as input, with its cross-field rules. */
export const tableSchemaInput = z
  .object({
    fields: z.array(fieldInput).min(1).max(500),
    primaryKey: names.optional(),
    foreignKeys: z.array(foreignKeyInput).max(100).optional(),
    missingValues: z.array(z.string().max(50)).max(20).optional(),
    'x-period-field': z.string().optional(),
    'x-series-fields': z.array(z.string()).max(20).optional(),
    'x-change-warning-percent': z.number().finite().positive().max(100_000).optional(),
  })
  .strict()
  .superRefine((schema, ctx) => {
    const fieldTypes = new Map<string, string>();
    schema.fields.forEach((field, i) => {
      if (fieldTypes.has(field.name))
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'name'],
          message: `Nama kolom '${field.name}' dipakai lebih dari sekali / Column name '${field.name}' is used more than once`,
        });
      fieldTypes.set(field.name, field.type);
    });
    const mustExist = (name: string, path: (string | number)[]) => {
      if (!fieldTypes.has(name))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `Kolom '${name}' tidak ada di skema / Column '${name}' is not in the schema`,
        });
    };

    schema.fields.forEach((field, i) => {
      const c = field.constraints;
      const at = (...rest: (string | number)[]) => ['fields', i, ...rest];
      for (const part of field['x-sum-of'] ?? []) {
        mustExist(part, at('x-sum-of'));
        if (fieldTypes.has(part) && !NUMERIC.has(fieldTypes.get(part) ?? ''))
          ctx.addIssue({
            code: 'custom',
            path: at('x-sum-of'),
            message: `Rincian '${part}' harus berupa angka / Part '${part}' must be numeric`,
          });
      }
      if (field['x-sum-of'] && field.type !== 'integer' && field.type !== 'number')
        ctx.addIssue({
          code: 'custom',
          path: at('x-sum-of'),
          message: `Hanya kolom angka yang bisa menjadi total / Only a numeric column can be a total`,
        });
      if (!c) return;
      for (const key of ['minimum', 'maximum'] as const) {
        const value = c[key];
        if (value === undefined) continue;
        if (!ORDERED.has(field.type) || boundValue(field.type, value) === undefined)
          ctx.addIssue({
            code: 'custom',
            path: at('constraints', key),
            message: `Batas '${value}' tidak cocok dengan tipe ${field.type} / Bound '${value}' does not fit type ${field.type}`,
          });
      }
      const min = c.minimum === undefined ? undefined : boundValue(field.type, c.minimum);
      const max = c.maximum === undefined ? undefined : boundValue(field.type, c.maximum);
      if (min !== undefined && max !== undefined && min > max)
        ctx.addIssue({
          code: 'custom',
          path: at('constraints', 'minimum'),
          message: `Batas bawah ${min} melebihi batas atas ${max} / Minimum ${min} exceeds maximum ${max}`,
        });
      if (c.minLength !== undefined && c.maxLength !== undefined && c.minLength > c.maxLength)
        ctx.addIssue({
          code: 'custom',
          path: at('constraints', 'minLength'),
          message: `Panjang minimum melebihi panjang maksimum / Minimum length exceeds maximum length`,
        });
      if (
        (c.minLength !== undefined || c.maxLength !== undefined || c.pattern !== undefined) &&
        field.type !== 'string'
      )
        ctx.addIssue({
          code: 'custom',
          path: at('constraints'),
          message: `Panjang dan pola hanya untuk kolom teks / Length and pattern apply to text columns only`,
        });
      if (c.pattern !== undefined && !isValidPattern(c.pattern))
        ctx.addIssue({
          code: 'custom',
          path: at('constraints', 'pattern'),
          message: `Pola '${c.pattern}' bukan ekspresi reguler yang sah / Pattern '${c.pattern}' is not a valid regular expression`,
        });
    });

    asList(schema.primaryKey).forEach((name) => {
      mustExist(name, ['primaryKey']);
    });
    (schema.foreignKeys ?? []).forEach((fk, i) => {
      const fields = asList(fk.fields);
      for (const name of fields) mustExist(name, ['foreignKeys', i, 'fields']);
      if (fields.length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['foreignKeys', i, 'fields'],
          message: `Kunci asing menunjuk tepat satu kolom / A foreign key names exactly one column`,
        });
      else if (fieldTypes.has(fields[0] ?? '') && fieldTypes.get(fields[0] ?? '') !== 'string')
        ctx.addIssue({
          code: 'custom',
          path: ['foreignKeys', i, 'fields'],
          message: `Kolom kode referensi harus bertipe teks / A reference code column must be of type string`,
        });
      const resource = fk.reference.resource;
      if (!REGION_REFERENCES.includes(resource) && !CODE_LIST_REFERENCE.test(resource))
        ctx.addIssue({
          code: 'custom',
          path: ['foreignKeys', i, 'reference', 'resource'],
          message: `Referensi '${resource}' tidak dikenal; gunakan region:province|regency|district|village atau codelist:<nama> / Unknown reference '${resource}'; use region:province|regency|district|village or codelist:<name>`,
        });
    });
    const periodField = schema['x-period-field'];
    if (periodField !== undefined) {
      mustExist(periodField, ['x-period-field']);
      const type = fieldTypes.get(periodField);
      if (type !== undefined && !['year', 'yearmonth', 'date', 'integer'].includes(type))
        ctx.addIssue({
          code: 'custom',
          path: ['x-period-field'],
          message: `Kolom periode harus tahun, bulan atau tanggal / The period column must be a year, month or date`,
        });
    }
    for (const name of schema['x-series-fields'] ?? []) mustExist(name, ['x-series-fields']);
  }) satisfies z.ZodType<TableSchema>;

/** The code lists (`codelist:<name>`) a schema's foreign keys name. */
export function codeListNamesOf(schema: TableSchema): string[] {
  return [
    ...new Set(
      (schema.foreignKeys ?? []).flatMap((fk) =>
        fk.reference.resource.startsWith('codelist:')
          ? [fk.reference.resource.slice('codelist:'.length)]
          : [],
      ),
    ),
  ];
}
