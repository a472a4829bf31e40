import { type Kysely, sql } from 'kysely';

/**
 * Reference code lists (Kode Referensi) an administrator defines, with versioned items.
 * Table Schema foreign keys point at them as `codelist:<name>` (and at `region` as
 * `region:province|regency|district|village`).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table code_list (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (name ~ '^[a-z0-9_-]{2,100}$'),
      title text not null check (length(title) between 1 and 300),
      title_en text,
      description text not null default '',
      description_en text,
      source text,
      version integer not null default 1 check (version >= 1),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table code_list_item (
      code_list_id uuid not null references code_list(id) on delete cascade,
      code text not null check (length(code) between 1 and 100),
      label text not null check (length(label) between 1 and 500),
      label_en text,
      parent_code text,
      position integer not null default 0,
      added_in_version integer not null default 1,
      retired_in_version integer,
      primary key (code_list_id, code)
    );
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table code_list_item; drop table code_list;`.execute(db);
}
