import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { type ColumnInfo, isBuiltin, MIGRATION_SEEDS, NATIVE_JSON_TYPES, type TableInfo } from './tables.js';

/**
 * The backup's SQL: rows are turned into JSON by the database itself (jsonb_build_array), and
 * turned back by it (jsonb_array_elements + casts), so no value passes through a lossy
 * JavaScript type: timestamps keep their microseconds (ISO 8601 strings), numerics all their
 * digits, bytea is base64, jsonb stays JSON. One known ambiguity: a JSON `null` stored in a
 * *nullable* jsonb column comes back as SQL NULL (JSON cannot tell the two apart); NOT NULL
 * jsonb columns are exact.
 */

type Executor = Kysely<DB>;

/** Rows read per query while backing up. */
const PAGE_SIZE = 5000;
/** jsonb_build_array takes at most 100 arguments: wider rows are built in chunks. */
const ARGS_PER_CHUNK = 90;

/** Run `work` in one read-only, repeatable-read transaction: one consistent snapshot. */
export function inSnapshot<T>(db: Executor, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set transaction isolation level repeatable read, read only`.execute(trx);
    await useCanonicalFormats(trx);
    return work(trx);
  });
}

/** Run `work` in one transaction, so a failed restore leaves the target as it was. */
export function inRestoreTransaction<T>(
  db: Executor,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await useCanonicalFormats(trx);
    return work(trx);
  });
}

/**
 * Same value formats on every server and session, whatever postgresql.conf says: UTC
 * timestamps, ISO dates, shortest exact floats.
 */
async function useCanonicalFormats(db: Executor): Promise<void> {
  await sql`set local time zone 'UTC'`.execute(db);
  await sql`set local datestyle = 'ISO, YMD'`.execute(db);
  await sql`set local intervalstyle = 'iso_8601'`.execute(db);
  await sql`set local extra_float_digits = 1`.execute(db);
}

/** Names of the applied migrations, oldest first; none when the database was never migrated. */
export async function appliedMigrations(db: Executor): Promise<string[]> {
  const exists = await sql<{ ok: boolean }>`
    select to_regclass('public.kysely_migration') is not null as ok`.execute(db);
  if (!exists.rows[0]?.ok) return [];
  const res = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return res.rows.map((r) => r.name);
}

/** Pages of JSON row lines: keyset by primary key, or a cursor for a table without one. */
export function readPages(db: Executor, table: TableInfo): AsyncGenerator<string[]> {
  return table.primaryKey.length > 0 ? keysetPages(db, table) : cursorPages(db, table);
}

async function* keysetPages(db: Executor, table: TableInfo): AsyncGenerator<string[]> {
  const keys = table.primaryKey;
  const keyIds = sql.join(keys.map((c) => sql.id(c.name)));
  const keyTexts = sql.join(keys.map((c, i) => sql`${sql.id(c.name)}::text as ${sql.id(`k${i}`)}`));
  let after: (string | null)[] | undefined;
  for (;;) {
    const where = after
      ? sql`where (${keyIds}) > (${sql.join(keys.map((c, i) => sql`${after?.[i]}::${typeRef(c)}`))})`
      : sql``;
    const res = await sql<Record<string, string | null>>`
      select ${rowJson(table.columns)}::text as r, ${keyTexts}
      from ${sql.id(table.name)} ${where}
      order by ${keyIds} limit ${PAGE_SIZE}`.execute(db);
    if (res.rows.length > 0) yield res.rows.map((row) => String(row.r));
    const last = res.rows.at(-1);
    if (!last || res.rows.length < PAGE_SIZE) return;
    after = keys.map((_, i) => last[`k${i}`] ?? null);
  }
}

async function* cursorPages(db: Executor, table: TableInfo): AsyncGenerator<string[]> {
  await sql`declare satudata_backup_cursor no scroll cursor for
    select ${rowJson(table.columns)}::text as r from ${sql.id(table.name)}`.execute(db);
  // Closed when done; after a failure the transaction's end closes it.
  for (;;) {
    const res = await sql<{ r: string }>`
      fetch forward ${sql.raw(String(PAGE_SIZE))} from satudata_backup_cursor`.execute(db);
    if (res.rows.length > 0) yield res.rows.map((row) => row.r);
    if (res.rows.length < PAGE_SIZE) break;
  }
  await sql`close satudata_backup_cursor`.execute(db);
}

/** One row as a jsonb array, built by the server; chunked past the 100-argument limit. */
function rowJson(columns: ColumnInfo[]): RawBuilder<unknown> {
  if (columns.length === 0) return sql`'[]'::jsonb`;
  const chunks: RawBuilder<unknown>[] = [];
  for (let i = 0; i < columns.length; i += ARGS_PER_CHUNK) {
    const part = columns.slice(i, i + ARGS_PER_CHUNK).map(exportValue);
    chunks.push(sql`jsonb_build_array(${sql.join(part)})`);
  }
  return sql`(${sql.join(chunks, sql` || `)})`;
}

/** How a column is written: natively when JSON holds it exactly, base64 for bytea, else text. */
function exportValue(column: ColumnInfo): RawBuilder<unknown> {
  const id = sql.id(column.name);
  if (isBuiltin(column, 'bytea')) return sql`replace(encode(${id}, 'base64'), chr(10), '')`;
  if (column.udtSchema === 'pg_catalog' && NATIVE_JSON_TYPES.has(column.udtName)) return sql`${id}`;
  return sql`${id}::text`;
}

/** Rows of the table other than those the migrations seeded. */
export async function countRowsBesidesSeeds(db: Executor, table: TableInfo): Promise<number> {
  const seed = MIGRATION_SEEDS[table.name];
  const notSeed = seed ? sql`where ${sql.id(seed.column)}::text <> all(${seed.keys}::text[])` : sql``;
  const res = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.id(table.name)} ${notSeed}`.execute(db);
  return res.rows[0]?.n ?? 0;
}

/**
 * One multi-row INSERT: the server unpacks the JSON array and casts each value back. A table the
 * migrations seed takes the backup's copy of a seeded row in place (an upsert on the seed's column),
 * so seeded parents with seeded children (the EPSS domains, aspects, indicators) are never
 * deleted from under them.
 */
export async function insertBatch(
  db: Executor,
  table: TableInfo,
  columns: ColumnInfo[],
  json: string,
): Promise<void> {
  const overriding = columns.some((c) => c.identityAlways) ? sql`overriding system value` : sql``;
  const values = columns.length > 0 ? sql.join(columns.map(importValue)) : sql``;
  // The seed's own column is unique (a key or a unique index): the conflict target.
  const seed = MIGRATION_SEEDS[table.name];
  const others = columns.filter((c) => c.name !== seed?.column);
  const upsert = seed
    ? others.length > 0
      ? sql`on conflict (${sql.id(seed.column)}) do update set ${sql.join(
          others.map((c) => sql`${sql.id(c.name)} = excluded.${sql.id(c.name)}`),
        )}`
      : sql`on conflict do nothing`
    : sql``;
  await sql`
    insert into ${sql.id(table.name)} (${sql.join(columns.map((c) => sql.id(c.name)))}) ${overriding}
    select ${values} from jsonb_array_elements(${json}::jsonb) with ordinality as r(v, n)
    order by r.n
    ${upsert}`.execute(db);
}

/** The inverse of {@link exportValue}, reading element `i` of the row array `r.v`. */
function importValue(column: ColumnInfo, i: number): RawBuilder<unknown> {
  const index = sql.raw(String(i));
  if (isBuiltin(column, 'jsonb')) {
    return column.nullable ? sql`nullif(r.v -> ${index}, 'null'::jsonb)` : sql`r.v -> ${index}`;
  }
  if (isBuiltin(column, 'bytea')) return sql`decode(r.v ->> ${index}, 'base64')`;
  return sql`(r.v ->> ${index})::${typeRef(column)}`;
}

/** Move every serial/identity sequence of the table past the largest restored value. */
export async function resetSequences(db: Executor, table: TableInfo): Promise<void> {
  for (const column of table.columns.filter((c) => c.serial)) {
    await sql`
      select setval(pg_get_serial_sequence(quote_ident(${table.name}), ${column.name}), max(${sql.id(column.name)}))
      from ${sql.id(table.name)} having max(${sql.id(column.name)}) is not null`.execute(db);
  }
}

function typeRef(column: ColumnInfo): RawBuilder<unknown> {
  return sql`${sql.id(column.udtSchema, column.udtName)}`;
}
