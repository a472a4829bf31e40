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
import { listSameIndicatorDatasets } from './related-indicator.repository.js';

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

export type RelatedReason = 'indicator' | 'standard' | 'topic' | 'tag' | 'agency';

/** At most this many related datasets on a dataset page. */
const RELATED_SHOWN = 5;

export interface RelatedDatasetView extends CuratedDatasetView {
  /** Why it is related: same indicator or data standard first, then topic, tag, agency. */
  reasons: RelatedReason[];
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

/**
 * Related public datasets of a dataset, with the reasons they are related: those presenting the
 * same indicator or following the same data standard first, then those sharing topics, tags or
 * the agency; a dataset related both ways is listed once with every reason.
 */
export async function loadRelated(db: Kysely<DB>, datasetId: string): Promise<RelatedDatasetView[]> {
  const [byIndicator, byTopic] = await Promise.all([
    listSameIndicatorDatasets(db, datasetId, RELATED_SHOWN),
    listRelatedDatasets(db, datasetId, RELATED_SHOWN),
  ]);
  const out = new Map<string, RelatedDatasetView>();
  const add = (r: { name: string; title: string; agency_name: string }, reasons: RelatedReason[]) => {
    const seen = out.get(r.name);
    if (seen) seen.reasons.push(...reasons);
    else out.set(r.name, { name: r.name, title: r.title, agency: r.agency_name, reasons });
  };
  for (const r of byIndicator)
    add(r, [
      ...(r.same_indicator ? (['indicator'] as const) : []),
      ...(r.same_standard ? (['standard'] as const) : []),
    ]);
  for (const r of byTopic)
    add(r, [
      ...(r.topics > 0 ? (['topic'] as const) : []),
      ...(r.tags > 0 ? (['tag'] as const) : []),
      ...(r.same_agency ? (['agency'] as const) : []),
    ]);
  return [...out.values()].slice(0, RELATED_SHOWN);
}
