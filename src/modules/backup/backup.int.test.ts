import { randomBytes } from 'node:crypto';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { type Database, type DriverKind, openDatabase } from '../../kernel/db/database.js';
import { MIGRATION_NAMES } from '../../kernel/db/migrate.js';
import { type BackupSummary, restoreBackup, writeBackup } from './backup.js';

const SLOW = { timeout: 120_000 };

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

let tmp: string;
let source: Database;
let backupFile: string;
let backupSummary: BackupSummary;
let sourceDump: Record<string, string>;
const cleanups: (() => Promise<void>)[] = [];

/** A fresh, migrated (copied from the run's template) database with the probe table. */
async function migratedDatabase(kind: DriverKind): Promise<Database> {
  const tdb: TestDatabase = await createTestDatabase(kind);
  cleanups.push(tdb.drop);
  await PROBE_DDL.execute(tdb.database.db);
  return tdb.database;
}

/** A brand-new PGlite folder, never migrated: restoreBackup has to run the migrations. */
async function unmigratedPglite(name: string): Promise<Database> {
  const database = await openDatabase({ dataDir: path.join(tmp, name) });
  cleanups.push(() => database.close());
  await PROBE_DDL.execute(database.db);
  return database;
}

/** Every compared table as JSON text, rows ordered by primary key, in one fixed format. */
async function dumpAll(database: Database): Promise<Record<string, string>> {
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

function rowCounts(dump: Record<string, string>): Record<string, number> {
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

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'satudata-backup-'));
  source = await migratedDatabase('pglite');
  await seedSource(source);
  sourceDump = await dumpAll(source);
  backupFile = path.join(tmp, 'region.backup');
  backupSummary = await writeBackup(source, backupFile);
}, SLOW.timeout);

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => {});
  if (tmp) await rm(tmp, { recursive: true, force: true });
}, SLOW.timeout);

describe('writeBackup', () => {
  it('lists every data table with its rows, parents first, and the migrations', () => {
    const names = backupSummary.tables.map((t) => t.name);
    expect(names).not.toContain('region');
    expect(names).not.toContain('kysely_migration');
    expect(names.indexOf('agency')).toBeLessThan(names.indexOf('app_user'));
    expect(names.indexOf('app_user')).toBeLessThan(names.indexOf('user_role'));
    expect(names.indexOf('app_user')).toBeLessThan(names.indexOf('api_token'));
    const counts = Object.fromEntries(backupSummary.tables.map((t) => [t.name, t.rows]));
    expect(counts).toMatchObject(rowCounts(sourceDump));
    expect(backupSummary.migrations).toEqual(MIGRATION_NAMES);
  });

  it('leaves no partial file behind', async () => {
    await expect(access(`${backupFile}.partial`)).rejects.toThrow();
    await expect(access(backupFile)).resolves.toBeUndefined();
  });
});

describe('restoreBackup into a new PGlite folder', () => {
  let target: Database;

  beforeAll(async () => {
    target = await unmigratedPglite('target');
  }, SLOW.timeout);

  it('restores identical rows and moves sequences past the restored ids', SLOW, async () => {
    const summary = await restoreBackup(target, backupFile);
    expect(summary).toEqual(backupSummary);
    const restored = await dumpAll(target);
    expect(rowCounts(restored)).toEqual(rowCounts(sourceDump));
    expect(restored).toEqual(sourceDump);

    const maxId = await source.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirst();
    const next = await target.db
      .insertInto('audit_log')
      .values({ actor_name: 'system', action: 'after.restore', subject_type: 'test', summary: {} })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(Number(next.id)).toBe(Number(maxId?.m) + 1);
    const probe = await sql<{
      id: number;
    }>`insert into backup_probe (flag) values (true) returning id`.execute(target.db);
    expect(probe.rows[0]?.id).toBe(4);
  });

  it('refuses a target that is not empty and leaves it unchanged', SLOW, async () => {
    const before = await dumpAll(target);
    await expect(restoreBackup(target, backupFile)).rejects.toThrow(
      /^Basis data tujuan tidak kosong \/ Target database is not empty: table \w+ has \d+ rows$/,
    );
    expect(await dumpAll(target)).toEqual(before);
  });
});

describe('restoreBackup refusals on an empty target', () => {
  let target: Database;
  let emptyDump: Record<string, string>;

  beforeAll(async () => {
    target = await migratedDatabase('pglite');
    emptyDump = await dumpAll(target);
  }, SLOW.timeout);

  afterAll(async () => {
    // Every failed restore rolled back: the target is still exactly as migrations left it.
    expect(await dumpAll(target)).toEqual(emptyDump);
  }, SLOW.timeout);

  it('refuses files that are not backups, naming the file', SLOW, async () => {
    const bytes = await readFile(backupFile);
    const cases: Record<string, Buffer> = {
      'random.bin': randomBytes(2048),
      'plain.jsonl': Buffer.from('{"hello":"world"}\n'),
      'other.jsonl.gz': gzipSync('{"hello":"world"}\n'),
      'truncated.backup': bytes.subarray(0, Math.floor(bytes.length / 2)),
      'headeronly.backup': gzipSync(
        `${JSON.stringify({ format: 'satudata-backup', version: 1, createdAt: '', migrations: [] })}\n`,
      ),
      'empty.backup': Buffer.alloc(0),
    };
    for (const [name, content] of Object.entries(cases)) {
      const file = path.join(tmp, name);
      await writeFile(file, content);
      await expect(restoreBackup(target, file), name).rejects.toThrow(file);
      await expect(restoreBackup(target, file), name).rejects.toThrow(/ \/ /);
    }
    const missing = path.join(tmp, 'missing.backup');
    await expect(restoreBackup(target, missing)).rejects.toThrow(
      `Berkas cadangan tidak dapat dibaca / Cannot read backup file ${missing}`,
    );
  });

  it('refuses a backup from a newer version', SLOW, async () => {
    const file = path.join(tmp, 'newer.backup');
    const header = {
      format: 'satudata-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      migrations: [...MIGRATION_NAMES, '9999-from-the-future'],
    };
    await writeFile(file, gzipSync(`${JSON.stringify(header)}\n{"done":true}\n`));
    await expect(restoreBackup(target, file)).rejects.toThrow(/yang lebih baru \/ .*is from a newer version/);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('restoreBackup across drivers (PGlite ↔ PostgreSQL)', () => {
  let server: Database;

  beforeAll(async () => {
    server = await migratedDatabase('postgres');
  }, SLOW.timeout);

  it('restores a PGlite backup into PostgreSQL with identical rows', SLOW, async () => {
    const summary = await restoreBackup(server, backupFile);
    expect(summary).toEqual(backupSummary);
    const restored = await dumpAll(server);
    expect(rowCounts(restored)).toEqual(rowCounts(sourceDump));
    expect(restored).toEqual(sourceDump);
  });

  it('backs PostgreSQL up and restores it into PGlite with identical rows', SLOW, async () => {
    const file = path.join(tmp, 'from-server.backup');
    const summary = await writeBackup(server, file);
    expect(summary).toEqual(backupSummary);
    const target = await migratedDatabase('pglite');
    await restoreBackup(target, file);
    expect(await dumpAll(target)).toEqual(sourceDump);
  });

  it('refuses a non-empty PostgreSQL target and leaves it unchanged', SLOW, async () => {
    const before = await dumpAll(server);
    await expect(restoreBackup(server, backupFile)).rejects.toThrow(/Target database is not empty/);
    expect(await dumpAll(server)).toEqual(before);
  });
});
