import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { type ColumnInfo, CYCLE_POINTERS, SKIPPED_TABLES } from './tables.js';

/** What the backup reads from the database's own catalog: tables, columns, keys, constraints. */

type Executor = Kysely<DB>;

export async function tableNames(db: Executor): Promise<string[]> {
  const res = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return res.rows.map((r) => r.name).filter((name) => !SKIPPED_TABLES.has(name));
}

export async function columnsByTable(db: Executor): Promise<Map<string, ColumnInfo[]>> {
  const res = await sql<{
    table_name: string;
    column_name: string;
    udt_schema: string;
    udt_name: string;
    is_nullable: string;
    is_identity: string;
    identity_generation: string | null;
    column_default: string | null;
  }>`
    select table_name, column_name, udt_schema, udt_name, is_nullable, is_identity,
      identity_generation, column_default
    from information_schema.columns
    where table_schema = 'public' and is_generated <> 'ALWAYS'
    order by table_name, ordinal_position`.execute(db);
  const byTable = new Map<string, ColumnInfo[]>();
  for (const r of res.rows) {
    const list = byTable.get(r.table_name) ?? [];
    list.push({
      name: r.column_name,
      udtSchema: r.udt_schema,
      udtName: r.udt_name,
      nullable: r.is_nullable === 'YES',
      identityAlways: r.is_identity === 'YES' && r.identity_generation === 'ALWAYS',
      serial: r.is_identity === 'YES' || (r.column_default ?? '').startsWith('nextval('),
    });
    byTable.set(r.table_name, list);
  }
  return byTable;
}

export async function primaryKeys(db: Executor): Promise<Map<string, string[]>> {
  const res = await sql<{ table_name: string; column_name: string }>`
    select k.table_name, k.column_name
    from information_schema.table_constraints c
    join information_schema.key_column_usage k
      on k.constraint_schema = c.constraint_schema and k.constraint_name = c.constraint_name
      and k.table_name = c.table_name
    where c.table_schema = 'public' and c.constraint_type = 'PRIMARY KEY'
    order by k.table_name, k.ordinal_position`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const r of res.rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  return byTable;
}

/**
 * Child → parent pairs, without the cycle-closing pointers. From pg_constraint rather than
 * information_schema: there a foreign key's name is only unique per table, so joining by name
 * could invent edges.
 */
export async function foreignKeys(db: Executor): Promise<{ child: string; parent: string }[]> {
  const res = await sql<{ child: string; parent: string }>`
    select ch.relname as child, pa.relname as parent
    from pg_constraint c
    join pg_class ch on ch.oid = c.conrelid
    join pg_class pa on pa.oid = c.confrelid
    join pg_namespace n on n.oid = ch.relnamespace
    where c.contype = 'f' and n.nspname = 'public'
      and c.conname not in (${sql.join(CYCLE_POINTERS.map((p) => p.constraint))})`.execute(db);
  return res.rows;
}

/** A dropped foreign key and the definition that adds it back. */
export interface DroppedConstraint {
  table: string;
  constraint: string;
  definition: string;
}

/** Drop the cycle-closing foreign keys for the restore; returns how to add them back. */
export async function dropCyclePointers(db: Executor): Promise<DroppedConstraint[]> {
  const dropped: DroppedConstraint[] = [];
  for (const p of CYCLE_POINTERS) {
    const res = await sql<{ definition: string }>`
      select pg_get_constraintdef(c.oid) as definition from pg_constraint c
      join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and t.relname = ${p.table} and c.conname = ${p.constraint}`.execute(db);
    const definition = res.rows[0]?.definition;
    if (!definition) continue;
    await sql`alter table ${sql.id(p.table)} drop constraint ${sql.id(p.constraint)}`.execute(db);
    dropped.push({ ...p, definition });
  }
  return dropped;
}

/** Add a dropped foreign key back; the server checks every row against it. */
export async function addConstraint(db: Executor, p: DroppedConstraint): Promise<void> {
  await sql`alter table ${sql.id(p.table)} add constraint ${sql.id(p.constraint)} ${sql.raw(p.definition)}`.execute(
    db,
  );
}
