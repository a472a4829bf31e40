/**
 * The statements of a DataStore write (datastore_create/upsert/delete): a new version row, its
 * table filled from the previous version's, the rows changed in it, and the version completed.
 * Identifiers come from the Table Schema; every value is a bound parameter cast to its column type.
 */
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import {
  addPrimaryKeySql,
  createVersionTableSql,
  fullTextIndexSql,
  qualifiedVersionTable,
} from '../version-table.js';

const PG_TYPES: Record<string, string> = {
  string: 'text',
  integer: 'bigint',
  number: 'numeric',
  boolean: 'boolean',
  date: 'date',
  year: 'integer',
  yearmonth: 'text',
};

/** A canonical text value (as the validator gives it) cast to the field's column type. */
export function castValue(schema: TableSchema, name: string, value: string | null): RawBuilder<unknown> {
  if (name === '_id') return sql`cast(${value} as bigint)`;
  const type = schema.fields.find((f) => f.name === name)?.type ?? 'string';
  return sql`cast(${value} as ${sql.raw(PG_TYPES[type] ?? 'text')})`;
}

/** A pending version row for a DataStore write; its file is set once written. */
export async function insertWriteVersion(
  trx: Transaction<DB>,
  resourceId: string,
  createdBy: string | null,
): Promise<{ id: string; number: number }> {
  const last = await trx
    .selectFrom('resource_version')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  return trx
    .insertInto('resource_version')
    .values({
      resource_id: resourceId,
      number: Number(last?.n ?? 0) + 1,
      storage_key: '',
      file_name: '',
      format: 'XLSX',
      state: 'running',
      created_by: createdBy,
      started_at: new Date(),
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

/** The new version's table, holding the previous version's rows (none for a first write). */
export async function createTableFrom(
  trx: Transaction<DB>,
  versionId: string,
  schema: TableSchema,
  previousTable: string | null,
): Promise<void> {
  await sql.raw(createVersionTableSql(versionId, schema)).execute(trx);
  if (previousTable) {
    const cols = ['_id', ...schema.fields.map((f) => f.name)];
    await sql`insert into ${sql.raw(qualifiedVersionTable(versionId))} (${sql.join(cols.map((c) => sql.id(c)))})
      select ${sql.join(cols.map((c) => sql.id(c)))} from ${sql.id('datastore', previousTable)}`.execute(trx);
  }
  await sql.raw(addPrimaryKeySql(versionId)).execute(trx);
  await sql.raw(fullTextIndexSql(versionId)).execute(trx);
}

type Key = { name: string; value: string | null }[];

function keyCondition(schema: TableSchema, key: Key): RawBuilder<unknown> {
  return sql.join(
    key.map((k) => sql`${sql.id(k.name)} = ${castValue(schema, k.name, k.value)}`),
    sql` and `,
  );
}

/** The row with this key, every column as text (dates ISO, numbers with '.'); undefined if none. */
export async function findRowByKey(
  trx: Transaction<DB>,
  versionId: string,
  schema: TableSchema,
  key: Key,
): Promise<Record<string, string | null> | undefined> {
  const cols = ['_id', ...schema.fields.map((f) => f.name)];
  const r = await sql<Record<string, string | null>>`
    select ${sql.join(cols.map((c) => sql`${sql.id(c)}::text as ${sql.id(c)}`))}
    from ${sql.raw(qualifiedVersionTable(versionId))} where ${keyCondition(schema, key)} limit 1`.execute(
    trx,
  );
  return r.rows[0];
}

export async function insertRow(
  trx: Transaction<DB>,
  versionId: string,
  schema: TableSchema,
  values: (string | null)[],
): Promise<void> {
  const table = sql.raw(qualifiedVersionTable(versionId));
  const cols = schema.fields.map((f) => sql.id(f.name));
  const casted = schema.fields.map((f, i) => castValue(schema, f.name, values[i] ?? null));
  await sql`insert into ${table} (_id${sql.join([sql``, ...cols])})
    select coalesce(max(_id), 0) + 1${sql.join([sql``, ...casted])} from ${table}`.execute(trx);
}

export async function updateRow(
  trx: Transaction<DB>,
  versionId: string,
  schema: TableSchema,
  id: string,
  values: (string | null)[],
): Promise<void> {
  const sets = schema.fields.map(
    (f, i) => sql`${sql.id(f.name)} = ${castValue(schema, f.name, values[i] ?? null)}`,
  );
  await sql`update ${sql.raw(qualifiedVersionTable(versionId))} set ${sql.join(sets)}
    where _id = ${castValue(schema, '_id', id)}`.execute(trx);
}

/** Delete the rows matching `where` (a condition built from the filters); returns how many. */
export async function deleteRows(
  trx: Transaction<DB>,
  versionId: string,
  where: RawBuilder<unknown>[],
): Promise<number> {
  const cond = where.length ? sql.join(where, sql` and `) : sql`true`;
  const r = await sql`delete from ${sql.raw(qualifiedVersionTable(versionId))} where ${cond}`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

export async function countRows(trx: Transaction<DB>, versionId: string): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.raw(qualifiedVersionTable(versionId))}`.execute(trx);
  return r.rows[0]?.n ?? 0;
}

/** The version's file once written (the file is what a rebuild after a restore loads again). */
export async function setVersionFile(
  trx: Transaction<DB>,
  versionId: string,
  file: { key: string; fileName: string; size: number; hash: string },
): Promise<void> {
  await trx
    .updateTable('resource_version')
    .set({ storage_key: file.key, file_name: file.fileName, size_bytes: file.size, sha256: file.hash })
    .where('id', '=', versionId)
    .execute();
}

/** The resource serves no table any more (datastore_delete without filters); its versions stay. */
export async function detachDatastore(trx: Transaction<DB>, resourceId: string): Promise<void> {
  await trx
    .updateTable('resource')
    .set({ datastore_version_id: null, metadata_modified: new Date() })
    .where('id', '=', resourceId)
    .execute();
}
