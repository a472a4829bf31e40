/** Tags, formats and resources of public, active datasets, for CKAN's search and autocomplete reads. */
import { type Kysely, sql } from 'kysely';
import type { DB, Resource } from '../../kernel/db/schema.js';

const like = (text: string) => `%${text.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;

/** Whether a public, active dataset carries the tag (tag_show finds only those). */
export async function publicTagExists(db: Kysely<DB>, tag: string): Promise<boolean> {
  const r = await db
    .selectFrom('dataset_tag')
    .innerJoin('dataset', 'dataset.id', 'dataset_tag.dataset_id')
    .select('dataset_tag.tag')
    .where('dataset_tag.tag', '=', tag)
    .where('dataset.private', '=', false)
    .where('dataset.state', '=', 'active')
    .executeTakeFirst();
  return r !== undefined;
}

/** Distinct public tags matching every term, a page of them and how many match. */
export async function searchPublicTags(
  db: Kysely<DB>,
  terms: string[],
  page: { limit: number; offset: number },
): Promise<{ count: number; names: string[] }> {
  let q = db
    .selectFrom('dataset_tag')
    .innerJoin('dataset', 'dataset.id', 'dataset_tag.dataset_id')
    .where('dataset.private', '=', false)
    .where('dataset.state', '=', 'active');
  for (const t of terms) q = q.where(sql`lower(dataset_tag.tag)`, 'like', like(t));
  const [count, rows] = await Promise.all([
    q.select(sql<number>`count(distinct dataset_tag.tag)::int`.as('n')).executeTakeFirst(),
    q
      .select('dataset_tag.tag')
      .distinct()
      .orderBy('dataset_tag.tag')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { count: Number(count?.n ?? 0), names: rows.map((r) => r.tag) };
}

/** Resource formats containing `text`, most used first, lower case (as CKAN answers). */
export async function matchFormats(db: Kysely<DB>, text: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('resource')
    .innerJoin('dataset', 'dataset.id', 'resource.dataset_id')
    .select([sql<string>`lower(resource.format)`.as('format'), sql<number>`count(*)::int`.as('n')])
    .where('resource.state', '=', 'active')
    .where('dataset.private', '=', false)
    .where('dataset.state', '=', 'active')
    .where('resource.format', '!=', '')
    .where(sql`lower(resource.format)`, 'like', like(text))
    .groupBy(sql`lower(resource.format)`)
    .orderBy('n', 'desc')
    .orderBy('format')
    .limit(limit)
    .execute();
  return rows.map((r) => r.format);
}

export const RESOURCE_SEARCH_FIELDS = ['name', 'description', 'format', 'url', 'mimetype', 'hash'] as const;
export type ResourceSearchField = (typeof RESOURCE_SEARCH_FIELDS)[number];

/** Active resources of public datasets whose fields contain the terms (case-insensitive). */
export async function searchPublicResources(
  db: Kysely<DB>,
  terms: { field: ResourceSearchField; text: string }[],
  page: { limit: number | undefined; offset: number; orderBy: ResourceSearchField | undefined },
): Promise<{ count: number; rows: Resource[] }> {
  let q = db
    .selectFrom('resource')
    .innerJoin('dataset', 'dataset.id', 'resource.dataset_id')
    .where('resource.state', '=', 'active')
    .where('dataset.private', '=', false)
    .where('dataset.state', '=', 'active');
  for (const t of terms)
    q = q.where(sql`lower(coalesce(${sql.ref(`resource.${t.field}`)}, ''))`, 'like', like(t.text));
  const count = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
  let rows = q
    .selectAll('resource')
    .orderBy(sql.ref(`resource.${page.orderBy ?? 'id'}`))
    .offset(page.offset);
  if (page.limit !== undefined) rows = rows.limit(page.limit);
  return { count: Number(count?.n ?? 0), rows: await rows.execute() };
}
