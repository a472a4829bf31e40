import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import { NotFoundError } from '../../../kernel/errors.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import {
  findCollection,
  listAllKeyIndicators,
  listCollectionDatasets,
  listCollections,
  listFeatured,
  listIndicatorSources,
} from '../collections/curation.repository.js';
import { SITE_PAGE_DEFAULTS, type SitePageSlugName } from '../domain/site-pages.js';
import { listContactMessages } from '../site-pages/contact.repository.js';
import { findSitePage, listSitePageRevisions } from '../site-pages/site-page.repository.js';
import type { CollectionFormValues } from './collection-form.page.js';
import type { CurationAdminView } from './curation-admin.page.js';
import type { IndicatorFormValues } from './indicator-form.page.js';

const schemaOf = (s: unknown) => (typeof s === 'string' ? JSON.parse(s) : s) as TableSchema | null;

/** The curation overview: every collection, the featured list, key indicators, candidate tables. */
export async function loadCurationAdmin(db: Kysely<DB>, locale: Locale): Promise<CurationAdminView> {
  const [collections, featured, indicators, sources] = await Promise.all([
    listCollections(db),
    listFeatured(db, { publicOnly: false }),
    listAllKeyIndicators(db),
    listIndicatorSources(db),
  ]);
  return {
    collections: collections.map((k) => ({
      name: k.name,
      title: locale === 'en' ? k.title_en : k.title,
      count: Number(k.public_count ?? 0),
    })),
    featured: featured.map((d) => d.name).join('\n'),
    indicators: indicators.map((k) => ({
      name: k.name,
      title: locale === 'en' ? k.title_en : k.title,
      dataset: k.dataset_title,
      featured: k.featured,
    })),
    sources: sources.map((s) => ({
      id: s.id,
      label: `${s.dataset_title} — ${s.name}`,
      columns: (schemaOf(s.table_schema)?.fields ?? []).map((f) => f.name),
    })),
  };
}

/** A collection's form values as stored (every member, public or not). */
export async function loadCollectionForm(db: Kysely<DB>, name: string): Promise<CollectionFormValues> {
  const c = await findCollection(db, name);
  if (!c) throw new NotFoundError({ id: 'Koleksi tidak ditemukan', en: 'Collection not found' });
  const members = await listCollectionDatasets(db, c.id, { publicOnly: false });
  return {
    name: c.name,
    title: c.title,
    title_en: c.title_en,
    description: c.description,
    description_en: c.description_en,
    position: String(c.position),
    on_home: c.on_home,
    datasets: members.map((d) => d.name).join('\n'),
  };
}

/** A key indicator's form values, or null for a name not saved yet. */
export async function loadIndicatorForm(db: Kysely<DB>, name: string): Promise<IndicatorFormValues | null> {
  const k = (await listAllKeyIndicators(db)).find((r) => r.name === name);
  if (!k) return null;
  return {
    name: k.name,
    title: k.title,
    title_en: k.title_en,
    resource_id: k.resource_id,
    period_field: k.period_field,
    value_field: k.value_field,
    unit: k.unit,
    definition: k.definition,
    position: String(k.position),
    featured: k.featured,
  };
}

/** A government page's Markdown (or its starting text) and its revisions. */
export async function loadSitePageForm(db: Kysely<DB>, slug: SitePageSlugName) {
  const [row, revisions] = await Promise.all([findSitePage(db, slug), listSitePageRevisions(db, slug)]);
  return {
    values: {
      body_id: row?.body_id ?? SITE_PAGE_DEFAULTS[slug].id,
      body_en: row?.body_en ?? SITE_PAGE_DEFAULTS[slug].en,
    },
    revisions: revisions.map((r) => ({
      at: new Date(r.saved_at).toISOString().slice(0, 16).replace('T', ' '),
      user: r.username ?? '—',
    })),
  };
}

/** The contact page's messages for the custodian, newest first. */
export async function loadContactInbox(db: Kysely<DB>) {
  return (await listContactMessages(db)).map((m) => ({
    name: m.name,
    email: m.email,
    body: m.body,
    at: new Date(m.created_at).toISOString().slice(0, 16).replace('T', ' '),
  }));
}
