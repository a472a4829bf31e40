import { can } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { NotFoundError } from '../../../kernel/errors.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import { findRegionNames, titleCaseRegion } from '../../agencies/index.js';
import {
  DATASET_NOT_FOUND,
  type DatasetView,
  FREQUENCIES,
  formatBytes,
  formatPeriod,
  listRevisions,
  packageShow,
  paragraphs,
  type RevisionView,
  safeHref,
} from '../../catalog/index.js';
import { loadDatastorePreviews, type PreviewData } from '../../datastore/index.js';
import { type HistoryInstance, loadWorkflowHistory } from '../../verification/index.js';
import { topicTitles } from './dataset-search.page.js';

/** The dataset page's view: the catalog's view plus the staff-only workflow history. */
export type DatasetPageView = DatasetView & {
  workflowHistory: HistoryInstance[] | null;
  /** The table previews of resources with a loaded table (the page's query picks their state). */
  datastorePreviews: PreviewData[];
};

/** Links to this site's own files become paths, so they work whatever host the page is read on. */
function localHref(url: string, siteUrl: string): string | null {
  if (siteUrl && url.startsWith(`${siteUrl}/`)) return url.slice(siteUrl.length);
  return safeHref(url);
}

/** A revision names at most this many changed fields (a create changes all of them). */
const MAX_FIELDS_SHOWN = 8;

function revisionView(r: Awaited<ReturnType<typeof listRevisions>>[number]): RevisionView {
  const changes = (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as Record<
    string,
    unknown
  >;
  const isResource = r.action.startsWith('resource_');
  return {
    at: new Date(r.at).toISOString(),
    actor: r.actor_name,
    action: r.action,
    fields: isResource
      ? [String(changes.name ?? '')].filter(Boolean)
      : Object.keys(changes ?? {}).slice(0, MAX_FIELDS_SHOWN),
  };
}

/**
 * Load a dataset page through `package_show`: a dataset the reader may not see is "not found",
 * exactly as over the API. Revisions are added only for staff the policy lets read the agency's
 * private datasets.
 */
export async function loadDatasetPage(
  actx: ActionContext,
  locale: Locale,
  name: string,
  siteUrl: string,
  /** The requested path with its query string (the table previews' paging, sort and filter). */
  path = '',
): Promise<DatasetPageView> {
  const dict = await executeAction(actx, packageShow, { id: name });
  if (!dict) throw new NotFoundError(DATASET_NOT_FOUND);
  const mayReadHistory = can(actx.actor, 'dataset:read_private', { agencyId: dict.owner_org });
  const [titles, regions, revisions, workflowHistory, datastorePreviews] = await Promise.all([
    topicTitles(actx, locale),
    findRegionNames(actx.db, dict.spatial),
    mayReadHistory ? listRevisions(actx.db, dict.id, 30) : Promise.resolve(null),
    loadWorkflowHistory(actx.db, actx.actor, dict),
    loadDatastorePreviews(actx.db, actx.actor, dict.id, path),
  ]);
  const resources = dict.resources.map((r) => ({
    id: r.id,
    name: r.name || r.format || r.id,
    description: r.description,
    format: r.format.toUpperCase(),
    size: formatBytes(locale, r.size === null ? null : Number(r.size)),
    href: r.url ? localHref(r.url, siteUrl) : null,
    isUpload: r.url_type === 'upload',
    downloads: Number(r.download_count),
  }));
  const regionNames = new Map(
    regions.map((r) => [r.code, r.name === r.name.toUpperCase() ? titleCaseRegion(r.name) : r.name]),
  );
  const frequency = dict.update_frequency
    ? FREQUENCIES[dict.update_frequency as keyof typeof FREQUENCIES]
    : undefined;
  return {
    dict,
    paragraphs: paragraphs(dict.notes),
    resources,
    topics: dict.groups.map((g) => ({ name: g.name, title: titles.get(g.name) ?? g.title })),
    spatial: [...regionNames.values()],
    regionNames,
    frequency: frequency ? frequency[locale] : (dict.update_frequency ?? ''),
    temporal: formatPeriod(locale, dict.temporal_start, dict.temporal_end),
    // The view being served counts too (the route adds it after this load).
    views: Number(dict.view_count) + 1,
    downloads: resources.reduce((n, r) => n + r.downloads, 0),
    isPrivate: dict.private,
    isDraft: dict.state === 'draft',
    revisions: revisions ? revisions.map(revisionView) : null,
    workflowHistory,
    datastorePreviews,
  };
}
