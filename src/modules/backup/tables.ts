import { HOLIDAYS_2026_2027 } from '../../kernel/calendar/holidays-2026-2027.js';
import { HOLIDAY_DECREES } from '../../kernel/calendar/national-holidays.js';
import { EPSS_ASPECTS, EPSS_DOMAINS, EPSS_INDICATORS } from '../../kernel/db/migrations/epss-reference.js';

/** A column as the backup reads and writes it (from information_schema.columns). */
export interface ColumnInfo {
  name: string;
  udtSchema: string;
  udtName: string;
  nullable: boolean;
  identityAlways: boolean;
  serial: boolean;
}

/** A table of the public schema, its columns in order and its primary key. */
export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: ColumnInfo[];
}

/**
 * Migration bookkeeping, the `region` reference data, which migrations recreate, and the stored
 * read models (package_dict, catalog_stamp), which readers rebuild from the restored rows.
 */
export const SKIPPED_TABLES = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  'region',
  'package_dict',
  'catalog_stamp',
]);

/**
 * Foreign keys that close a cycle between tables: `resource.datastore_version_id` points at a
 * `resource_version`, which belongs to a `resource`. They are left out of the table order, and
 * a restore drops them while it inserts and adds them back (checking every row) before commit.
 */
export const CYCLE_POINTERS = [{ table: 'resource', constraint: 'resource_datastore_version_id_fkey' }];

/**
 * Rows the migrations themselves insert, so a freshly migrated target is not "non-empty".
 * On restore they are replaced by the backup's copy. Keep in step with src/kernel/db/migrations.
 */
export const MIGRATION_SEEDS: Record<string, { column: string; keys: string[] }> = {
  site_setting: { column: 'key', keys: ['region_code_edition'] },
  // Migration 0006 seeds the national holidays of 2026–2027 and the one working calendar.
  holiday: { column: 'date', keys: HOLIDAYS_2026_2027.map((h) => h.date) },
  work_calendar: { column: 'id', keys: ['true'] },
  // Migration 0012 records the years whose holidays came from a decree (2026, 2027).
  holiday_year: { column: 'year', keys: Object.keys(HOLIDAY_DECREES) },
  // Migration 0022 seeds the EPSS structure (5 domains, 19 aspects, 38 indicators).
  epss_domain: { column: 'code', keys: EPSS_DOMAINS.map((d) => d.code) },
  epss_aspect: { column: 'code', keys: EPSS_ASPECTS.map((a) => a.code) },
  epss_indicator: { column: 'code', keys: EPSS_INDICATORS.map((x) => x.code) },
};

/** Types whose jsonb form (to_jsonb) reads back exactly through `(text)::type`. */
export const NATIVE_JSON_TYPES = new Set([
  'bool',
  'int2',
  'int4',
  'int8',
  'float4',
  'float8',
  'numeric',
  'text',
  'varchar',
  'bpchar',
  'uuid',
  'jsonb',
  'timestamptz',
  'timestamp',
  'date',
]);

export function isBuiltin(column: ColumnInfo, udtName: string): boolean {
  return column.udtSchema === 'pg_catalog' && column.udtName === udtName;
}

export function findColumn(table: TableInfo, name: string): ColumnInfo {
  const column = table.columns.find((c) => c.name === name);
  if (!column) {
    throw new Error(
      `Kolom ${table.name}.${name} tidak ada di basis data tujuan / ` +
        `Column ${table.name}.${name} does not exist in the target database`,
    );
  }
  return column;
}

export function requireTable(target: Map<string, TableInfo>, name: string): TableInfo {
  const table = target.get(name);
  if (!table) {
    throw new Error(
      `Tabel ${name} tidak ada di basis data tujuan / Table ${name} does not exist in the target database`,
    );
  }
  return table;
}
