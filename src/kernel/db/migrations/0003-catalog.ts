import { type Kysely, sql } from 'kysely';

/**
 * The open-data catalog: topics (CKAN groups), datasets (CKAN packages) owned by an agency,
 * tags, resources, revisions, and the full-text search vector (`indonesian` configuration).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table topic (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (name ~ '^[a-z0-9_-]{2,100}$'),
      title text not null check (length(title) between 1 and 200),
      title_en text,
      description text not null default '',
      description_en text,
      image_url text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table dataset (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (name ~ '^[a-z0-9_-]{2,100}$'),
      title text not null check (length(title) between 1 and 500),
      notes text not null default '',
      agency_id uuid not null references agency(id),
      license_id text not null default 'CC-BY-4.0',
      state text not null default 'draft' check (state in ('draft','active','deleted')),
      private boolean not null default true,
      author text,
      author_email text,
      maintainer text,
      maintainer_email text,
      url text,
      version text,
      update_frequency text,
      temporal_start date,
      temporal_end date,
      spatial_codes text[] not null default '{}',
      extras jsonb not null default '{}'::jsonb,
      view_count bigint not null default 0,
      metadata_created timestamptz not null default now(),
      metadata_modified timestamptz not null default now(),
      search tsvector not null default ''::tsvector
    );
    create index dataset_search_idx on dataset using gin (search);
    create index dataset_agency_idx on dataset (agency_id);
    create index dataset_modified_idx on dataset (metadata_modified desc, id);
    create index dataset_visible_idx on dataset (state, private);

    create table dataset_tag (
      dataset_id uuid not null references dataset(id) on delete cascade,
      tag text not null check (length(tag) between 1 and 100),
      primary key (dataset_id, tag)
    );
    create index dataset_tag_tag_idx on dataset_tag (tag);

    create table dataset_topic (
      dataset_id uuid not null references dataset(id) on delete cascade,
      topic_id uuid not null references topic(id) on delete cascade,
      primary key (dataset_id, topic_id)
    );
    create index dataset_topic_topic_idx on dataset_topic (topic_id);

    create table resource (
      id uuid primary key default gen_random_uuid(),
      dataset_id uuid not null references dataset(id) on delete cascade,
      position integer not null default 0,
      name text not null default '',
      description text not null default '',
      format text not null default '',
      url text not null default '',
      url_type text check (url_type is null or url_type in ('upload')),
      mimetype text,
      size bigint,
      hash text,
      storage_key text,
      state text not null default 'active' check (state in ('active','deleted')),
      download_count bigint not null default 0,
      extras jsonb not null default '{}'::jsonb,
      created timestamptz not null default now(),
      last_modified timestamptz,
      metadata_modified timestamptz not null default now()
    );
    create index resource_dataset_idx on resource (dataset_id, position);
    create index resource_format_idx on resource (upper(format));

    create table dataset_revision (
      id bigserial primary key,
      dataset_id uuid not null references dataset(id) on delete cascade,
      at timestamptz not null default now(),
      actor_id uuid,
      actor_name text not null,
      action text not null,
      changes jsonb not null default '{}'::jsonb
    );
    create index dataset_revision_dataset_idx on dataset_revision (dataset_id, id desc);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table dataset_revision; drop table resource; drop table dataset_topic; drop table dataset_tag;
    drop table dataset; drop table topic;
  `.execute(db);
}
