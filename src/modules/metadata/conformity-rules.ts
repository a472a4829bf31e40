import type { TableField, TableSchema } from '../../kernel/table-schema/table-schema.js';
import type { ValidationReport } from '../datastore/index.js';

/** The SDI requirements a dataset is checked against, in the order they are shown. */
export const CONFORMITY_KEYS = [
  'standard_linked',
  'activity_metadata_complete',
  'variable_metadata_complete',
  'indicator_metadata_complete',
  'open_format',
  'open_license',
  'reference_codes_bound',
  'reference_codes_valid',
  'classification_set',
] as const;
export type ConformityKey = (typeof CONFORMITY_KEYS)[number];

export interface ConformityCheck {
  key: ConformityKey;
  met: boolean;
  /** False when the requirement does not apply (no indicators): it then counts for nothing. */
  applicable: boolean;
  /** What is met or missing, and where, in Bahasa Indonesia and English. */
  detail_id: string;
  detail_en: string;
}

export interface Conformity {
  /** Share of the applicable requirements met, 0..100 (rounded). */
  score: number;
  checks: ConformityCheck[];
}

/** Formats a machine reads without proprietary software (SDI's interoperability principle). */
export const OPEN_MACHINE_READABLE_FORMATS = ['CSV', 'XLSX', 'JSON'] as const;

/**
 * A column that holds codes: its name says so (`kode_…`, `…_kode`, `kd_…`, `code`), or it is
 * already the source of a foreign key. Such a column must be bound to a reference code list.
 */
export function isCodedField(field: TableField, schema: TableSchema): boolean {
  if (/(^|_)(kode|kd|code)(_|$)/i.test(field.name)) return true;
  return foreignKeyOf(field.name, schema) !== undefined;
}

/** The reference a field is bound to (`region:regency`, `codelist:<name>`), if any. */
export function foreignKeyOf(fieldName: string, schema: TableSchema): string | undefined {
  for (const fk of schema.foreignKeys ?? []) {
    const fields = Array.isArray(fk.fields) ? fk.fields : [fk.fields];
    if (fields.includes(fieldName)) return fk.reference.resource;
  }
  return undefined;
}

/** The dataset's parts the checks read, loaded once. */
export interface ConformityFacts {
  licenseId: string;
  classification: 'open' | 'restricted' | 'closed';
  resources: {
    name: string;
    format: string;
    tableSchema: TableSchema | null;
    loaded: boolean;
    /** The latest upload's validation report, if any. */
    latestReport: ValidationReport | null;
  }[];
  codeListNames: Set<string>;
  metadata: MetadataFacts;
}

/**
 * What the metadata area (MS-Keg, MS-Var, MS-Ind, data standard) says about the dataset; each
 * list names what is missing, so the detail can say where.
 */
export interface MetadataFacts {
  standardLinked: boolean;
  /** Null: no statistical activity linked; else the required MS-Keg fields left empty. */
  activityMissing: string[] | null;
  /** `resource › column` entries with no or incomplete MS-Var. */
  variablesMissing: string[];
  indicatorCount: number;
  /** Indicators whose required MS-Ind fields are incomplete. */
  indicatorsMissing: string[];
}

/** A resource with a column schema the table checks read. */
export type TableResource = ConformityFacts['resources'][number] & { tableSchema: TableSchema };

/** The resources that hold a table with at least one column. */
export function tablesOf(f: ConformityFacts): TableResource[] {
  return f.resources.filter((r): r is TableResource => !!r.tableSchema && r.tableSchema.fields.length > 0);
}

/** One check's outcome. */
export function check(
  key: ConformityKey,
  met: boolean,
  id: string,
  en: string,
  applicable = true,
): ConformityCheck {
  return { key, met, applicable, detail_id: id, detail_en: en };
}

/** At most `max` names, then how many more. */
export function list(items: string[], max = 5): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} (+${items.length - max})` : items.join(', ');
}
