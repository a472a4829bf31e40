import { type Kysely, sql } from 'kysely';

/**
 * Dissemination (issue 15): saved charts and their versions (each bound to the data version it
 * shows), publications (infographic, presentation, report, book) that go through the region's
 * dissemination SOP as the subject of a workflow run, and the editions of generated data books
 * (their content hash, the data versions they contain, what the verification page shows).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table chart (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (name ~ '^[a-z0-9-]{1,100}$'),
      agency_id uuid references agency(id),
      created_by uuid references app_user(id),
      created_at timestamptz not null default now()
    );
    create table chart_version (
      id uuid primary key default gen_random_uuid(),
      chart_id uuid not null references chart(id) on delete cascade,
      number integer not null check (number > 0),
      resource_id uuid not null references resource(id),
      resource_version_id uuid not null references resource_version(id),
      spec jsonb not null,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      unique (chart_id, number)
    );
    create table publication (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (name ~ '^[a-z0-9-]{1,100}$'),
      kind text not null check (kind in ('infographic', 'presentation', 'report', 'book')),
      title text not null,
      title_en text not null default '',
      narrative text not null default '',
      narrative_en text not null default '',
      topic_id uuid references topic(id),
      agency_id uuid references agency(id),
      chart_ids jsonb not null default '[]',
      dataset_ids jsonb not null default '[]',
      book jsonb,
      version integer not null default 1,
      instance_id uuid references workflow_instance(id),
      publish_step text,
      -- The release calendar: the planned date; the actual one is when the run reached upload.
      planned_release date,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index publication_instance on publication (instance_id);
    create table data_book_edition (
      id uuid primary key default gen_random_uuid(),
      publication_id uuid not null references publication(id) on delete cascade,
      hash text not null unique check (hash ~ '^[0-9a-f]{64}$'),
      year integer not null,
      content jsonb not null,
      sources jsonb not null,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now()
    );
    create index data_book_edition_publication on data_book_edition (publication_id, created_at);
  `.execute(db);
}
