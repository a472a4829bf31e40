import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { listPublishedForCatalog } from './publication.repository.js';

/** A published publication as a catalog lists it (DCAT): its words, publisher, data and files. */
export interface CatalogPublication {
  name: string;
  kind: 'infographic' | 'presentation' | 'report' | 'book';
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  issued: Date;
  modified: Date;
  agency: { code: string; name: string } | null;
  /** The topic's name (a catalog group). */
  topic: string | null;
  /** Ids of the public datasets its charts show. */
  datasetIds: string[];
  /** Downloadable forms, by path under the site (the book PDF, chart images, uploaded files). */
  distributions: { path: string; title: string; mediaType: string }[];
}

/**
 * Published publications for the DCAT catalog (linked-data reads them through index.ts).
 * Only publications the approval chain has published: drafts and those in review never appear.
 */
export async function catalogPublications(db: Kysely<DB>): Promise<CatalogPublication[]> {
  const rows = await listPublishedForCatalog(db);
  return rows.flatMap(({ publication: p, agencyCode, topicName, datasetIds, hasEdition }) => {
    if (!p.published_at) return [];
    const distributions: CatalogPublication['distributions'] = [];
    if (p.kind === 'book' && hasEdition)
      distributions.push({
        path: `/publikasi/${p.name}.pdf`,
        title: `${p.title} (PDF)`,
        mediaType: 'application/pdf',
      });
    for (const c of p.chart_ids) {
      distributions.push({ path: `/grafik/${c}.svg`, title: `${c} (SVG)`, mediaType: 'image/svg+xml' });
      distributions.push({ path: `/grafik/${c}.png`, title: `${c} (PNG)`, mediaType: 'image/png' });
    }
    return [
      {
        name: p.name,
        kind: p.kind,
        title: p.title,
        titleEn: p.title_en,
        description: p.narrative || p.title,
        descriptionEn: p.narrative_en,
        issued: p.published_at,
        modified: p.updated_at > p.published_at ? p.updated_at : p.published_at,
        agency: agencyCode && p.agency_name ? { code: agencyCode, name: p.agency_name } : null,
        topic: topicName,
        datasetIds,
        distributions,
      },
    ];
  });
}
