import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../src/kernel/access/policy.js';
import type { Database } from '../../src/kernel/db/database.js';
import type { TableSchema } from '../../src/kernel/table-schema/table-schema.js';
import { PG_TYPES } from '../../src/modules/datastore/read/readable-table.js';
import {
  addPrimaryKeySql,
  createVersionTableSql,
  fullTextIndexSql,
} from '../../src/modules/datastore/version-table.js';
import { buildUser } from '../factories/index.js';
import { createAgency, createDataset, createLinkResource, uniq } from './catalog-fixtures.js';

/**
 * Datastore test data laid out as the loader (issue #4, engineers A1/A2) leaves it: a
 * resource_version row, its `datastore."v_<id without dashes>"` table with `_id`, one typed
 * column per Table Schema field and `_full_text`, `resource.table_schema` and the `datastore_version_id` pointer.
 * Lets the read side be tested without the loader.
 */

export type Cell = string | number | boolean | null;

/** Add a loaded version to a resource; `current` (default true) swaps the pointer to it. */
export async function addDatastoreVersion(
  database: Database,
  resourceId: string,
  schema: TableSchema,
  rows: Cell[][],
  opts: { current?: boolean } = {},
): Promise<{ versionId: string; number: number; tableName: string }> {
  const db = database.db;
  const versionId = randomUUID();
  const tableName = `v_${versionId.replace(/-/g, '')}`;
  const prev = await db
    .selectFrom('resource_version')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  const number = Number(prev?.n ?? 0) + 1;
  const table = sql.id('datastore', tableName);
  // The loader's own layout: typed columns, `_full_text` and its GIN index.
  await sql.raw(createVersionTableSql(versionId, schema)).execute(db);
  await sql.raw(addPrimaryKeySql(versionId)).execute(db);
  await sql.raw(fullTextIndexSql(versionId)).execute(db);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = chunk.map(
      (r, j) =>
        sql`(${i + j + 1}, ${sql.join(
          schema.fields.map(
            (f, k) => sql`cast(${r[k] === null ? null : String(r[k])} as ${sql.raw(PG_TYPES[f.type])})`,
          ),
        )})`,
    );
    await sql`insert into ${table} (_id, ${sql.join(schema.fields.map((f) => sql.id(f.name)))}) values ${sql.join(values)}`.execute(
      db,
    );
  }
  await db
    .insertInto('resource_version')
    .values({
      id: versionId,
      resource_id: resourceId,
      number,
      storage_key: `test/${uniq()}`,
      file_name: 'data.csv',
      format: 'CSV',
      size_bytes: 1234,
      sha256: 'a'.repeat(64),
      table_schema: JSON.stringify(schema),
      state: 'complete',
      rows_done: rows.length,
      row_count: rows.length,
      table_name: tableName,
    })
    .execute();
  if (opts.current ?? true)
    await db
      .updateTable('resource')
      .set({ table_schema: JSON.stringify(schema), datastore_version_id: versionId })
      .where('id', '=', resourceId)
      .execute();
  return { versionId, number, tableName };
}

export interface DatastoreFixture {
  datasetId: string;
  datasetName: string;
  agencyId: string;
  resourceId: string;
  versionId: string;
  tableName: string;
  /** A custodian who created it. */
  owner: Actor;
}

/** A dataset (public unless `private`) with one tabular resource whose table holds `rows`. */
export async function createDatastoreTable(
  database: Database,
  schema: TableSchema,
  rows: Cell[][],
  opts: { private?: boolean; agencyId?: string; owner?: Actor; name?: string; title?: string } = {},
): Promise<DatastoreFixture> {
  const agencyId = opts.agencyId ?? (await createAgency(database)).id;
  const owner = opts.owner ?? (await buildUser(database, { roles: ['custodian'] })).actor;
  const dataset = await createDataset(database, owner, {
    owner_org: agencyId,
    private: opts.private ?? false,
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.title ? { title: opts.title } : {}),
  });
  const res = (await createLinkResource(database, owner, dataset.id, {
    name: 'Tabel data',
    format: 'CSV',
  })) as {
    id: string;
  };
  const v = await addDatastoreVersion(database, res.id, schema, rows);
  return {
    datasetId: dataset.id,
    datasetName: dataset.name,
    agencyId,
    resourceId: res.id,
    versionId: v.versionId,
    tableName: v.tableName,
    owner,
  };
}

/** A small population table: region, year, counts, a decimal, a flag, a date and a closed column. */
export const POPULATION_SCHEMA: TableSchema = {
  fields: [
    { name: 'kode_wilayah', type: 'string', title: 'Kode wilayah' },
    { name: 'nama_wilayah', type: 'string', title: 'Nama wilayah' },
    { name: 'tahun', type: 'year', title: 'Tahun' },
    { name: 'jumlah_penduduk', type: 'integer', title: 'Jumlah penduduk', unit: 'jiwa' },
    { name: 'kepadatan', type: 'number', title: 'Kepadatan' },
    { name: 'kota', type: 'boolean' },
    { name: 'tanggal', type: 'date' },
    { name: 'nik_petugas', type: 'string', 'x-classification': 'closed' },
  ],
  primaryKey: ['kode_wilayah', 'tahun'],
};

export const POPULATION_ROWS: Cell[][] = [
  ['3520010', 'Poncol', 2022, 31000, 410.5, false, '2022-12-31', '3520000000000001'],
  ['3520010', 'Poncol', 2023, 31500, 417.25, false, '2023-12-31', '3520000000000001'],
  ['3520020', 'Parang', 2022, 45000, 512.75, false, '2022-12-31', '3520000000000002'],
  ['3520020', 'Parang', 2023, 45800, 520, false, '2023-12-31', '3520000000000002'],
  ['3520030', 'Magetan Kota', 2022, 50000, 1200.5, true, '2022-12-31', '3520000000000003'],
  ['3520030', 'Magetan Kota', 2023, null, 1210, true, '2023-12-31', '3520000000000003'],
  ['3520040', '=HYPERLINK("http://evil")', 2023, 100, -5.5, false, '2023-06-30', '+62811'],
];
