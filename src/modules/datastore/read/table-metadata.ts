/**
 * Names datastore_search takes besides a resource id (ckanext/datastore/logic/action.py
 * `datastore_search`): an alias set by datastore_create, and `_table_metadata`, the list of
 * tables (CKAN's `_table_metadata` view over pg_class: `_id`, `name`, `oid`, `alias_of`).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import { listPublicTables, resolveAlias } from '../datastore-alias.repository.js';

export const TABLE_METADATA = '_table_metadata';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The resource id a `resource_id` names: itself, or the resource of the alias. */
export async function resolveResourceId(db: Kysely<DB>, name: string): Promise<string> {
  const lower = name.toLowerCase();
  if (UUID.test(lower)) return lower;
  return (await resolveAlias(db, lower)) ?? lower;
}

/**
 * `datastore_search?resource_id=_table_metadata`: the tables anyone may read (public, open
 * datasets only, never private or closed ones) and their aliases, paged by limit/offset.
 * `_id` is CKAN's: the first 16 hex digits of md5(name || alias_of).
 */
export async function searchTableMetadata(
  db: Kysely<DB>,
  p: { limit: number; offset: number; include_total: boolean },
) {
  const all = (await listPublicTables(db)).map((t) => ({
    _id: createHash('md5')
      .update(t.name + (t.alias_of ?? ''))
      .digest('hex')
      .slice(0, 16),
    name: t.name,
    oid: t.oid,
    alias_of: t.alias_of,
  }));
  return {
    include_total: p.include_total,
    limit: p.limit,
    offset: p.offset,
    records_format: 'objects',
    resource_id: TABLE_METADATA,
    fields: [
      { id: '_id', type: 'text' },
      { id: 'name', type: 'name' },
      { id: 'oid', type: 'oid' },
      { id: 'alias_of', type: 'name' },
    ],
    records: all.slice(p.offset, p.offset + p.limit),
    ...(p.include_total ? { total: all.length, total_was_estimated: false } : {}),
  };
}
