import { type Kysely, sql } from 'kysely';
import { PREPARED_MARK } from '../../kernel/db/database.js';
import { pageStamps } from '../../kernel/db/page-stamp.repository.js';
import type { Dataset, DB } from '../../kernel/db/schema.js';
import { isDatasetId } from './dataset.repository.js';

/**
 * Whether the stored dict `p` is current: built from its dataset's present generation, at the
 * catalog stamp `s` now holds, for this site's URL.
 */
const isCurrent = (siteUrl: string) =>
  sql<boolean>`p.built_generation = p.generation and p.built_stamp = s.stamp and p.site_url = ${siteUrl}`;

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
  const r = await sql<StoredDictRow>`${sql.raw(PREPARED_MARK)}
    select p.dataset_id, p.generation::text as generation, d.view_count, s.stamp::text as stamp,
      (${isCurrent(siteUrl)}) as current, case when ${isCurrent(siteUrl)} then p.dict end as dict
    from package_dict p
    join dataset d on d.id = p.dataset_id
    cross join catalog_stamp s
    where p.dataset_id = any(${sql.val(ids)}::uuid[])`.execute(db);
  return r.rows;
}

/**
 * The stored dicts of these datasets as JSON text (package_search's answer, sent as stored), with
 * the live view count; a stale or missing one comes back with `dict` null for the caller to
 * rebuild, and the catalog's change stamps the rows were read under (as readPageStamps: the public
 * search index checks its answer against them). One indexed statement, prepared.
 */
export async function readStoredDictTexts(
  db: Kysely<DB>,
  ids: readonly string[],
  siteUrl: string,
): Promise<{ dataset_id: string; view_count: number; dict: string | null; stamps: string }[]> {
  if (!ids.length) return [];
  const r = await sql<{
    dataset_id: string;
    view_count: number;
    dict: string | null;
    stamps: string;
  }>`${sql.raw(PREPARED_MARK)}
    select p.dataset_id, d.view_count, case when ${isCurrent(siteUrl)} then p.dict::text end as dict,
      ${pageStamps('s')} as stamps
    from package_dict p
    join dataset d on d.id = p.dataset_id
    cross join catalog_stamp s
    where p.dataset_id = any(${sql.val(ids)}::uuid[])`.execute(db);
  return r.rows;
}

/** One dataset as package_show reads it: what the policy decides on, and its stored dict. */
export interface ShowRow {
  id: string;
  agency_id: string;
  private: boolean;
  state: Dataset['state'];
  classification: Dataset['classification'];
  view_count: number;
  generation: string | null;
  stamp: string;
  /** The stored dict's JSON text when it is current, else null (the caller rebuilds it). */
  dict: string | null;
}

/**
 * package_show's one statement (issue #21): the dataset's policy columns and its stored dict as
 * text, by id or by name, prepared per connection. The dict stays text: it is sent as it is
 * stored, never parsed and serialized again on the way out.
 */
export async function readShowRow(
  db: Kysely<DB>,
  idOrName: string,
  siteUrl: string,
): Promise<ShowRow | undefined> {
  const where = isDatasetId(idOrName) ? sql`d.id = ${idOrName}::uuid` : sql`d.name = ${idOrName}`;
  const r = await sql<ShowRow>`${sql.raw(PREPARED_MARK)}
    select d.id, d.agency_id, d.private, d.state, d.classification, d.view_count,
      p.generation::text as generation, s.stamp::text as stamp,
      case when ${isCurrent(siteUrl)} then p.dict::text end as dict
    from dataset d
    left join package_dict p on p.dataset_id = d.id
    cross join catalog_stamp s
    where ${where}`.execute(db);
  return r.rows[0];
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
  // The view count is live (dataset.view_count, read beside the dict): a stored copy would only
  // be stale, and package_show closes the stored text with the live one.
  const payload = JSON.stringify(
    rows.map((r) => ({ id: r.datasetId, g: r.generation, s: r.stamp, dict: withoutViewCount(r.dict) })),
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

function withoutViewCount(dict: unknown): unknown {
  if (!dict || typeof dict !== 'object') return dict;
  const { view_count: _live, ...rest } = dict as Record<string, unknown>;
  return rest;
}
