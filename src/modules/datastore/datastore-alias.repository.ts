import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** The resource an alias names, if any (datastore_search, datastore_search_sql). */
export async function resolveAlias(db: Kysely<DB>, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('datastore_alias')
    .select('resource_id')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.resource_id;
}

/** Of these names, which are already a resource id, and which another resource's alias. */
export async function aliasConflicts(
  trx: Transaction<DB>,
  names: string[],
  resourceId: string,
): Promise<{ resourceIds: string[]; aliases: string[] }> {
  const uuids = names.filter((n) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(n));
  const [resources, aliases] = await Promise.all([
    uuids.length ? trx.selectFrom('resource').select('id').where('id', 'in', uuids).execute() : [],
    trx
      .selectFrom('datastore_alias')
      .select('name')
      .where('name', 'in', names)
      .where('resource_id', '!=', resourceId)
      .execute(),
  ]);
  return { resourceIds: resources.map((r) => r.id), aliases: aliases.map((a) => a.name) };
}

/** Give the resource these aliases (those it already has stay). */
export async function insertAliases(trx: Transaction<DB>, names: string[], resourceId: string) {
  if (!names.length) return;
  await trx
    .insertInto('datastore_alias')
    .values(names.map((name) => ({ name, resource_id: resourceId })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/**
 * `_table_metadata`: the loaded tables of public, active, open datasets and their aliases, as
 * CKAN's view lists them (name, oid, alias_of); `oid` is the loaded version's id, never the table name. Private, draft, restricted and closed datasets'
 * tables are never listed, whoever asks.
 */
export async function listPublicTables(db: Kysely<DB>) {
  const tables = db
    .selectFrom('resource')
    .innerJoin('dataset', 'dataset.id', 'resource.dataset_id')
    .innerJoin('resource_version', 'resource_version.id', 'resource.datastore_version_id')
    .where('resource.state', '=', 'active')
    .where('resource_version.state', '=', 'complete')
    .where('dataset.state', '=', 'active')
    .where('dataset.private', '=', false)
    .where('dataset.classification', '=', 'open');
  const [own, aliases] = await Promise.all([
    tables.select(['resource.id as name', 'resource_version.id as oid']).execute(),
    tables
      .innerJoin('datastore_alias', 'datastore_alias.resource_id', 'resource.id')
      .select(['datastore_alias.name as name', 'resource_version.id as oid', 'resource.id as alias_of'])
      .execute(),
  ]);
  return [...own.map((t) => ({ ...t, alias_of: null as string | null })), ...aliases].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}

/** Which of these names are aliases, and of which resource. */
export async function resolveAliases(db: Kysely<DB>, names: string[]): Promise<Map<string, string>> {
  if (!names.length) return new Map();
  const rows = await db
    .selectFrom('datastore_alias')
    .select(['name', 'resource_id'])
    .where('name', 'in', names)
    .execute();
  return new Map(rows.map((r) => [r.name, r.resource_id]));
}
