import { type Kysely, sql } from 'kysely';

/**
 * A publication's files (issue #15 item 2): an uploaded image or PDF, or an infographic
 * generated from saved charts (SVG and PNG). Each row belongs to one version of the
 * publication; a new version carries the files it keeps as new rows, so every version keeps
 * the files it had. The bytes live in the file store (`storage_key`).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table publication_file (
      id uuid primary key default gen_random_uuid(),
      publication_id uuid not null references publication(id) on delete cascade,
      version integer not null,
      file_name text not null,
      content_type text not null check (content_type in
        ('image/png', 'image/jpeg', 'image/webp', 'image/svg+xml', 'application/pdf')),
      origin text not null check (origin in ('upload', 'generated')),
      storage_key text not null,
      size integer not null,
      hash text not null,
      position integer not null default 0,
      created_by uuid references app_user(id) on delete set null,
      created_at timestamptz not null default now(),
      unique (publication_id, version, file_name)
    )`.execute(db);
  await sql`create index publication_file_version on publication_file (publication_id, version)`.execute(db);
  // Public pages (the home page, /publikasi) may show a publication's image.
  await sql`
    create constraint trigger page_stamp_changed after insert or update or delete on publication_file
    deferrable initially deferred for each row
    execute function page_stamp_bump()`.execute(db);
}
