import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import type { PackageDict } from '../../catalog/index.js';
import { type ChangeEntry, changeLog } from '../domain/change-log.js';
import { type Citation, citation } from '../domain/citation.js';
import { portalText } from '../portal.messages.js';
import { listMetadataEdits, listPublishedVersions } from '../public-data.repository.js';

/** Open column names of a stored schema: the public log never names a withheld column. */
export function openColumns(schema: unknown): string[] {
  const s = (typeof schema === 'string' ? JSON.parse(schema) : schema) as TableSchema | null;
  return (s?.fields ?? []).filter((f) => (f['x-classification'] ?? 'open') === 'open').map((f) => f.name);
}

export interface DatasetExtras {
  changes: ChangeEntry[];
  citation: Citation;
  /** The version the citation names: the dataset's own, else the newest table version. */
  version: string;
  /** The page's absolute URL on SITE_URL (citation and share links). */
  url: string;
}

/**
 * The public extras of a dataset page: its change log and its citation. Only for a dataset the
 * public sees (the caller checks), since the log reads versions and edits without a policy.
 */
export async function loadDatasetExtras(
  db: Kysely<DB>,
  locale: Locale,
  dict: PackageDict,
  publisher: string,
  siteUrl: string,
): Promise<DatasetExtras> {
  const [versions, edits] = await Promise.all([
    listPublishedVersions(db, dict.id),
    listMetadataEdits(db, dict.id),
  ]);
  const changes = changeLog(
    versions.map((v) => ({
      resourceId: v.resource_id,
      resourceName: v.resource_name,
      number: v.number,
      rowCount: v.row_count,
      columns: openColumns(v.table_schema),
      at: new Date(v.published_at),
    })),
    edits.map((e) => ({
      at: new Date(e.at),
      fields: Object.keys((typeof e.changes === 'string' ? JSON.parse(e.changes) : e.changes) ?? {}),
    })),
  );
  const newest = versions.at(-1);
  const version = dict.version || (newest ? String(newest.number) : '');
  const url = `${siteUrl}/dataset/${encodeURIComponent(dict.name)}`;
  const accessed = new Date().toISOString().slice(0, 10);
  const cite = citation(
    {
      agency: dict.organization.title,
      title: dict.title,
      name: dict.name,
      version,
      date: dict.metadata_modified ?? '',
      publisher,
      url,
      accessed,
    },
    {
      version: portalText(locale, 'cite.version', { version }),
      accessed: portalText(locale, 'cite.accessed', { date: accessed }),
    },
  );
  return { changes, citation: cite, version, url };
}
