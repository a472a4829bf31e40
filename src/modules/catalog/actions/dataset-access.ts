import type { Kysely } from 'kysely';
import { type Actor, canReadClassified, grantScope } from '../../../kernel/access/policy.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { JsonText } from '../../../kernel/actions/json-text.js';
import type { Agency, Dataset, DB } from '../../../kernel/db/schema.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { findAgenciesByIds } from '../../agencies/index.js';
import {
  findDataset,
  findDatasetsByIds,
  listGrantedAgencyIds,
  loadDatasetParts,
} from '../dataset.repository.js';
import type { SearchVisibility } from '../dataset-search.repository.js';
import { withPackageListExtras } from '../extensions.js';
import { type PackageDict, packageDict } from '../package.presenter.js';
import {
  currentCatalogStamp,
  readShowRow,
  readStoredDicts,
  readStoredDictTexts,
  storeDicts,
} from '../package-dict.repository.js';

export const DATASET_NOT_FOUND = { id: 'Dataset tidak ditemukan', en: 'Dataset not found' };

/**
 * May the actor see this dataset at all? Public active ones: everybody (only open data can be
 * public: a database check keeps restricted and closed datasets private); others: the policy.
 * Closed data never leave the producing agency and the custodian (`dataset:read_closed`);
 * restricted data are also readable by the agencies named in `grantedAgencyIds`.
 */
export function canSeeDataset(
  actor: Actor,
  d: Pick<Dataset, 'private' | 'state' | 'agency_id'> & { classification?: Dataset['classification'] },
  grantedAgencyIds: readonly string[] = [],
): boolean {
  const classification = d.classification ?? 'closed';
  if (!d.private && d.state === 'active' && classification === 'open') return true;
  const subject = { agencyId: d.agency_id };
  // A private or draft open dataset is staff-only, like restricted data without a share.
  if (classification === 'open' || d.state === 'deleted')
    return canReadClassified(actor, classification === 'closed' ? 'closed' : 'restricted', subject);
  return canReadClassified(actor, classification, { ...subject, sharedWith: grantedAgencyIds });
}

/**
 * The agencies whose share lets the actor read this dataset: loaded only when it matters (a
 * restricted dataset and an actor with an agency), else none.
 */
export async function sharesFor(
  db: Kysely<DB>,
  actor: Actor,
  d: Pick<Dataset, 'id' | 'classification'>,
): Promise<string[]> {
  return d.classification === 'restricted' && actor.agencyId ? listGrantedAgencyIds(db, d.id) : [];
}

/** Agencies a restricted dataset is shared with (dataset_access_grant). */
export async function grantedAgencies(db: Kysely<DB>, datasetId: string): Promise<string[]> {
  return listGrantedAgencyIds(db, datasetId);
}

/**
 * Load a dataset the actor may see, or throw NotFound — also when it exists but is hidden, so
 * private datasets cannot be discovered by probing names.
 */
export async function loadVisibleDataset(ctx: ActionContext, idOrName: string): Promise<Dataset> {
  const d = await findDataset(ctx.db, idOrName);
  if (!d) throw new NotFoundError(DATASET_NOT_FOUND);
  if (!canSeeDataset(ctx.actor, d, await sharesFor(ctx.db, ctx.actor, d)))
    throw new NotFoundError(DATASET_NOT_FOUND);
  return d;
}

/**
 * package_show's answer for the API as JSON text: one statement reads the dataset's policy
 * columns and its stored dict, sent as stored with the live view count; a stale dict is rebuilt
 * (and stored) as `storedPackages` does. Hidden datasets are "not found", as in loadVisibleDataset.
 */
export async function showPackageText(ctx: ActionContext, idOrName: string): Promise<JsonText> {
  const row = await readShowRow(ctx.db, idOrName, ctx.siteUrl ?? '');
  if (!row || !canSeeDataset(ctx.actor, row, await sharesFor(ctx.db, ctx.actor, row)))
    throw new NotFoundError(DATASET_NOT_FOUND);
  if (row.dict !== null)
    // Stored dicts hold no view_count (storeDicts): the live count closes the object.
    return new JsonText(withViewCount(row.dict, row.view_count), { id: row.id });
  const [dict] = await storedPackages(ctx.db, [row.id], ctx.siteUrl ?? '');
  if (!dict) throw new NotFoundError(DATASET_NOT_FOUND);
  return new JsonText(JSON.stringify(dict), { id: row.id });
}

/** The visibility a search runs with, from the policy and the caller's flags. */
export function searchVisibility(
  actor: Actor,
  flags: { includePrivate?: boolean; includeDrafts?: boolean; includeDeleted?: boolean } = {},
): SearchVisibility {
  return {
    privateScope: grantScope(actor, 'dataset:read_private'),
    closedScope: grantScope(actor, 'dataset:read_closed'),
    actorAgencyId: actor.agencyId,
    includePrivate: flags.includePrivate ?? false,
    includeDrafts: flags.includeDrafts ?? false,
    includeDeleted: flags.includeDeleted ?? false,
  };
}

/** CKAN package dicts for datasets, in the given order, with all their parts. */
export async function presentPackages(
  db: Kysely<DB>,
  datasets: Dataset[],
  siteUrl: string,
): Promise<PackageDict[]> {
  const agencyIds = [...new Set(datasets.map((d) => d.agency_id))];
  const [parts, agencyRows] = await Promise.all([
    loadDatasetParts(
      db,
      datasets.map((d) => d.id),
    ),
    // One query for every owning agency of the page (was one query per agency).
    agencyIds.length ? findAgenciesByIds(db, agencyIds) : [],
  ]);
  const agencies = new Map<string, Agency>(agencyRows.map((a) => [a.id, a]));
  return datasets.flatMap((d) => {
    const agency = agencies.get(d.agency_id);
    const p = parts.get(d.id);
    return agency && p ? [packageDict(d, agency, p, siteUrl)] : [];
  });
}

export async function presentPackagesByIds(
  db: Kysely<DB>,
  ids: string[],
  siteUrl: string,
): Promise<PackageDict[]> {
  return presentPackages(db, await findDatasetsByIds(db, ids), siteUrl);
}

/** package_show's dict: the CKAN dict with what other modules add (the conformity score). */
export type FullPackageDict = PackageDict & Record<string, unknown>;

/**
 * The full package dicts of these datasets (package_show's, with every extension's keys), in the
 * given order, read from the stored dicts (migration 0024) and rebuilt only where a change made
 * them stale; rebuilt ones are stored back. The caller has decided who may see them: the dict
 * itself is the same for every reader (its metadata hold open columns only).
 */
export async function storedPackages(
  db: Kysely<DB>,
  ids: readonly string[],
  siteUrl: string,
): Promise<FullPackageDict[]> {
  if (!ids.length) return [];
  const rows = await readStoredDicts(db, ids, siteUrl);
  const found = new Map(rows.map((r) => [r.dataset_id, r]));
  const dicts = new Map<string, FullPackageDict>();
  for (const r of rows)
    if (r.current) dicts.set(r.dataset_id, { ...(r.dict as FullPackageDict), view_count: r.view_count });
  const stale = ids.filter((id) => !dicts.has(id));
  if (stale.length) {
    // Read before the build: a stamp bumped during it leaves what is stored stale, not wrong.
    const stamp = rows[0]?.stamp ?? (await currentCatalogStamp(db));
    const built = (await withPackageListExtras(
      db,
      await presentPackagesByIds(db, stale, siteUrl),
    )) as FullPackageDict[];
    await storeDicts(
      db,
      built.map((d) => ({
        datasetId: d.id,
        generation: found.get(d.id)?.generation ?? null,
        stamp,
        dict: d,
      })),
      siteUrl,
    );
    for (const d of built) dicts.set(d.id, d);
  }
  return ids.flatMap((id) => {
    const d = dicts.get(id);
    return d ? [d] : [];
  });
}

/** A stored dict's text closed with the live view count (stored dicts hold none: storeDicts). */
function withViewCount(dict: string, viewCount: number | string): string {
  return `${dict.slice(0, -1)},"view_count":${viewCount}}`;
}

/**
 * storedPackages as JSON texts, for answers sent as they are stored (package_search's API
 * answer): current dicts are never parsed; stale ones are rebuilt and stored by storedPackages.
 * `stamps` are the catalog's change stamps the texts were read under (null without ids).
 */
export async function storedPackageTexts(
  db: Kysely<DB>,
  ids: readonly string[],
  siteUrl: string,
): Promise<{ texts: string[]; stamps: string | null }> {
  if (!ids.length) return { texts: [], stamps: null };
  const texts = new Map<string, string>();
  let stamps: string | null = null;
  for (const r of await readStoredDictTexts(db, ids, siteUrl)) {
    stamps = r.stamps;
    if (r.dict !== null) texts.set(r.dataset_id, withViewCount(r.dict, r.view_count));
  }
  const stale = ids.filter((id) => !texts.has(id));
  if (stale.length)
    for (const d of await storedPackages(db, stale, siteUrl)) texts.set(d.id, JSON.stringify(d));
  return {
    stamps,
    texts: ids.flatMap((id) => {
      const t = texts.get(id);
      return t === undefined ? [] : [t];
    }),
  };
}
