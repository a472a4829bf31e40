/**
 * CKAN DataStore `fields` ([{id, type, info}]) and Table Schema fields, both ways. CKAN's
 * PostgreSQL type names map onto the Table Schema types this platform stores.
 */
import { ValidationError } from '../../../kernel/errors.js';
import type { FieldType, TableField, TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { CKAN_TYPES } from '../read/readable-table.js';

const FROM_CKAN: Record<string, FieldType> = {
  text: 'string',
  varchar: 'string',
  string: 'string',
  int: 'integer',
  int2: 'integer',
  int4: 'integer',
  int8: 'integer',
  integer: 'integer',
  smallint: 'integer',
  bigint: 'integer',
  numeric: 'number',
  number: 'number',
  float: 'number',
  float4: 'number',
  float8: 'number',
  'double precision': 'number',
  bool: 'boolean',
  boolean: 'boolean',
  date: 'date',
  year: 'year',
  yearmonth: 'yearmonth',
};

export interface CkanField {
  id: string;
  type?: string | undefined;
  info?: Record<string, unknown> | undefined;
}

const NAME = /^[^"_\s][^"]{0,62}$/;

/** CKAN `fields` → Table Schema fields; a ValidationError on `fields` names each bad entry. */
export function tableFieldsOf(fields: CkanField[]): TableField[] {
  const errors: { id: string; en: string }[] = [];
  const seen = new Set<string>();
  const out: TableField[] = [];
  for (const f of fields) {
    const type = FROM_CKAN[(f.type ?? 'text').toLowerCase()];
    if (!NAME.test(f.id) || seen.has(f.id))
      errors.push({
        id: `Nama kolom "${f.id}" tidak sah atau ganda`,
        en: `Column name "${f.id}" is not valid or repeated`,
      });
    else if (!type)
      errors.push({
        id: `Tipe "${f.type}" untuk kolom "${f.id}" tidak didukung (${Object.keys(FROM_CKAN).join(', ')})`,
        en: `Type "${f.type}" of column "${f.id}" is not supported (${Object.keys(FROM_CKAN).join(', ')})`,
      });
    else {
      seen.add(f.id);
      const label = typeof f.info?.label === 'string' ? f.info.label : undefined;
      const notes = typeof f.info?.notes === 'string' ? f.info.notes : undefined;
      out.push({
        name: f.id,
        type,
        ...(label ? { title: label } : {}),
        ...(notes ? { description: notes } : {}),
      });
    }
  }
  if (errors.length) throw new ValidationError({ fields: errors });
  return out;
}

/** Table Schema → CKAN `fields`, `_id` first, as datastore_search lists them. */
export function ckanFieldsOf(schema: TableSchema): { id: string; type: string }[] {
  return [
    { id: '_id', type: 'int' },
    ...schema.fields.map((f) => ({ id: f.name, type: CKAN_TYPES[f.type] })),
  ];
}

/**
 * `fields` given for a table that already has a schema must name its columns with their types:
 * changing the columns is a schema change (the back office's or resource_schema_update's job).
 */
export function checkFieldsMatch(schema: TableSchema, given: TableField[]): void {
  const errors = given.flatMap((g) => {
    const f = schema.fields.find((x) => x.name === g.name);
    if (f && f.type === g.type) return [];
    return [
      {
        id: f
          ? `Kolom "${g.name}" bertipe ${f.type} menurut Table Schema sumber daya ini`
          : `Kolom "${g.name}" tidak ada di Table Schema sumber daya ini; ubah skemanya dahulu`,
        en: f
          ? `Column "${g.name}" is of type ${f.type} in this resource's Table Schema`
          : `Column "${g.name}" is not in this resource's Table Schema; change the schema first`,
      },
    ];
  });
  if (errors.length) throw new ValidationError({ fields: errors });
}
