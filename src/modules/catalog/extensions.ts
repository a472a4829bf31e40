/**
 * The catalog's extension points, as CKAN's plugin interfaces (IPackageController) are: modules
 * above the catalog fill them in their `install()` (src/modules.ts calls it), so the catalog
 * shows what they add without importing them.
 */
import type { Kysely } from 'kysely';
import type { FormValues } from '../../kernel/db/schema/metadata.js';
import type { Dataset, DB } from '../../kernel/db/schema.js';
import type { DatasetParts } from './dataset.repository.js';

/** The statistical metadata package_show carries under `sdi_metadata` (filled by metadata). */
export interface SdiMetadataDict {
  data_standard: {
    id: string;
    name: string;
    title: string;
    version: number;
    concept: string;
    definition: string;
    classification: string;
    measure: string;
    unit: string;
    source_kind: string;
    source_reference: string;
    sdsn_code: string | null;
  } | null;
  statistical_activity: {
    id: string;
    title: string;
    activity_code: string | null;
    recommendation_status: string;
    recommendation_number: string | null;
    recommendation_date: string | null;
    ms_keg: FormValues;
  } | null;
  /** MS-Var of the open columns only: this dict reaches the public. */
  variables: { resource_id: string; name: string; ms_var: FormValues }[];
  indicators: { id: string; name: string; ms_ind: FormValues }[];
}

const EMPTY_SDI_METADATA: SdiMetadataDict = {
  data_standard: null,
  statistical_activity: null,
  variables: [],
  indicators: [],
};

interface CatalogExtensions {
  /** Shapes `sdi_metadata` from a dataset and its loaded parts (synchronous: search lists use it). */
  sdiMetadata?: (d: Dataset, parts: DatasetParts) => SdiMetadataDict;
  /** Extra top-level keys of package_show (they may cost queries). */
  packageShowExtras: ((db: Kysely<DB>, datasetId: string) => Promise<Record<string, unknown>>)[];
  /**
   * The same keys for a page of datasets at once (package_search, whose dicts CKAN makes equal
   * to package_show's): one call per page, keyed by dataset id.
   */
  packageListExtras: ((
    db: Kysely<DB>,
    datasetIds: string[],
  ) => Promise<Map<string, Record<string, unknown>>>)[];
}

const extensions: CatalogExtensions = { packageShowExtras: [], packageListExtras: [] };

/** The metadata module shapes `sdi_metadata`. */
export function provideSdiMetadata(fn: NonNullable<CatalogExtensions['sdiMetadata']>): void {
  extensions.sdiMetadata = fn;
}

/** Add keys to package_show's result (the conformity score, for one). */
export function addPackageShowExtra(fn: CatalogExtensions['packageShowExtras'][number]): void {
  extensions.packageShowExtras.push(fn);
}

/** Add the same keys to a page of search results, computed for the page at once. */
export function addPackageListExtra(fn: CatalogExtensions['packageListExtras'][number]): void {
  extensions.packageListExtras.push(fn);
}

export function sdiMetadataOf(d: Dataset, parts: DatasetParts): SdiMetadataDict {
  return extensions.sdiMetadata?.(d, parts) ?? EMPTY_SDI_METADATA;
}

export async function packageShowExtras(db: Kysely<DB>, datasetId: string): Promise<Record<string, unknown>> {
  const extras: Record<string, unknown> = {};
  for (const fn of extensions.packageShowExtras) Object.assign(extras, await fn(db, datasetId));
  return extras;
}

/** Each dict with the keys package_show would add to it (batched per extension). */
export async function withPackageListExtras<T extends { id: string }>(
  db: Kysely<DB>,
  dicts: T[],
): Promise<T[]> {
  if (!dicts.length) return dicts;
  const ids = dicts.map((d) => d.id);
  const maps = await Promise.all(extensions.packageListExtras.map((fn) => fn(db, ids)));
  return dicts.map((d) => Object.assign({}, d, ...maps.map((m) => m.get(d.id) ?? {})) as T);
}
