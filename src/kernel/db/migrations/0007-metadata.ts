import { type Kysely, sql } from 'kysely';

/**
 * Data standards (Standar Data, versioned), statistical activities with their MS-Keg, variable
 * metadata (MS-Var) per Table Schema field, and indicator metadata (MS-Ind). The field values of
 * the BPS forms live in jsonb keyed by the field catalogue in src/domain/metadata (the catalogue
 * is data the code interprets; a column per BPS question would freeze the form in SQL).
 *
 * `dataset.metadata_summary` is a read model: the actions of this area rewrite it in the same
 * transaction as every change that affects a dataset, so package_show, package_search, DCAT and
 * schema.org read the metadata with the dataset row, without extra queries per page.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table data_standard (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (name ~ '^[a-z0-9_-]{2,100}$'),
      version integer not null default 1 check (version >= 1),
      title text not null check (length(title) between 1 and 300),
      concept text not null check (length(concept) between 1 and 2000),
      definition text not null check (length(definition) between 1 and 5000),
      classification text not null default '',
      measure text not null default '',
      unit text not null default '',
      source_kind text not null check (source_kind in ('bps','ministry','regional')),
      source_reference text not null default '',
      sdsn_code text check (sdsn_code is null or sdsn_code ~ '^[A-Z]{2}[0-9]{5}\\.[0-9]{2}\\.[0-9]{2}$'),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table data_standard_version (
      data_standard_id uuid not null references data_standard(id) on delete cascade,
      version integer not null,
      content jsonb not null,
      created_at timestamptz not null default now(),
      created_by uuid,
      primary key (data_standard_id, version)
    );

    create table statistical_activity (
      id uuid primary key default gen_random_uuid(),
      agency_id uuid not null references agency(id),
      title text not null check (length(title) between 1 and 500),
      activity_code text unique,
      recommendation_status text not null default 'none'
        check (recommendation_status in ('none','submitted','revision','recommended','not_required')),
      recommendation_number text,
      recommendation_date date,
      ms_keg jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index statistical_activity_agency_idx on statistical_activity (agency_id);

    create table variable_metadata (
      resource_id uuid not null references resource(id) on delete cascade,
      field_name text not null,
      ms_var jsonb not null default '{}'::jsonb,
      updated_at timestamptz not null default now(),
      primary key (resource_id, field_name)
    );

    create table indicator_metadata (
      id uuid primary key default gen_random_uuid(),
      dataset_id uuid not null references dataset(id) on delete cascade,
      position integer not null default 0,
      name text not null check (length(name) between 1 and 500),
      ms_ind jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index indicator_metadata_dataset_idx on indicator_metadata (dataset_id, position);

    alter table dataset
      add column data_standard_id uuid references data_standard(id),
      add column statistical_activity_id uuid references statistical_activity(id),
      add column metadata_summary jsonb;
    create index dataset_data_standard_idx on dataset (data_standard_id);
    create index dataset_statistical_activity_idx on dataset (statistical_activity_id);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table dataset drop column metadata_summary, drop column statistical_activity_id,
      drop column data_standard_id;
    drop table indicator_metadata; drop table variable_metadata; drop table statistical_activity;
    drop table data_standard_version; drop table data_standard;
  `.execute(db);
}
