import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import { renderMarkdown } from '../domain/markdown.js';
import { SITE_PAGE_DEFAULTS, SITE_PAGE_TITLES, type SitePageSlugName } from '../domain/site-pages.js';
import { findSitePage } from './site-page.repository.js';

export interface SitePageView {
  slug: SitePageSlugName;
  title: string;
  /** Sanitised HTML from the page's Markdown. */
  html: string;
  updatedAt: Date | null;
}

/** A government page in the reader's language: the custodian's text, else the starting text. */
export async function loadSitePage(
  db: Kysely<DB>,
  locale: Locale,
  slug: SitePageSlugName,
  regionName: string,
): Promise<SitePageView> {
  const row = await findSitePage(db, slug);
  const markdown = row ? (locale === 'en' ? row.body_en : row.body_id) : SITE_PAGE_DEFAULTS[slug][locale];
  return {
    slug,
    title: SITE_PAGE_TITLES[slug][locale],
    html: renderMarkdown(markdown.replaceAll('{region}', regionName)),
    updatedAt: row ? new Date(row.updated_at) : null,
  };
}
