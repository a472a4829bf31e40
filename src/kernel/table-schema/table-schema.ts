/**
 * A Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/), the contract
 * every tabular resource carries: inferred on first upload, edited in the back office,
 * enforced on every later upload, exported in datapackage.json, and the column list that
 * variable metadata (MS-Var) describes. Property names follow the spec exactly so the JSON
 * is the standard's JSON.
 */

/** The field types this platform stores and checks (a subset of the spec's). */
export const FIELD_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'year', 'yearmonth'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldConstraints {
  required?: boolean;
  unique?: boolean;
  minimum?: number | string;
  maximum?: number | string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: (string | number)[];
}

export interface TableField {
  /** Column name as stored and queried (datastore column), unique in the schema. */
  name: string;
  type: FieldType;
  /** Spec `format` (e.g. `default`); dates are always stored ISO whatever the file used. */
  format?: string;
  title?: string;
  description?: string;
  /** Unit of measure (our extension, as in Frictionless' `unit` proposals): `jiwa`, `ton`, `%`. */
  unit?: string;
  constraints?: FieldConstraints;
  /** Extension: English title, for the bilingual portal. */
  'title:en'?: string;
  /**
   * Extension: this numeric field is the sum of other fields in the same row (a total);
   * a mismatch is a warning, never an error.
   */
  'x-sum-of'?: string[];
  /**
   * Spec properties of number fields: the decimal mark and thousands separator the file used
   * when the schema was inferred (`,` and `.` for Indonesian). Validation reads a column's
   * ambiguous cells (`1.234`) this way until an unambiguous cell shows the upload's style.
   */
  decimalChar?: string;
  groupChar?: string;
  /** Extension: the access classification of the column (terbuka/terbatas/tertutup). */
  'x-classification'?: 'open' | 'restricted' | 'closed';
  /** Extension: personal identifiers found in the column on upload (nik, kk, phone, email). */
  'x-pii'?: string[];
}

/**
 * A foreign key to a reference code list. The spec's `reference.resource` names a resource in
 * the same package; ours names a reference table instead:
 *   `region:province` | `region:regency` | `region:district` | `region:village`
 *   `codelist:<name>` (an administrator-defined code list, table code_list)
 * `reference.fields` is the code column (`code`).
 */
export interface ForeignKey {
  fields: string | string[];
  reference: { resource: string; fields: string | string[] };
}

export interface TableSchema {
  fields: TableField[];
  primaryKey?: string | string[];
  foreignKeys?: ForeignKey[];
  /** Values read as missing (spec default `[""]`). */
  missingValues?: string[];
  /**
   * Extension: the field holding the period (year or date) and the fields identifying a series,
   * for the "changed more than X% from the previous period" warning.
   */
  'x-period-field'?: string;
  'x-series-fields'?: string[];
  /** Extension: threshold in percent for that warning (default 50). */
  'x-change-warning-percent'?: number;
}
