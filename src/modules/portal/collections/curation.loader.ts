import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import { NotFoundError } from '../../../kernel/errors.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import {
  type CuratedDatasetRow,
  findCollection,
  listCollectionDatasets,
  listCollections,
  listFeatured,
} from './curation.repository.js';
import { listRelatedDatasets } from './related.repository.js';

export interface CuratedDatasetView {
  name: string;
  title: string;
  agency: string;
}

export interface CollectionCardView {
  name: string;
  title: string;
  description: string;
  count: number;
}

export interface CollectionPageView extends CollectionCardView {
  datasets: CuratedDatasetView[];
}

export interface RelatedDatasetView extends CuratedDatasetView {
  /** Why it is related: topic, tag, agency. */
  reasons: ('topic' | 'tag' | 'agency')[];
}

const NOT_FOUND = { id: 'Koleksi tidak ditemukan', en: 'Collection not found' };

const datasetView = (r: CuratedDatasetRow): CuratedDatasetView => ({
  name: r.name,
  title: r.title,
  agency: r.agency_name,
});

/** The collections as the public sees them (counts of public datasets only), in the custodian's order. */
export async function loadCollections(
  db: Kysely<DB>,
  locale: Locale,
  opts: { onHomeOnly?: boolean } = {},
): Promise<CollectionCardView[]> {
  const rows = await listCollections(db, opts);
  return rows.map((c) => ({
    name: c.name,
    title: locale === 'en' ? c.title_en : c.title,
    description: locale === 'en' ? c.description_en || c.description : c.description,
    count: Number(c.public_count ?? 0),
  }));
}

/** One collection's page: its public, active datasets only. */
export async function loadCollection(
  db: Kysely<DB>,
  locale: Locale,
  name: string,
): Promise<CollectionPageView> {
  const c = await findCollection(db, name);
  if (!c) throw new NotFoundError(NOT_FOUND);
  const datasets = (await listCollectionDatasets(db, c.id, { publicOnly: true })).map(datasetView);
  return {
    name: c.name,
    title: locale === 'en' ? c.title_en : c.title,
    description: locale === 'en' ? c.description_en || c.description : c.description,
    count: datasets.length,
    datasets,
  };
}

/** The featured datasets the public sees. */
export async function loadFeatured(db: Kysely<DB>): Promise<CuratedDatasetView[]> {
  return (await listFeatured(db, { publicOnly: true })).map(datasetView);
}

/** Related public datasets of a dataset, with the reasons they are related. */
export async function loadRelated(db: Kysely<DB>, datasetId: string): Promise<RelatedDatasetView[]> {
  return (await listRelatedDatasets(db, datasetId)).map((r) => ({
    name: r.name,
    title: r.title,
    agency: r.agency_name,
    reasons: [
      ...(r.topics > 0 ? (['topic'] as const) : []),
      ...(r.tags > 0 ? (['tag'] as const) : []),
      ...(r.same_agency ? (['agency'] as const) : []),
    ],
  }));
}
