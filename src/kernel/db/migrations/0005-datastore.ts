import { type Kysely, sql } from 'kysely';

/**
 * Tabular data: every upload of a tabular resource is a `resource_version`; a valid one is
 * loaded into its own typed table `datastore."v_<version id without dashes>"`, and
 * `resource.datastore_version_id` points at the version readers see. Swapping versions is one
 * UPDATE of that pointer, so readers see the old table or the new one, never a mix. Earlier
 * versions' tables stay, queryable and downloadable.
 *
 * Layout of a version table (the contract between the loader and the readers):
 *   _id bigint primary key   row number in the table, 1..n (CKAN's `_id`)
 *   "<field name>"           one column per Table Schema field, in schema order, typed:
 *                            string→text, integer→bigint, number→numeric, boolean→boolean,
 *                            date→date, year→integer, yearmonth→text ('YYYY-MM')
 * The `datastore` schema holds nothing else; backups skip it (tables are rebuilt from the
 * stored files).
 *
 * `job` is the background queue (ADR 0003): enqueued in the transaction of the change that
 * causes it; claimed with FOR UPDATE SKIP LOCKED.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create schema datastore;

    create table resource_version (
      id uuid primary key default gen_random_uuid(),
      resource_id uuid not null references resource(id) on delete cascade,
      number integer not null check (number >= 1),
      storage_key text not null,
      file_name text not null,
      format text not null,
      size_bytes bigint not null default 0,
      sha256 text,
      table_schema jsonb,
      state text not null default 'pending'
        check (state in ('pending','running','complete','error')),
      rows_done bigint not null default 0,
      bytes_done bigint not null default 0,
      row_count bigint,
      table_name text,
      report jsonb,
      error jsonb,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      unique (resource_id, number)
    );
    create index resource_version_resource_idx on resource_version (resource_id, number desc);

    alter table resource
      add column table_schema jsonb,
      add column datastore_version_id uuid references resource_version(id);

    create table job (
      id bigserial primary key,
      kind text not null,
      kind_version integer not null default 1,
      payload jsonb not null default '{}'::jsonb,
      state text not null default 'queued'
        check (state in ('queued','running','done','failed')),
      attempts integer not null default 0,
      max_attempts integer not null default 3,
      run_after timestamptz not null default now(),
      locked_by text,
      locked_at timestamptz,
      progress jsonb,
      error text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index job_ready_idx on job (state, run_after, id);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table job;
    alter table resource drop column datastore_version_id, drop column table_schema;
    drop table resource_version;
    drop schema datastore cascade;
  `.execute(db);
}
