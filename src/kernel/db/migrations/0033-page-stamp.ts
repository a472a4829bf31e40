import { type Kysely, sql } from 'kysely';

/**
 * The public pages' change stamp (issue #21): `catalog_stamp.content` grows by one in every
 * transaction that changes any dataset's stored dict (a generation bump, a new or deleted
 * dataset). With `catalog_stamp.stamp` (agencies, topics, standards, code lists) it keys the
 * anonymous page cache (src/kernel/http/page-cache.ts): a page cached under the stamps read at
 * the start of a request is served only while neither moved, on every instance, since the
 * stamps live in the database.
 *
 * Publications, charts, the portal's curation and site settings bump it too: the home page and
 * the portal's pages show them.
 *
 * The bump is a deferred constraint trigger, so it runs at commit, after every other lock the
 * transaction takes: one hot row updated mid-transaction would order its lock before others and
 * invite deadlocks between writers. A transaction bumps once, however many dicts it touched.
 *
 * Ingest progress (`rows_done`, `bytes_done`, written every few thousand rows) is not part of a
 * dict: those updates no longer bump the generation, so a running load does not invalidate the
 * dataset's dict or every cached page at each heartbeat.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table catalog_stamp add column content bigint not null default 1`.execute(db);
  await sql`
    create function page_stamp_bump() returns trigger language plpgsql as $$
    begin
      if current_setting('satudata.page_stamp_xact', true) is distinct from txid_current()::text then
        perform set_config('satudata.page_stamp_xact', txid_current()::text, true);
        update catalog_stamp set content = content + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create constraint trigger page_stamp_changed after update on package_dict
    deferrable initially deferred for each row
    when (old.generation is distinct from new.generation)
    execute function page_stamp_bump()`.execute(db);
  await sql`
    create constraint trigger page_stamp_added after insert or delete on package_dict
    deferrable initially deferred for each row
    execute function page_stamp_bump()`.execute(db);

  // What public pages show beside datasets: publications and charts, the portal's curation and
  // government pages, site settings (name, logo, portal switches).
  for (const table of [
    'chart',
    'chart_version',
    'publication',
    'data_book_edition',
    'collection',
    'collection_dataset',
    'featured_dataset',
    'site_page',
    'site_setting',
  ]) {
    await sql`
      create constraint trigger page_stamp_changed after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred for each row
      execute function page_stamp_bump()`.execute(db);
  }

  // A publication is public once its run reached the publishing step: a new task (not every
  // claim or comment on one) may put it on the home page.
  await sql`
    create constraint trigger page_stamp_changed after insert or delete on workflow_task
    deferrable initially deferred for each row
    execute function page_stamp_bump()`.execute(db);

  // Lock order: the dataset row, then its stored dict. A change to a child row (a resource,
  // its version, a tag) used to lock the dict first and the dataset row after (the facet arrays
  // are refreshed on it), while a write that starts from the dataset (resource_create locks it
  // FOR UPDATE, then inserts) takes them the other way: two instances ingesting into one dataset
  // deadlocked. Every path now takes the dataset row first, in id order.
  await sql`
    create or replace function package_dict_touch() returns trigger language plpgsql as $$
    declare
      ids uuid[] := '{}';
    begin
      if tg_op <> 'INSERT' then ids := ids || (to_jsonb(old) ->> tg_argv[0])::uuid; end if;
      if tg_op <> 'DELETE' then ids := ids || (to_jsonb(new) ->> tg_argv[0])::uuid; end if;
      if tg_nargs > 1 and tg_argv[1] = 'resource' then
        select coalesce(array_agg(dataset_id), '{}') into ids from resource where id = any(ids);
      end if;
      perform 1 from dataset where id = any(ids) order by id for no key update;
      update package_dict set generation = generation + 1 where dataset_id = any(ids);
      return null;
    end $$`.execute(db);

  await sql`drop trigger package_dict_touch on resource_version`.execute(db);
  await sql`
    create trigger package_dict_touch after insert or delete on resource_version
    for each row execute function package_dict_touch('resource_id', 'resource')`.execute(db);
  await sql`
    create trigger package_dict_touch_update after update on resource_version
    for each row when ((to_jsonb(old) - 'rows_done' - 'bytes_done') is distinct from (to_jsonb(new) - 'rows_done' - 'bytes_done'))
    execute function package_dict_touch('resource_id', 'resource')`.execute(db);
}
