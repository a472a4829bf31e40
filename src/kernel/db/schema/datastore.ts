import type { ColumnType, Generated } from 'kysely';
import type { TableSchema } from '../../table-schema/table-schema.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type JsonOf<T> = ColumnType<T, string | T, string | T>;

/** `proposed`: a first upload's inferred schema waits for the producer's confirmation. */
export type ResourceVersionState = 'pending' | 'running' | 'proposed' | 'complete' | 'error';

/** One upload of a tabular resource (see migration 0005 for the version-table layout). */
export interface ResourceVersionTable {
  id: Generated<string>;
  resource_id: string;
  number: number;
  storage_key: string;
  file_name: string;
  format: string;
  size_bytes: Generated<number>;
  sha256: string | null;
  table_schema: JsonOf<TableSchema> | null;
  state: Generated<ResourceVersionState>;
  rows_done: Generated<number>;
  bytes_done: Generated<number>;
  row_count: number | null;
  /** `datastore."v_…"` once loaded; null while pending or after an error. */
  table_name: string | null;
  /** The validation report (type in src/domain/validation). */
  report: JsonOf<unknown> | null;
  error: JsonOf<{ message: string; message_en?: string }> | null;
  created_by: string | null;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** The background job queue (ADR 0003). */
export interface JobTable {
  id: Generated<number>;
  kind: string;
  kind_version: Generated<number>;
  payload: JsonOf<Record<string, unknown>>;
  state: Generated<JobState>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_by: string | null;
  locked_at: Date | null;
  /** While running: the claim holds until then; the runner renews it as it works. */
  lease_until: Date | null;
  progress: JsonOf<Record<string, unknown>> | null;
  error: string | null;
  created_at: CreatedAt;
  finished_at: Date | null;
}

/** A name datastore_search and datastore_search_sql accept for a resource (migration 0017). */
export interface DatastoreAliasTable {
  name: string;
  resource_id: string;
  created_at: CreatedAt;
}

/** Tables of the datastore area. */
export interface DatastoreTables {
  resource_version: ResourceVersionTable;
  job: JobTable;
  datastore_alias: DatastoreAliasTable;
}
