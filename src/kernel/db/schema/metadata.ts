import type { ColumnType, Generated } from 'kysely';
import type { TableSchema } from '../../table-schema/table-schema.js';
/** Answers of a statistical metadata form (MS-Keg, MS-Var, MS-Ind), by field key. */
export type FormValues = Record<string, string | string[]>;
/** Who sets a data standard (the labels are in the metadata module's domain). */
export type StandardSourceKind = 'bps' | 'ministry' | 'regional';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: read as an object, written as JSON text. */
type JsonObject<T> = ColumnType<T, string | undefined, string>;

/** Romantik: BPS's recommendation for a statistical activity. */
export type RecommendationStatus = 'none' | 'submitted' | 'revision' | 'recommended' | 'not_required';

/**
 * Standar Data: a reusable record many datasets point at. `version` counts edits; every
 * version's content is kept in data_standard_version.
 */
export interface DataStandardTable {
  id: Generated<string>;
  /** URL name, e.g. `jumlah-penduduk`. */
  name: string;
  version: Generated<number>;
  title: string;
  concept: string;
  definition: string;
  classification: Generated<string>;
  measure: Generated<string>;
  unit: Generated<string>;
  source_kind: StandardSourceKind;
  /** The regulation or document the standard comes from. */
  source_reference: Generated<string>;
  /** Kode SDSN (Peraturan BPS 4/2021), `AA99999.99.99`. */
  sdsn_code: string | null;
  /** The column layout of the tables that fulfil it (migration 0018); null: none set. */
  table_schema: ColumnType<TableSchema | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** One version of a data standard, as it was (the fields of DataStandardContent). */
export interface DataStandardVersionTable {
  data_standard_id: string;
  version: number;
  content: JsonObject<Record<string, unknown>>;
  created_at: CreatedAt;
  created_by: string | null;
}

/**
 * Kegiatan Statistik: the survey or administrative compilation that produces datasets, reused
 * across the years of a series. `ms_keg` holds the MS-Keg form's answers.
 */
export interface StatisticalActivityTable {
  id: Generated<string>;
  agency_id: string;
  title: string;
  /** Kode kegiatan BPS assigns once the activity is reported. */
  activity_code: string | null;
  recommendation_status: Generated<RecommendationStatus>;
  recommendation_number: string | null;
  /** 'YYYY-MM-DD' */
  recommendation_date: string | null;
  /** Romantik: the day the FS3 recommendation form was submitted to BPS ('YYYY-MM-DD', migration 0027). */
  fs3_submitted_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** Romantik: the recommendation letter's file in the file store, and its name. */
  recommendation_letter_key: string | null;
  recommendation_letter_name: string | null;
  ms_keg: JsonObject<FormValues>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/**
 * MS-Var answers for one Table Schema field of a resource: only what the field lacks (name,
 * type, definition, unit and valid values are read from `resource.table_schema`).
 */
export interface VariableMetadataTable {
  resource_id: string;
  field_name: string;
  ms_var: JsonObject<FormValues>;
  updated_at: Timestamp;
}

/** MS-Ind: one indicator a dataset presents. */
export interface IndicatorMetadataTable {
  id: Generated<string>;
  dataset_id: string;
  position: Generated<number>;
  name: string;
  ms_ind: JsonObject<FormValues>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

declare module '../schema.js' {
  interface DatasetTable {
    /** The data standard the dataset follows (migration 0007). */
    data_standard_id: ColumnType<string | null, string | null | undefined, string | null>;
    /** The statistical activity that produced it (MS-Keg); a series' years share one. */
    statistical_activity_id: ColumnType<string | null, string | null | undefined, string | null>;
    /**
     * Read model written by the metadata area (src/metadata/metadata-summary.ts) whenever the
     * dataset's metadata changes; presenters read it, nothing else writes it.
     */
    metadata_summary: ColumnType<unknown, string | null | undefined, string | null>;
  }
}

export interface MetadataTables {
  data_standard: DataStandardTable;
  data_standard_version: DataStandardVersionTable;
  statistical_activity: StatisticalActivityTable;
  variable_metadata: VariableMetadataTable;
  indicator_metadata: IndicatorMetadataTable;
}
