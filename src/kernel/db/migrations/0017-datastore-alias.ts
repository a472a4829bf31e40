import { type Kysely, sql } from 'kysely';

/**
 * DataStore aliases (CKAN's `datastore_create` `aliases`, which CKAN keeps as views): a name
 * that datastore_search and datastore_search_sql accept instead of a resource id. A name is
 * one resource's alone; deleting the resource drops its aliases.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table datastore_alias (
      name text primary key check (name ~ '^[a-z][a-z0-9_-]{0,62}$' and name !~ '^pg_'),
      resource_id uuid not null references resource(id) on delete cascade,
      created_at timestamptz not null default now()
    );
    create index datastore_alias_resource on datastore_alias (resource_id);
  `.execute(db);
}
