import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { HOLIDAYS_2026_2027 } from '../../kernel/calendar/holidays-2026-2027.js';
import type { Database } from '../../kernel/db/database.js';
import { MIGRATION_NAMES, migrateToLatest } from '../../kernel/db/migrate.js';
import type { DB } from '../../kernel/db/schema.js';
import { queueDatastoreRebuild } from '../datastore/index.js';

/**
 * Logical backup and restore of everything a region entered, in a format both drivers
 * (PGlite and PostgreSQL) read and write, so an install can move from one to the other.
 *
 * The file is gzip'ed JSON Lines:
 *   {"format":"satudata-backup","version":1,"createdAt":…,"migrations":[…],"tables":[…]}
 *   {"table":"agency","columns":["id","code",…]}
 *   ["0b6f…","DISKOMINFO",…]            one line per row, values in column order
 *   {"end":"agency","rows":12}
 *   …
 *   {"done":true}
 *
 * Rows are turned into JSON by the database itself (jsonb_build_array), and turned back by
 * it (jsonb_array_elements + casts), so no value passes through a lossy JavaScript type:
 * timestamps keep their microseconds (ISO 8601 strings), numerics all their digits, bytea is
 * base64, jsonb stays JSON. One known ambiguity: a JSON `null` stored in a *nullable* jsonb
 * column comes back as SQL NULL (JSON cannot tell the two apart); NOT NULL jsonb columns are
 * exact.
 */

/** What a backup holds, or what a restore put back: rows per table, oldest table first. */
export interface BackupSummary {
  tables: { name: string; rows: number }[];
  migrations: string[];
}

const FORMAT = 'satudata-backup';
const VERSION = 1;
/** Rows read per query while backing up. */
const PAGE_SIZE = 5000;
/** Rows sent per INSERT while restoring. */
const INSERT_BATCH = 1000;
/** jsonb_build_array takes at most 100 arguments: wider rows are built in chunks. */
const ARGS_PER_CHUNK = 90;
/** Migration bookkeeping and the `region` reference data, which migrations recreate. */
const SKIPPED_TABLES = new Set(['kysely_migration', 'kysely_migration_lock', 'region']);

/**
 * Rows the migrations themselves insert, so a freshly migrated target is not "non-empty".
 * On restore they are replaced by the backup's copy. Keep in step with src/db/migrations.
 */
/**
 * Foreign keys that close a cycle between tables: `resource.datastore_version_id` points at a
 * `resource_version`, which belongs to a `resource`. They are left out of the table order, and
 * a restore drops them while it inserts and adds them back (checking every row) before commit.
 */
const CYCLE_POINTERS = [{ table: 'resource', constraint: 'resource_datastore_version_id_fkey' }];

const MIGRATION_SEEDS: Record<string, { column: string; keys: string[] }> = {
  site_setting: { column: 'key', keys: ['region_code_edition'] },
  // Migration 0006 seeds the national holidays of 2026–2027 and the one working calendar.
  holiday: { column: 'date', keys: HOLIDAYS_2026_2027.map((h) => h.date) },
  work_calendar: { column: 'id', keys: ['true'] },
};

/** Types whose jsonb form (to_jsonb) reads back exactly through `(text)::type`. */
const NATIVE_JSON_TYPES = new Set([
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

type Executor = Kysely<DB>;

interface ColumnInfo {
  name: string;
  udtSchema: string;
  udtName: string;
  nullable: boolean;
  identityAlways: boolean;
  serial: boolean;
}

interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: ColumnInfo[];
}

interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  migrations: string[];
  tables?: string[];
}

// ---------------------------------------------------------------------------------------------
// Backup

/**
 * Write every table of the public schema (except migration bookkeeping and reference data)
 * to `file` as gzip'ed JSON Lines, streamed page by page from one consistent snapshot.
 * The file appears only when complete: it is written as `<file>.partial`, then renamed.
 */
export async function writeBackup(database: Database, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  try {
    const summary = await database.db.transaction().execute(async (trx) => {
      await sql`set transaction isolation level repeatable read, read only`.execute(trx);
      await useCanonicalFormats(trx);
      const tables = await discoverTables(trx);
      const migrations = await appliedMigrations(trx);
      const counts: { name: string; rows: number }[] = [];
      await pipeline(backupLines(trx, tables, migrations, counts), createGzip(), createWriteStream(partial));
      return { tables: counts, migrations };
    });
    await rename(partial, file);
    return summary;
  } catch (err) {
    await rm(partial, { force: true });
    throw new Error(`Pencadangan gagal / Backup failed (${file}): ${messageOf(err)}`, { cause: err });
  }
}

/** The lines of the backup file, each ending in a newline. */
async function* backupLines(
  db: Executor,
  tables: TableInfo[],
  migrations: string[],
  counts: { name: string; rows: number }[],
): AsyncGenerator<string> {
  const header: BackupHeader = {
    format: FORMAT,
    version: VERSION,
    createdAt: new Date().toISOString(),
    migrations,
    tables: tables.map((t) => t.name),
  };
  yield `${JSON.stringify(header)}\n`;
  for (const table of tables) {
    yield `${JSON.stringify({ table: table.name, columns: table.columns.map((c) => c.name) })}\n`;
    let rows = 0;
    for await (const page of readPages(db, table)) {
      rows += page.length;
      yield `${page.join('\n')}\n`;
    }
    yield `${JSON.stringify({ end: table.name, rows })}\n`;
    counts.push({ name: table.name, rows });
  }
  yield `${JSON.stringify({ done: true })}\n`;
}

/** Names of the applied migrations, oldest first; none when the database was never migrated. */
async function appliedMigrations(db: Executor): Promise<string[]> {
  const exists = await sql<{ ok: boolean }>`
    select to_regclass('public.kysely_migration') is not null as ok`.execute(db);
  if (!exists.rows[0]?.ok) return [];
  const res = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return res.rows.map((r) => r.name);
}

/** Pages of JSON row lines: keyset by primary key, or a cursor for a table without one. */
function readPages(db: Executor, table: TableInfo): AsyncGenerator<string[]> {
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

// ---------------------------------------------------------------------------------------------
// Restore

/**
 * Restore a backup made by {@link writeBackup} into this database, whichever driver made it.
 * Refuses a file that is not a backup, a backup from a newer version, and a target that
 * already holds data. Runs the migrations first, then inserts everything in ONE transaction,
 * so a failed restore leaves the target as empty as it was; finally moves each serial or
 * identity sequence past the restored ids.
 */
export async function restoreBackup(database: Database, file: string): Promise<BackupSummary> {
  const header = await readHeader(file);
  assertKnownMigrations(header, file);
  await migrateToLatest(database.db);
  return database.db.transaction().execute(async (trx) => {
    await useCanonicalFormats(trx);
    const target = new Map((await discoverTables(trx)).map((t) => [t.name, t]));
    for (const name of header.tables ?? []) await assertEmpty(trx, requireTable(target, name));
    const pointers = await dropCyclePointers(trx);
    const restorer = new Restorer(trx, target, file);
    for await (const line of readLines(file)) await restorer.accept(line);
    restorer.finish();
    for (const p of pointers)
      await sql`alter table ${sql.id(p.table)} add constraint ${sql.id(p.constraint)} ${sql.raw(p.definition)}`.execute(
        trx,
      );
    for (const table of restorer.restoredTables) await resetSequences(trx, table);
    // Datastore tables are not in backups: loaded versions are queued to be rebuilt from their files.
    await queueDatastoreRebuild(trx);
    return { tables: restorer.counts, migrations: header.migrations };
  });
}

/** Read and check the first line of the file, without touching any database. */
async function readHeader(file: string): Promise<BackupHeader> {
  for await (const line of readLines(file)) return parseHeader(line, file);
  throw invalidBackup(file, 'the file is empty');
}

function parseHeader(line: string, file: string): BackupHeader {
  const value = parseJson(line, file, 1);
  if (!isRecord(value) || value.format !== FORMAT) {
    throw invalidBackup(file, 'no satudata-backup header on line 1');
  }
  if (value.version !== VERSION) {
    throw new Error(
      `Versi format cadangan ${String(value.version)} tidak dikenal / Unknown backup format version ` +
        `${String(value.version)} in ${file}: this build reads version ${VERSION}`,
    );
  }
  if (!isStringArray(value.migrations) || (value.tables !== undefined && !isStringArray(value.tables))) {
    throw invalidBackup(file, 'malformed header on line 1');
  }
  return {
    format: FORMAT,
    version: VERSION,
    createdAt: String(value.createdAt),
    migrations: value.migrations,
    ...(value.tables ? { tables: value.tables } : {}),
  };
}

/** The backup's schema must be this build's, or an older one this build can migrate from. */
function assertKnownMigrations(header: BackupHeader, file: string): void {
  const isPrefix =
    header.migrations.length <= MIGRATION_NAMES.length &&
    header.migrations.every((name, i) => MIGRATION_NAMES[i] === name);
  if (isPrefix) return;
  const unknown = header.migrations.filter((name) => !MIGRATION_NAMES.includes(name));
  throw new Error(
    `Cadangan ${file} berasal dari versi yang lebih baru / Backup ${file} is from a newer version ` +
      `(migrations unknown to this build: ${unknown.join(', ') || 'different order'}); ` +
      'perbarui satudata lalu ulangi / upgrade satudata, then restore again',
  );
}

function requireTable(target: Map<string, TableInfo>, name: string): TableInfo {
  const table = target.get(name);
  if (!table) {
    throw new Error(
      `Tabel ${name} tidak ada di basis data tujuan / Table ${name} does not exist in the target database`,
    );
  }
  return table;
}

/** Refuse to mix a backup into data: the table may hold only rows the migrations seeded. */
async function assertEmpty(db: Executor, table: TableInfo): Promise<void> {
  const seed = MIGRATION_SEEDS[table.name];
  const notSeed = seed ? sql`where ${sql.id(seed.column)}::text <> all(${seed.keys}::text[])` : sql``;
  const res = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.id(table.name)} ${notSeed}`.execute(db);
  const rows = res.rows[0]?.n ?? 0;
  if (rows > 0) {
    throw new Error(
      `Basis data tujuan tidak kosong / Target database is not empty: table ${table.name} has ${rows} rows`,
    );
  }
}

type RestoreState = 'header' | 'between' | 'rows' | 'done';

/** Consumes the file line by line; inserts rows in batches as they come. */
class Restorer {
  readonly counts: { name: string; rows: number }[] = [];
  readonly restoredTables: TableInfo[] = [];
  private state: RestoreState = 'header';
  private lineNo = 0;
  private table: TableInfo | undefined;
  private columns: ColumnInfo[] = [];
  private batch: string[] = [];
  private rows = 0;

  constructor(
    private readonly db: Executor,
    private readonly target: Map<string, TableInfo>,
    private readonly file: string,
  ) {}

  async accept(line: string): Promise<void> {
    this.lineNo++;
    if (line.trim() === '') return;
    if (this.state === 'header') {
      this.state = 'between';
      return;
    }
    if (this.state === 'rows' && line.startsWith('[')) return this.acceptRow(line);
    const value = parseJson(line, this.file, this.lineNo);
    if (!isRecord(value)) throw this.invalid('expected a table, end or done marker');
    if (this.state === 'between') return this.acceptBetween(value);
    if (this.state === 'rows') return this.acceptEnd(value);
    throw this.invalid('data after the done marker');
  }

  /** The file must have ended with its done marker: otherwise it was cut short. */
  finish(): void {
    if (this.state !== 'done') throw invalidBackup(this.file, 'the file is truncated (no done marker)');
  }

  private async acceptBetween(value: Record<string, unknown>): Promise<void> {
    if (value.done === true) {
      this.state = 'done';
      return;
    }
    if (typeof value.table !== 'string' || !isStringArray(value.columns)) {
      throw this.invalid('expected a table start line');
    }
    const table = requireTable(this.target, value.table);
    await assertEmpty(this.db, table);
    this.table = table;
    this.columns = value.columns.map((name) => findColumn(table, name));
    this.rows = 0;
    this.state = 'rows';
  }

  private async acceptRow(line: string): Promise<void> {
    const row = parseJson(line, this.file, this.lineNo);
    if (!Array.isArray(row) || row.length !== this.columns.length) {
      throw this.invalid(`a row must be an array of ${this.columns.length} values`);
    }
    // The text itself is sent: JSON.parse would round big numbers.
    this.batch.push(line);
    this.rows++;
    if (this.batch.length >= INSERT_BATCH) await this.flush();
  }

  private async acceptEnd(value: Record<string, unknown>): Promise<void> {
    const table = this.table;
    if (!table || value.end !== table.name) throw this.invalid(`expected the end of table ${table?.name}`);
    if (value.rows !== this.rows) {
      throw this.invalid(`table ${table.name} should have ${String(value.rows)} rows, found ${this.rows}`);
    }
    await this.flush();
    this.counts.push({ name: table.name, rows: this.rows });
    this.restoredTables.push(table);
    this.state = 'between';
  }

  private async flush(): Promise<void> {
    const table = this.table;
    if (!table || this.batch.length === 0) return;
    const json = `[${this.batch.join(',')}]`;
    this.batch = [];
    try {
      await deleteSeedRows(this.db, table, this.columns, json);
      await insertBatch(this.db, table, this.columns, json);
    } catch (err) {
      throw new Error(
        `Pemulihan gagal pada tabel ${table.name} / Restore failed at table ${table.name} ` +
          `(${this.file}, near line ${this.lineNo}): ${messageOf(err)}`,
        { cause: err },
      );
    }
  }

  private invalid(reason: string): Error {
    return invalidBackup(this.file, `line ${this.lineNo}: ${reason}`);
  }
}

function findColumn(table: TableInfo, name: string): ColumnInfo {
  const column = table.columns.find((c) => c.name === name);
  if (!column) {
    throw new Error(
      `Kolom ${table.name}.${name} tidak ada di basis data tujuan / ` +
        `Column ${table.name}.${name} does not exist in the target database`,
    );
  }
  return column;
}

/** One multi-row INSERT: the server unpacks the JSON array and casts each value back. */
async function insertBatch(
  db: Executor,
  table: TableInfo,
  columns: ColumnInfo[],
  json: string,
): Promise<void> {
  const overriding = columns.some((c) => c.identityAlways) ? sql`overriding system value` : sql``;
  const values = columns.length > 0 ? sql.join(columns.map(importValue)) : sql``;
  await sql`
    insert into ${sql.id(table.name)} (${sql.join(columns.map((c) => sql.id(c.name)))}) ${overriding}
    select ${values} from jsonb_array_elements(${json}::jsonb) with ordinality as r(v, n)
    order by r.n`.execute(db);
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

/** Replace the migrations' own rows with the backup's copy when the batch carries them. */
async function deleteSeedRows(
  db: Executor,
  table: TableInfo,
  columns: ColumnInfo[],
  json: string,
): Promise<void> {
  const seed = MIGRATION_SEEDS[table.name];
  const index = columns.findIndex((c) => c.name === seed?.column);
  if (!seed || index < 0) return;
  await sql`
    delete from ${sql.id(table.name)}
    where ${sql.id(seed.column)}::text = any(${seed.keys}::text[])
      and ${sql.id(seed.column)}::text in (
        select r.v ->> ${sql.raw(String(index))} from jsonb_array_elements(${json}::jsonb) as r(v))`.execute(
    db,
  );
}

/** Move every serial/identity sequence of the table past the largest restored value. */
async function resetSequences(db: Executor, table: TableInfo): Promise<void> {
  for (const column of table.columns.filter((c) => c.serial)) {
    await sql`
      select setval(pg_get_serial_sequence(quote_ident(${table.name}), ${column.name}), max(${sql.id(column.name)}))
      from ${sql.id(table.name)} having max(${sql.id(column.name)}) is not null`.execute(db);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the file

/**
 * The file's lines, decompressed as they stream from disk. Stream failures (missing file,
 * bad gzip, cut-off file) become bilingual errors naming the file.
 */
async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
    rest += decoder.end();
    if (rest !== '') yield rest;
  } catch (err) {
    throw streamError(file, err);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

function streamError(file: string, err: unknown): Error {
  const code = isRecord(err) && typeof err.code === 'string' ? err.code : '';
  if (code.startsWith('Z_')) return invalidBackup(file, `not a readable gzip file (${messageOf(err)})`);
  return new Error(
    `Berkas cadangan tidak dapat dibaca / Cannot read backup file ${file}: ${messageOf(err)}`,
    { cause: err },
  );
}

function parseJson(line: string, file: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw invalidBackup(file, `line ${lineNo} is not JSON`);
  }
}

function invalidBackup(file: string, reason: string): Error {
  return new Error(
    `Berkas ${file} bukan cadangan satudata yang sah / ${file} is not a valid satudata backup: ${reason}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Schema discovery

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

/** Tables of the public schema worth backing up, parents before children. */
async function discoverTables(db: Executor): Promise<TableInfo[]> {
  const names = await tableNames(db);
  const columns = await columnsByTable(db);
  const keys = await primaryKeys(db);
  const edges = await foreignKeys(db);
  return orderParentsFirst(names, edges).map((name) => {
    const cols = columns.get(name) ?? [];
    const keyCols = (keys.get(name) ?? []).flatMap((k) => cols.filter((c) => c.name === k));
    return { name, columns: cols, primaryKey: keyCols };
  });
}

async function tableNames(db: Executor): Promise<string[]> {
  const res = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return res.rows.map((r) => r.name).filter((name) => !SKIPPED_TABLES.has(name));
}

async function columnsByTable(db: Executor): Promise<Map<string, ColumnInfo[]>> {
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

async function primaryKeys(db: Executor): Promise<Map<string, string[]>> {
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

/** Drop the cycle-closing foreign keys for the restore; returns how to add them back. */
async function dropCyclePointers(db: Executor) {
  const dropped: { table: string; constraint: string; definition: string }[] = [];
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

/**
 * Child → parent pairs. From pg_constraint rather than information_schema: there a foreign
 * key's name is only unique per table, so joining by name could invent edges.
 */
async function foreignKeys(db: Executor): Promise<{ child: string; parent: string }[]> {
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

/**
 * Topological order (Kahn), alphabetical among equals so backups are stable. Self-references
 * are ignored; tables caught in a cycle go last in name order (none exist in this schema).
 */
function orderParentsFirst(names: string[], edges: { child: string; parent: string }[]): string[] {
  const known = new Set(names);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const { child, parent } of edges) {
    if (child !== parent && known.has(parent)) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const remaining = new Set([...names].sort());
  while (remaining.size > 0) {
    const ready = [...remaining].filter((n) => [...(parents.get(n) ?? [])].every((p) => !remaining.has(p)));
    const next = ready.length > 0 ? ready : [...remaining];
    for (const name of next) {
      ordered.push(name);
      remaining.delete(name);
    }
  }
  return ordered;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function typeRef(column: ColumnInfo): RawBuilder<unknown> {
  return sql`${sql.id(column.udtSchema, column.udtName)}`;
}

function isBuiltin(column: ColumnInfo, udtName: string): boolean {
  return column.udtSchema === 'pg_catalog' && column.udtName === udtName;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
