import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/**
 * Reference code lists (Kode Referensi) an administrator defines: sectors, education levels,
 * commodity codes… Official region codes live in `region`, not here. A list has a current
 * version; every change to its items bumps it and keeps the old items (retired_in_version).
 */
export interface CodeListTable {
  id: Generated<string>;
  /** URL name, e.g. `jenjang-pendidikan`; Table Schema foreign keys point at `codelist:<name>`. */
  name: string;
  title: string;
  title_en: string | null;
  description: Generated<string>;
  description_en: string | null;
  /** Who issues the list: BPS, a ministry, the region. */
  source: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CodeListItemTable {
  code_list_id: string;
  code: string;
  label: string;
  label_en: string | null;
  /** For hierarchical lists (KBLI section → division …). */
  parent_code: string | null;
  position: Generated<number>;
  /** Version of the list that introduced the code. */
  added_in_version: number;
  /** Version of the list that retired the code; null while current. */
  retired_in_version: number | null;
}

export interface ReferenceCodeTables {
  code_list: CodeListTable;
  code_list_item: CodeListItemTable;
}
