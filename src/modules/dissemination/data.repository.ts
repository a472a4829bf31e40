import { type Kysely, sql } from 'kysely';
import { type Actor, canReadClassified, grantScope } from '../../kernel/access/policy.js';
import type { DB } from '../../kernel/db/schema.js';
import { NotFoundError } from '../../kernel/errors.js';
import type { TableField, TableSchema } from '../../kernel/table-schema/table-schema.js';
import { withCurrentClassification } from '../datastore/index.js';

/**
 * The datastore tables dissemination reads: those a reader may read (a public dataset's, or a
 * private one under `dataset:read_private` in its scope), each at the version it serves, with
 * only the columns the reader may see (the same classification rule as the API, by the resource's
 * CURRENT classification: a column closed after loading is closed here at once, issue 11 finding 6).
 */

export interface LoadedTable {
  resourceId: string;
  resourceName: string;
  datasetId: string;
  datasetName: string;
  datasetTitle: string;
  datasetPublic: boolean;
  agencyId: string;
  agencyName: string;
  versionId: string;
  versionNumber: number;
  tableName: string;
  fields: TableField[];
}

function tableQuery(db: Kysely<DB>) {
  return db
    .selectFrom('resource')
    .innerJoin('dataset', 'dataset.id', 'resource.dataset_id')
    .innerJoin('agency', 'agency.id', 'dataset.agency_id')
    .innerJoin('resource_version', 'resource_version.resource_id', 'resource.id')
    .select([
      'resource.id as resourceId',
      'resource.name as resourceName',
      'dataset.id as datasetId',
      'dataset.name as datasetName',
      'dataset.title as datasetTitle',
      'dataset.private as private',
      'dataset.state as datasetState',
      'agency.id as agencyId',
      'agency.name as agencyName',
      'resource_version.id as versionId',
      'resource_version.number as versionNumber',
      'resource_version.table_name as tableName',
      'resource_version.table_schema as schema',
      'resource.table_schema as currentSchema',
    ])
    .where('resource.state', '=', 'active')
    .where('dataset.state', '<>', 'deleted')
    .where('resource_version.state', '=', 'complete')
    .where('resource_version.table_name', 'is not', null);
}

type Row = Awaited<ReturnType<ReturnType<typeof tableQuery>['execute']>>[number];

function mayRead(actor: Actor, r: { private: boolean; datasetState: string; agencyId: string }): boolean {
  if (!r.private && r.datasetState === 'active') return true;
  const scope = grantScope(actor, 'dataset:read_private');
  return scope === 'any' || (scope === 'own_agency' && actor.agencyId === r.agencyId);
}

function toLoaded(actor: Actor, r: Row): LoadedTable {
  const loaded = r.schema as TableSchema | null;
  const current = (
    typeof r.currentSchema === 'string' ? JSON.parse(r.currentSchema) : r.currentSchema
  ) as TableSchema | null;
  const schema = loaded ? withCurrentClassification(loaded, current) : null;
  return {
    resourceId: r.resourceId,
    resourceName: r.resourceName,
    datasetId: r.datasetId,
    datasetName: r.datasetName,
    datasetTitle: r.datasetTitle,
    datasetPublic: !r.private && r.datasetState === 'active',
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    versionId: r.versionId,
    versionNumber: r.versionNumber,
    tableName: r.tableName as string,
    fields: (schema?.fields ?? []).filter((f) =>
      canReadClassified(actor, f['x-classification'] ?? 'open', { agencyId: r.agencyId }),
    ),
  };
}

/** The tables a chart can be built on, as the reader may read them, at their current versions. */
export async function readableTables(db: Kysely<DB>, actor: Actor): Promise<LoadedTable[]> {
  const rows = await tableQuery(db)
    .whereRef('resource_version.id', '=', 'resource.datastore_version_id')
    .orderBy('dataset.title')
    .orderBy('resource.position')
    .limit(500)
    .execute();
  return rows.filter((r) => mayRead(actor, r)).map((r) => toLoaded(actor, r));
}

const notFound = () => new NotFoundError({ id: 'Tabel data tidak ditemukan', en: 'Data table not found' });

/**
 * One table as the reader may read it: at `versionId`, or at the version the resource serves.
 * NotFoundError when it does not exist or the reader may not read it (no existence leak).
 */
export async function loadTable(
  db: Kysely<DB>,
  actor: Actor,
  resourceId: string,
  versionId?: string,
): Promise<LoadedTable> {
  let q = tableQuery(db).where('resource.id', '=', resourceId);
  q = versionId
    ? q.where('resource_version.id', '=', versionId)
    : q.whereRef('resource_version.id', '=', 'resource.datastore_version_id');
  const r = await q.executeTakeFirst();
  if (!r || !mayRead(actor, r)) throw notFound();
  return toLoaded(actor, r);
}

/** Rows of a version table, in its order, only the named (checked) columns. */
export async function readRows(
  db: Kysely<DB>,
  table: LoadedTable,
  columns: string[],
  limit = 20_000,
): Promise<Record<string, unknown>[]> {
  const known = new Set(table.fields.map((f) => f.name));
  const cols = [...new Set(columns)].filter((c) => known.has(c));
  if (cols.length === 0) return [];
  if (!/^v_[0-9a-f]{32}$/.test(table.tableName)) throw new Error('not a version table');
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(cols.map((c) => sql.id(c)))}
    from ${sql.id('datastore', table.tableName)} order by _id limit ${limit}`.execute(db);
  return rows;
}

/** A resource's id by its dataset's name and its own name (the demo loader finds its tables so). */
export async function resourceIdByNames(db: Kysely<DB>, datasetName: string, resourceName: string) {
  const r = await db
    .selectFrom('resource')
    .innerJoin('dataset', 'dataset.id', 'resource.dataset_id')
    .select('resource.id')
    .where('dataset.name', '=', datasetName)
    .where('resource.name', '=', resourceName)
    .executeTakeFirst();
  return r?.id;
}
