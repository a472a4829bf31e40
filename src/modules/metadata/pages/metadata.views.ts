import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import type { FormValues } from '../domain/form-values.js';

/** View models the metadata pages render: plain data, built by the routes and loaders. */

/** A data standard as its pages show it. */
export interface StandardView {
  id: string;
  name: string;
  title: string;
  version: number;
  concept: string;
  definition: string;
  classification: string;
  measure: string;
  unit: string;
  source_kind: string;
  source_reference: string;
  sdsn_code: string | null;
  /** The columns the standard sets for the tables that fulfil it (null: none). */
  table_schema: TableSchema | null;
}

/** One recorded version of a standard. */
export interface StandardVersionView {
  version: number;
  created_at: Date;
}

/** A statistical activity as its public page shows it. */
export interface ActivityView {
  title: string;
  activity_code: string | null;
  recommendation_status: string;
  recommendation_number: string | null;
  recommendation_date: string | null;
  ms_keg: FormValues;
}

/** A standard in the dataset's standard picker. */
export type StandardOption = Pick<StandardView, 'id' | 'title' | 'sdsn_code' | 'version'>;

/** An activity in the dataset's activity picker. */
export interface ActivityOption {
  id: string;
  title: string;
  activity_code: string | null;
}
