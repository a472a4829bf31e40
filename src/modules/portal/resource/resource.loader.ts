import { executeAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { NotFoundError } from '../../../kernel/errors.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import {
  DATASET_NOT_FOUND,
  formatBytes,
  type PackageDict,
  packageShow,
  safeHref,
} from '../../catalog/index.js';
import { loadDatastorePreviews, type PreviewData } from '../../datastore/index.js';
import { type DataApiExample, dataApiExamples } from '../domain/data-api-examples.js';
import { openColumns } from '../pages/dataset-extras.loader.js';
import { listPublishedVersions } from '../public-data.repository.js';

export interface ResourcePageView {
  dataset: PackageDict;
  resource: PackageDict['resources'][number];
  size: string;
  /** The file itself (upload or link), when its address is safe to link. */
  originalHref: string | null;
  preview: PreviewData | null;
  versions: { number: number; at: string; rows: number | null; sha256: string | null }[];
  /** Table downloads (CSV, XLSX, JSON) when the resource has a loaded table. */
  downloads: { format: string; href: string }[];
  examples: DataApiExample[];
}

/**
 * A resource page (CKAN's /dataset/{name}/resource/{id}): the dataset through package_show (a
 * hidden dataset is "not found"), the table preview as the reader may see it, the published
 * versions, downloads in every format and Data API examples.
 */
export async function loadResourcePage(
  actx: ActionContext,
  locale: Locale,
  name: string,
  resourceId: string,
  path: string,
): Promise<ResourcePageView> {
  const dataset = await executeAction(actx, packageShow, { id: name });
  const resource = dataset?.resources.find((r) => r.id === resourceId);
  if (!dataset || !resource) throw new NotFoundError(DATASET_NOT_FOUND);
  const [previews, versions] = await Promise.all([
    loadDatastorePreviews(
      actx.db,
      actx.actor,
      dataset.id,
      `${path}${path.includes('?') ? '&' : '?'}tabel=${resource.id}`,
    ),
    listPublishedVersions(actx.db, dataset.id, resource.id),
  ]);
  const preview = previews.find((p) => p.table.resource.id === resource.id) ?? null;
  const base = `/dataset/${encodeURIComponent(dataset.name)}/resource/${resource.id}`;
  return {
    dataset,
    resource,
    originalHref: resource.url ? safeHref(resource.url) : null,
    size: formatBytes(locale, resource.size === null ? null : Number(resource.size)),
    preview,
    versions: versions
      .map((v) => ({
        number: v.number,
        at: new Date(v.published_at).toISOString(),
        rows: v.row_count,
        sha256: v.sha256,
      }))
      .reverse(),
    downloads: preview
      ? ['csv', 'xlsx', 'json'].map((f) => ({ format: f.toUpperCase(), href: `${base}/download.${f}` }))
      : [],
    examples: preview
      ? dataApiExamples({
          siteUrl: actx.siteUrl ?? '',
          resourceId: resource.id,
          sqlEnabled: actx.datastoreSql === true,
          columns: openColumns(preview.table.schema),
        })
      : [],
  };
}
