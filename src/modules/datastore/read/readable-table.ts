import type { Kysely } from 'kysely';
import { type Actor, canReadClassified, type DataClassification } from '../../../kernel/access/policy.js';
import type { Dataset, DB, Resource } from '../../../kernel/db/schema.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import type { FieldType, TableField, TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { canSeeDataset, findDataset, findResource, sharesFor } from '../../catalog/index.js';
import { findLoadableVersion } from '../datastore-read.repository.js';

export { listLoadedResources } from '../datastore-read.repository.js';

/** CKAN's message for an unknown resource, used for hidden ones too (no probing). */
export const RESOURCE_NOT_FOUND = {
  id: 'Sumber daya tidak ditemukan atau belum punya tabel data',
  en: 'Resource not found or it has no data table',
};

/** Version tables are named `v_<32 hex>` (migration 0005); anything else is never queried. */
const VERSION_TABLE = /^v_[0-9a-f]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A column the caller may read: CKAN's `_id` or a Table Schema field. */
export interface ReadableColumn {
  /** Column name, taken from the Table Schema (never from a request). */
  name: string;
  type: FieldType | 'id';
  field: TableField | undefined;
}

/** One loaded version of a resource that the caller may read, with the columns it may see. */
export interface ReadableTable {
  dataset: Dataset;
  resource: Resource;
  versionId: string;
  versionNumber: number;
  /**
   * Its place among the resource's uploads that loaded (failed ones not counted): the number a
   * person reads as "(versi N)"; `versionNumber` stays the API's `version` parameter.
   */
  loadedVersionNumber: number;
  /** Validated `v_…` name inside the `datastore` schema. */
  tableName: string;
  schema: TableSchema;
  rowCount: number | null;
  /** `_id` first, then the schema's fields the caller may see, in schema order. */
  columns: ReadableColumn[];
  /** Names of fields withheld from this caller (restricted / closed classification). */
  hiddenFields: string[];
}

/** PostgreSQL type of each Table Schema type in a version table (migration 0005). */
export const PG_TYPES: Record<FieldType | 'id', string> = {
  id: 'bigint',
  string: 'text',
  integer: 'bigint',
  number: 'numeric',
  boolean: 'boolean',
  date: 'date',
  year: 'integer',
  yearmonth: 'text',
};

/** The type names CKAN's datastore reports (PostgreSQL's typname; `_id` is `int`). */
export const CKAN_TYPES: Record<FieldType | 'id', string> = {
  id: 'int',
  string: 'text',
  integer: 'int8',
  number: 'numeric',
  boolean: 'bool',
  date: 'date',
  year: 'int4',
  yearmonth: 'text',
};

/** A field's access classification (`x-classification`; absent means open). */
export function fieldClassification(f: TableField): DataClassification {
  return f['x-classification'] ?? 'open';
}

/**
 * A loaded version's schema with the resource's CURRENT classification of each field: closing (or
 * reopening) a column with resource_schema_update applies at once to every version already
 * loaded. A field the current schema no longer names keeps the classification it was loaded with.
 */
export function withCurrentClassification(loaded: TableSchema, current: TableSchema | null): TableSchema {
  const now = new Map((current?.fields ?? []).map((f) => [f.name, fieldClassification(f)]));
  return {
    ...loaded,
    fields: loaded.fields.map((f) => {
      const c = now.get(f.name);
      return c === undefined ? f : { ...f, 'x-classification': c };
    }),
  };
}

/** The fields of `schema` the actor may read in this dataset: the policy's one rule, per column. */
export function readableFields(
  actor: Actor,
  dataset: Pick<Dataset, 'agency_id'>,
  sharedWith: readonly string[],
  schema: TableSchema,
): TableField[] {
  const subject = { agencyId: dataset.agency_id, sharedWith };
  return schema.fields.filter((f) => canReadClassified(actor, fieldClassification(f), subject));
}

/** The resource's current Table Schema (what resource_schema_update last set), if any. */
export function currentSchema(resource: Pick<Resource, 'table_schema'>): TableSchema | null {
  return parseSchema(resource.table_schema);
}

export function parseSchema(raw: unknown): TableSchema | null {
  const v = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  if (!v || typeof v !== 'object' || !Array.isArray((v as TableSchema).fields)) return null;
  return v as TableSchema;
}

/**
 * The version table of a resource the actor may read: the resource must be active, its dataset
 * visible to the actor (private and draft datasets are "not found" for others), and the version
 * loaded. `version` picks an earlier complete version by number; by default the one
 * `resource.datastore_version_id` points at.
 */
export async function loadReadableTable(
  db: Kysely<DB>,
  actor: Actor,
  resourceId: string,
  opts: { version?: number | undefined; publicOnly?: boolean } = {},
): Promise<ReadableTable> {
  const notFound = new NotFoundError(RESOURCE_NOT_FOUND);
  if (!UUID.test(resourceId)) throw notFound;
  const resource = await findResource(db, resourceId.toLowerCase());
  if (resource?.state !== 'active') throw notFound;
  const dataset = await findDataset(db, resource.dataset_id);
  if (!dataset) throw notFound;
  // Agencies a restricted dataset is shared with read it here as through package_show.
  const sharedWith = await sharesFor(db, actor, dataset);
  if (!canSeeDataset(actor, dataset, sharedWith)) throw notFound;
  if (opts.publicOnly && (dataset.private || dataset.state !== 'active')) throw notFound;
  let pick: { number: number } | { id: string };
  if (opts.version !== undefined) pick = { number: opts.version };
  else if (resource.datastore_version_id) pick = { id: resource.datastore_version_id };
  else throw notFound;
  const version = await findLoadableVersion(db, resource.id, pick);
  if (version?.state !== 'complete' || !version.table_name) {
    if (opts.version !== undefined)
      throw new ValidationError({
        version: [
          {
            id: `Versi ${opts.version} tidak ada atau belum dimuat`,
            en: `Version ${opts.version} does not exist or is not loaded`,
          },
        ],
      });
    throw notFound;
  }
  if (!VERSION_TABLE.test(version.table_name)) throw notFound;
  const loaded = parseSchema(version.table_schema) ?? currentSchema(resource);
  if (!loaded) throw notFound;
  const schema = withCurrentClassification(loaded, currentSchema(resource));
  const visible = readableFields(actor, dataset, sharedWith, schema);
  return {
    dataset,
    resource,
    versionId: version.id,
    versionNumber: version.number,
    loadedVersionNumber: Number(version.loaded_ordinal),
    tableName: version.table_name,
    schema,
    rowCount: version.row_count,
    columns: [
      { name: '_id', type: 'id', field: undefined },
      ...visible.map((f) => ({ name: f.name, type: f.type, field: f })),
    ],
    hiddenFields: schema.fields.filter((f) => !visible.includes(f)).map((f) => f.name),
  };
}
