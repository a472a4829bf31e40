import type { ColumnType, Generated } from 'kysely';

/** Stored read models (migration 0024): derived from other tables, never backed up. */
export interface ReadModelTables {
  package_dict: PackageDictTable;
  catalog_stamp: CatalogStampTable;
}

/** A dataset's CKAN dict as package_show returns it, with what decides whether it is current. */
export interface PackageDictTable {
  dataset_id: string;
  /** Bumped by triggers in the transaction of every change to the dataset's own rows. */
  generation: ColumnType<string, string | number | undefined, string | number>;
  built_generation: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  built_stamp: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  site_url: string | null;
  dict: ColumnType<unknown, string | undefined, string>;
}

/** One row: bumped by triggers on the tables many datasets' dicts read (agencies, topics …). */
export interface CatalogStampTable {
  id: Generated<boolean>;
  stamp: ColumnType<string, string | number | undefined, string | number>;
  /** Grows in every transaction that changes a stored dict (migration 0033). */
  content: ColumnType<string, string | number | undefined, string | number>;
}
