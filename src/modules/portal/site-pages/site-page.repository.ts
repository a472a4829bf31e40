import type { Kysely } from 'kysely';
import type { SitePageSlug } from '../../../kernel/db/schema/portal.js';
import type { DB } from '../../../kernel/db/schema.js';

/** SQL of the government pages: the current Markdown and every saved revision. */

export async function findSitePage(db: Kysely<DB>, slug: SitePageSlug) {
  return db.selectFrom('site_page').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Save a page's Markdown and keep the saved text as a revision (both in the caller's transaction). */
export async function saveSitePage(
  db: Kysely<DB>,
  row: { slug: SitePageSlug; body_id: string; body_en: string; actorId: string | null },
) {
  const values = { body_id: row.body_id, body_en: row.body_en, updated_by: row.actorId };
  await db
    .insertInto('site_page')
    .values({ slug: row.slug, ...values })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
  return db
    .insertInto('site_page_revision')
    .values({ slug: row.slug, body_id: row.body_id, body_en: row.body_en, saved_by: row.actorId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A page's revisions, newest first, with who saved them. */
export async function listSitePageRevisions(db: Kysely<DB>, slug: SitePageSlug, limit = 50) {
  return db
    .selectFrom('site_page_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.saved_by')
    .select(['r.id', 'r.saved_at', 'r.body_id', 'r.body_en', 'u.username'])
    .where('r.slug', '=', slug)
    .orderBy('r.saved_at', 'desc')
    .limit(limit)
    .execute();
}
