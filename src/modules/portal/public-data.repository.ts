import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/**
 * SQL of the portal's public reads beyond the catalog's: published versions for the change log
 * and the resource page, metadata edits, key indicators. Callers pass ids of datasets the policy
 * already let the reader see; "published" = a complete version up to the one the resource serves.
 */

export async function listPublishedVersions(db: Kysely<DB>, datasetId: string, resourceId?: string) {
  let q = db
    .selectFrom('resource_version as v')
    .innerJoin('resource as r', 'r.id', 'v.resource_id')
    .innerJoin('resource_version as cur', 'cur.id', 'r.datastore_version_id')
    .select([
      'v.id',
      'v.number',
      'v.resource_id',
      'r.name as resource_name',
      'v.row_count',
      'v.table_schema',
      'v.size_bytes',
      'v.sha256',
      'v.format',
      sql<Date>`coalesce(v.finished_at, v.created_at)`.as('published_at'),
    ])
    .where('r.dataset_id', '=', datasetId)
    .where('v.state', '=', 'complete')
    .whereRef('v.number', '<=', 'cur.number');
  if (resourceId) q = q.where('r.id', '=', resourceId);
  return q.orderBy('published_at', 'asc').orderBy('v.number', 'asc').execute();
}

/** Metadata edits of a dataset (package_update revisions), oldest first: field names only are shown. */
export async function listMetadataEdits(db: Kysely<DB>, datasetId: string) {
  return db
    .selectFrom('dataset_revision')
    .select(['at', 'action', 'changes'])
    .where('dataset_id', '=', datasetId)
    .where('action', '=', 'package_update')
    .orderBy('id', 'asc')
    .limit(200)
    .execute();
}

/** The key indicators with their table's dataset (only public, active datasets). */
export async function listKeyIndicators(
  db: Kysely<DB>,
  opts: { featuredOnly?: boolean; name?: string } = {},
) {
  let q = db
    .selectFrom('key_indicator as k')
    .innerJoin('resource as r', 'r.id', 'k.resource_id')
    .innerJoin('dataset as d', 'd.id', 'r.dataset_id')
    .innerJoin('agency as a', 'a.id', 'd.agency_id')
    .selectAll('k')
    .select(['d.name as dataset_name', 'd.title as dataset_title', 'a.name as agency_name'])
    .where('d.private', '=', false)
    .where('d.state', '=', 'active')
    .where('r.state', '=', 'active');
  if (opts.featuredOnly) q = q.where('k.featured', '=', true);
  if (opts.name) q = q.where('k.name', '=', opts.name);
  return q.orderBy('k.position').orderBy('k.name').execute();
}

export async function insertKeyIndicator(
  db: Kysely<DB>,
  row: {
    name: string;
    title: string;
    title_en: string;
    resource_id: string;
    period_field: string;
    value_field: string;
    unit: string;
    definition: string;
    position: number;
    featured: boolean;
  },
) {
  return db
    .insertInto('key_indicator')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet(row))
    .returning('id')
    .executeTakeFirstOrThrow();
}
