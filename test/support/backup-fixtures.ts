import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { type Database, type DriverKind, openDatabase } from '../../src/kernel/db/database.js';
import { type BackupSummary, writeBackup } from '../../src/modules/backup/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** The backup tests: a seeded source database, its backup, and scratch targets to restore into. */

export const SLOW = { timeout: 120_000 };

/** Primary key of every table the test compares, to order rows. */
const ORDER_BY: Record<string, string> = {
  site_setting: 'key',
  agency: 'id',
  app_user: 'id',
  user_role: 'user_id, role',
  session: 'id_hash',
  api_token: 'id',
  audit_log: 'id',
  backup_probe: 'id',
};

/**
 * A scratch table with the awkward types the app's tables do not have yet: identity ALWAYS,
 * bytea, wide numeric, float, arrays, nullable jsonb, json (kept verbatim), interval, bigint
 * past 2^53 and a generated column. Created in the source and in every target.
 */
const PROBE_DDL = sql`
  create table backup_probe (
    id integer generated always as identity primary key,
    blob bytea, amount numeric(40,10), ratio float8, tags text[], extra jsonb,
    at timestamptz, day date, flag boolean, raw json, span interval, big bigint,
    doubled numeric generated always as (amount * 2) stored
  )`;

/** Every compared table as JSON text, rows ordered by primary key, in one fixed format. */
export async function dumpAll(database: Database): Promise<Record<string, string>> {
  return database.db.transaction().execute(async (trx) => {
    await sql`set local time zone 'UTC'`.execute(trx);
    await sql`set local intervalstyle = 'postgres'`.execute(trx);
    await sql`set local extra_float_digits = 1`.execute(trx);
    const out: Record<string, string> = {};
    for (const [table, order] of Object.entries(ORDER_BY)) {
      const res = await sql<{ j: string }>`
        select coalesce(json_agg(t order by ${sql.raw(order)}), '[]'::json)::text as j
        from ${sql.id(table)} t`.execute(trx);
      out[table] = res.rows[0]?.j ?? '';
    }
    return out;
  });
}

export function rowCounts(dump: Record<string, string>): Record<string, number> {
  return Object.fromEntries(Object.entries(dump).map(([t, j]) => [t, (JSON.parse(j) as unknown[]).length]));
}

async function seedSource(database: Database): Promise<void> {
  const { db } = database;
  const region = await db
    .selectFrom('region')
    .select('code')
    .where('level', '=', 'regency')
    .limit(1)
    .execute();
  const agencies = await db
    .insertInto('agency')
    .values([
      {
        code: 'DISKOMINFO',
        name: 'Dinas Komunikasi dan Informatika',
        short_name: 'Diskominfo',
        kind: 'department',
        region_code: region[0]?.code ?? null,
      },
      {
        code: 'BAPPEDA',
        name: 'Badan Perencanaan Pembangunan Daerah',
        short_name: 'Bappeda',
        kind: 'agency',
      },
    ])
    .returning('id')
    .execute();
  const users = await db
    .insertInto('app_user')
    .values([
      {
        username: 'admin',
        full_name: 'Admin Satu',
        password_hash: '$argon2id$v=19$m=19456,t=2,p=1$abc$def',
        locale: 'id',
        agency_id: agencies[0]?.id ?? null,
        locked_until: sql<Date>`'2024-02-29T23:59:59.123456+07:00'::timestamptz`,
      },
      {
        username: 'siti.rahma',
        full_name: 'Siti Rahmawati',
        email: 'siti@example.go.id',
        password_hash: 'x',
        locale: 'en',
        is_demo: true,
        failed_logins: 3,
      },
    ])
    .returning('id')
    .execute();
  const [admin, siti] = users.map((u) => u.id);
  if (!admin || !siti) throw new Error('users not created');
  await db
    .insertInto('user_role')
    .values([
      { user_id: admin, role: 'administrator' },
      { user_id: siti, role: 'producer' },
      { user_id: siti, role: 'custodian' },
    ])
    .execute();
  await db
    .insertInto('session')
    .values({
      id_hash: 'f'.repeat(64),
      user_id: admin,
      ip: '10.0.0.1',
      expires_at: sql<Date>`now() + interval '1 day'`,
    })
    .execute();
  await db
    .insertInto('api_token')
    .values({
      user_id: siti,
      name: 'Integrasi SIPD',
      token_hash: 'a'.repeat(64),
      prefix: 'sd_abcd',
      revoked_at: new Date(),
    })
    .execute();
  await db
    .insertInto('audit_log')
    .values([
      {
        actor_id: admin,
        actor_name: 'Admin Satu',
        action: 'user.create',
        summary: {},
        subject_type: 'user',
        subject_id: siti,
      },
      {
        actor_name: 'system',
        action: 'setting.change',
        subject_type: 'site_setting',
        summary: {
          before: null,
          after: { judul: 'Portal “Satu Data” ✓', n: [1, 2.5, -3e-7] },
          nested: { a: { b: [] } },
        },
        request_id: 'req-1',
        ip: '::1',
      },
      {
        actor_name: 'system',
        action: 'login.fail',
        subject_type: 'user',
        summary: { count: 9007199254740991 },
      },
    ])
    .execute();
  await db
    .insertInto('site_setting')
    .values([
      { key: 'site_title', value: JSON.stringify({ id: 'Satu Data Kabupaten', en: 'One Data Regency' }) },
      { key: 'maintenance', value: JSON.stringify(false) },
      { key: 'json_null', value: sql`'null'::jsonb` },
    ])
    .execute();
  await sql`
    insert into backup_probe (blob, amount, ratio, tags, extra, at, day, flag, raw, span, big) values
      ('\\x00ff10'::bytea, 123456789012345678901234567890.0123456789, 1.0000000000000002,
       array['a', 'b,c', '"q"', null], '{"k": [1, 2.50, null], "s": "x\\ny"}',
       '2024-02-29 23:59:59.123456+07', '2024-02-29', true, '{ "b": 1,  "a": 2 }',
       '1 year 2 mons 3 days 04:05:06.789', 9007199254740993),
      (null, null, null, null, null, null, null, null, null, null, null),
      ('', 'NaN', 'Infinity', '{}', '[]', 'infinity', '-infinity', false, 'null', '-1 day', -1)
  `.execute(db);
}

export interface BackupScratch {
  tmp: string;
  source: Database;
  backupFile: string;
  backupSummary: BackupSummary;
  sourceDump: Record<string, string>;
  /** A fresh, migrated (copied from the run's template) database with the probe table. */
  migratedDatabase(kind: DriverKind): Promise<Database>;
  /** A brand-new PGlite folder, never migrated: restoreBackup has to run the migrations. */
  unmigratedPglite(name: string): Promise<Database>;
  cleanup(): Promise<void>;
}

/** A seeded PGlite source, its dump and its backup file, in a temporary folder. */
export async function prepareBackupScratch(): Promise<BackupScratch> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'satudata-backup-'));
  const cleanups: (() => Promise<void>)[] = [];
  const migratedDatabase = async (kind: DriverKind): Promise<Database> => {
    const tdb: TestDatabase = await createTestDatabase(kind);
    cleanups.push(tdb.drop);
    await PROBE_DDL.execute(tdb.database.db);
    return tdb.database;
  };
  const unmigratedPglite = async (name: string): Promise<Database> => {
    const database = await openDatabase({ dataDir: path.join(tmp, name) });
    cleanups.push(() => database.close());
    await PROBE_DDL.execute(database.db);
    return database;
  };
  const cleanup = async () => {
    for (const c of cleanups) await c().catch(() => {});
    await rm(tmp, { recursive: true, force: true });
  };
  const source = await migratedDatabase('pglite');
  await seedSource(source);
  const sourceDump = await dumpAll(source);
  const backupFile = path.join(tmp, 'region.backup');
  const backupSummary = await writeBackup(source, backupFile);
  return { tmp, source, backupFile, backupSummary, sourceDump, migratedDatabase, unmigratedPglite, cleanup };
}
