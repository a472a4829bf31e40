import { type Kysely, sql } from 'kysely';

/**
 * The portal's curation (issue 18, items 5–7): themed collections of datasets and the featured
 * datasets the custodian picks for the home page; the government pages (about, contact, FAQ,
 * privacy, terms, accessibility) as Markdown in both languages with every saved revision kept;
 * and `pg_trgm` for "did you mean" over titles and tags. pg_trgm ships with PostgreSQL (trusted
 * since 13, so the database owner may create it) and with PGlite as a contrib extension the
 * worker loads, so the same statement works on both engines. Messages sent through the contact
 * page are kept for the custodian, who is notified in the task inbox.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;
    create index dataset_title_trgm_idx on dataset using gin (lower(title) gin_trgm_ops);
    create table collection (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (name ~ '^[a-z0-9-]{2,100}$'),
      title text not null check (length(title) between 1 and 200),
      title_en text not null check (length(title_en) between 1 and 200),
      description text not null default '' check (length(description) <= 5000),
      description_en text not null default '' check (length(description_en) <= 5000),
      position integer not null default 0,
      on_home boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create table collection_dataset (
      collection_id uuid not null references collection(id) on delete cascade,
      dataset_id uuid not null references dataset(id) on delete cascade,
      position integer not null default 0,
      primary key (collection_id, dataset_id)
    );
    create index collection_dataset_dataset_idx on collection_dataset (dataset_id);
    create table featured_dataset (
      dataset_id uuid primary key references dataset(id) on delete cascade,
      position integer not null default 0,
      created_at timestamptz not null default now()
    );
    create table site_page (
      slug text primary key
        check (slug in ('tentang', 'kontak', 'faq', 'privasi', 'ketentuan', 'aksesibilitas')),
      body_id text not null check (length(body_id) <= 100000),
      body_en text not null check (length(body_en) <= 100000),
      updated_at timestamptz not null default now(),
      updated_by uuid references app_user(id)
    );
    create table site_page_revision (
      id uuid primary key default gen_random_uuid(),
      slug text not null references site_page(slug) on delete cascade,
      body_id text not null,
      body_en text not null,
      saved_at timestamptz not null default now(),
      saved_by uuid references app_user(id)
    );
    create index site_page_revision_slug_idx on site_page_revision (slug, saved_at desc);
    create table contact_message (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 200),
      email text not null check (length(email) between 3 and 254),
      body text not null check (length(body) between 1 and 5000),
      locale text not null default 'id' check (locale in ('id', 'en')),
      created_at timestamptz not null default now()
    );
    create index contact_message_created_idx on contact_message (created_at desc);
  `.execute(db);
}
