import type { ColumnType, Generated } from 'kysely';

/**
 * Tables of the sdi area (migration 0009). Each area keeps its table interfaces in its own
 * file; `DB` in ../schema.ts extends them all.
 */

/** Klasifikasi risiko: terbuka / terbatas / tertutup. Only `open` data may ever be public. */
export type Classification = 'open' | 'restricted' | 'closed';
export const CLASSIFICATIONS: readonly Classification[] = ['open', 'restricted', 'closed'];

declare module '../schema.js' {
  interface DatasetTable {
    /** Access classification (migration 0009); a check keeps non-open datasets private. */
    classification: Generated<Classification>;
  }
}

/** A restricted dataset is readable by the agencies named here (besides its own). */
export interface DatasetAccessGrantTable {
  dataset_id: string;
  agency_id: string;
  granted_at: ColumnType<Date, Date | string | undefined, never>;
}

/** One change of the official region code edition (site_setting `region_code_edition`). */
export interface RegionCodeEditionTable {
  id: Generated<number>;
  previous_edition: unknown;
  edition: ColumnType<unknown, string, string>;
  changed_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface SdiTables {
  dataset_access_grant: DatasetAccessGrantTable;
  region_code_edition: RegionCodeEditionTable;
}
