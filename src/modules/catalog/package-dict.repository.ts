import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** A stored dict row with what decides whether it is still current (migration 0024). */
export interface StoredDictRow {
  dataset_id: string;
  generation: string;
  current: boolean;
  dict: unknown;
  view_count: number;
  stamp: string;
}

/**
 * The stored dicts of these datasets, each marked current or not, with the live view count
 * (kept out of the stored dict so a page view does not make it stale) and the catalog stamp the
 * rebuild must record. One indexed statement.
 */
export async function readStoredDicts(
  db: Kysely<DB>,
  ids: readonly string[],
  siteUrl: string,
): Promise<StoredDictRow[]> {
  if (!ids.length) return [];
  const r = await sql<StoredDictRow>`
    select p.dataset_id, p.generation::text as generation, d.view_count, s.stamp::text as stamp,
      (p.built_generation = p.generation and p.built_stamp = s.stamp and p.site_url = ${siteUrl}) as current,
      case when p.built_generation = p.generation and p.built_stamp = s.stamp and p.site_url = ${siteUrl}
        then p.dict end as dict
    from package_dict p
    join dataset d on d.id = p.dataset_id
    cross join catalog_stamp s
    where p.dataset_id = any(${sql.val(ids)}::uuid[])`.execute(db);
  return r.rows;
}

export async function currentCatalogStamp(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ stamp: string }>`select stamp::text as stamp from catalog_stamp`.execute(db);
  return r.rows[0]?.stamp ?? '0';
}

/**
 * Store rebuilt dicts, each only if its dataset's generation is still the one read before the
 * build: a change committed meanwhile bumped it, and the older build is dropped (the next read
 * rebuilds). A dataset without a row (restored before the triggers existed) gets one.
 */
export async function storeDicts(
  db: Kysely<DB>,
  rows: { datasetId: string; generation: string | null; stamp: string; dict: unknown }[],
  siteUrl: string,
): Promise<void> {
  if (!rows.length) return;
  const payload = JSON.stringify(
    rows.map((r) => ({ id: r.datasetId, g: r.generation, s: r.stamp, dict: r.dict })),
  );
  await sql`
    insert into package_dict as p (dataset_id, generation, built_generation, built_stamp, site_url, dict)
    select v.id, coalesce(v.g, 1), coalesce(v.g, 1), v.s, ${siteUrl}, v.dict
    from json_to_recordset(${payload}::json) as v(id uuid, g bigint, s bigint, dict json)
    join dataset d on d.id = v.id
    on conflict (dataset_id) do update
      set built_generation = excluded.built_generation, built_stamp = excluded.built_stamp,
        site_url = excluded.site_url, dict = excluded.dict
      where p.generation = excluded.generation`.execute(db);
}
