import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAction,
  createAgency,
  resultOf,
  userWithToken,
} from '../../../../test/support/catalog-fixtures.js';
import {
  createDatastoreTable,
  type DatastoreFixture,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../../test/support/datastore-fixtures.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { DIALECTS } from '../../../../test/support/test-database.js';
import type { Actor } from '../../../kernel/access/policy.js';

interface SqlResult {
  sql: string;
  records: Record<string, unknown>[];
  fields: { id: string; type: string }[];
  records_truncated?: boolean;
}

for (const kind of DIALECTS) {
  describe(`datastore_search_sql on ${kind}`, () => {
    let t: TestApp;
    let pub: DatastoreFixture;
    let priv: DatastoreFixture;
    let ownerToken: string;

    beforeAll(async () => {
      // On for both engines here, to test the checker; its default on PGlite (off) is tested in
      // datastore-bounds.int.test.ts.
      t = await createTestApp(kind, { DATASTORE_SQL: 'on' });
      const agency = await createAgency(t.database);
      const custodian = await userWithToken(t.database, 'custodian');
      pub = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        agencyId: agency.id,
        owner: custodian.actor as Actor,
      });
      priv = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        agencyId: agency.id,
        owner: custodian.actor as Actor,
        private: true,
      });
      ownerToken = (await userWithToken(t.database, 'producer', agency.id)).token;
      await sql`create table public.sentinel_b (v text)`.execute(t.database.db);
      await sql`insert into public.sentinel_b values ('tetap')`.execute(t.database.db);
    }, 60_000);
    afterAll(async () => t?.close());

    const run = (query: string, token?: string) =>
      callAction(t.app, 'datastore_search_sql', { query: { sql: query }, token });

    it('runs a SELECT over a public resource by its id, with CTEs, unions, joins and aggregates', async () => {
      const r = await resultOf<SqlResult>(
        run(`SELECT nama_wilayah, sum(jumlah_penduduk) AS total FROM "${pub.resourceId}"
             WHERE tahun = 2022 GROUP BY nama_wilayah ORDER BY total DESC;`),
      );
      expect(r.records).toEqual([
        { nama_wilayah: 'Magetan Kota', total: expect.anything() },
        { nama_wilayah: 'Parang', total: expect.anything() },
        { nama_wilayah: 'Poncol', total: expect.anything() },
      ]);
      expect(Number(r.records[0]?.total)).toBe(50000);
      expect(r.fields.map((f) => f.id)).toEqual(['nama_wilayah', 'total']);
      expect(r.sql).toContain('SELECT nama_wilayah');
      const cte = await resultOf<SqlResult>(
        run(`with a as (select tahun, count(*) as n from "${pub.resourceId}" t group by tahun)
             select a.tahun, a.n from a join "${pub.resourceId}" b on b.tahun = a.tahun and b._id = 1
             union all select 1999, 0 order by 1 -- a trailing comment`),
      );
      expect(cte.records.map((x) => Number(x.tahun))).toEqual([1999, 2022]);
    });

    it('refuses hostile queries with a bilingual message, and changes nothing', async () => {
      const hostile = [
        `drop table public.sentinel_b`,
        `delete from "${pub.resourceId}"`,
        `update "${pub.resourceId}" set tahun = 1`,
        `insert into public.sentinel_b values ('x')`,
        `create table x (a int)`,
        `select 1; drop table public.sentinel_b`,
        `select 1 /* ; */ ; delete from public.sentinel_b -- hidden`,
        `select pg_sleep(10)`,
        `select pg_catalog.pg_sleep(10)`,
        `select * from pg_catalog.pg_class`,
        `select * from pg_class`,
        `select * from pg_user`,
        `select * from information_schema.tables`,
        `select * from public.sentinel_b`,
        `select * from sentinel_b`,
        `select * from datastore."${pub.tableName}"`,
        `select * into public.copy_b from "${pub.resourceId}"`,
        `select * from "${pub.resourceId}" for update`,
        `select set_config('statement_timeout', '0', false)`,
        `select current_setting('data_directory')`,
        `select pg_read_file('/etc/passwd')`,
        `select lo_import('/etc/passwd')`,
        `select dblink('x', 'y')`,
        `select query_to_xml('select 1', true, true, '')`,
        `select 'pg_class'::regclass`,
        `select * from generate_series(1, 100000000)`,
        `with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r`,
        `with a as (select * from pg_user), pg_user as (select 1) select * from a`,
        `select * from (with pg_user as (select 1 as x) select * from pg_user) s, pg_user`,
        `with d as (delete from "${pub.resourceId}" returning *) select * from d`,
        `select * from "${priv.resourceId}"`,
        `select current_user`,
        `explain select 1`,
        `copy public.sentinel_b to stdout`,
        `set statement_timeout = 0`,
        `select $1`,
        `select nik_petugas from "${pub.resourceId}"`,
        `select count(nik_petugas) from "${pub.resourceId}"`,
        `select * from "${pub.resourceId.toUpperCase()}"`,
        `select 1 from`,
      ];
      for (const q of hostile) {
        const res = await run(q);
        expect(res.statusCode, q).toBe(409);
        const body = res.json() as {
          success: boolean;
          error: { __type: string; message: string; sql: string[] };
        };
        expect(body.success, q).toBe(false);
        expect(body.error.__type, q).toBe('Validation Error');
        expect(body.error.sql?.[0], q).toMatch(/^(Kueri|Tabel)/);
        const en = await callAction(t.app, 'datastore_search_sql', { query: { sql: q, lang: 'en' } });
        expect((en.json() as { error: { sql: string[] } }).error.sql[0], q).toMatch(/^(Query|Cannot parse)/);
      }
      const left = await sql<{ v: string }>`select v from public.sentinel_b`.execute(t.database.db);
      expect(left.rows).toEqual([{ v: 'tetap' }]);
      const count = await sql<{
        n: number;
      }>`select count(*)::int8 as n from ${sql.id('datastore', pub.tableName)}`.execute(t.database.db);
      expect(Number(count.rows[0]?.n)).toBe(7);
    });

    it('hides withheld columns from select * for the public; the owning agency sees them', async () => {
      const open = await resultOf<SqlResult>(run(`select * from "${pub.resourceId}" order by _id limit 1`));
      expect(Object.keys(open.records[0] ?? {})).not.toContain('nik_petugas');
      const staff = await resultOf<SqlResult>(
        run(`select nik_petugas from "${pub.resourceId}" order by _id limit 1`, ownerToken),
      );
      expect(staff.records).toEqual([{ nik_petugas: '3520000000000001' }]);
      // Private datasets stay out of SQL even for their own staff (public tables only, as CKAN).
      expect((await run(`select 1 from "${priv.resourceId}"`, ownerToken)).statusCode).toBe(409);
    });

    it('refuses a query the planner prices too high before running it', async () => {
      const res = await run(
        `select count(*) from "${pub.resourceId}" a, "${pub.resourceId}" b, "${pub.resourceId}" c,
         "${pub.resourceId}" d, "${pub.resourceId}" e, "${pub.resourceId}" f, "${pub.resourceId}" g,
         "${pub.resourceId}" h, "${pub.resourceId}" i, "${pub.resourceId}" j`,
      );
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('terlalu berat');
    });

    it('caps the rows at rows_max and says so', async () => {
      const r = await resultOf<SqlResult>(
        run(`select a._id from "${pub.resourceId}" a, "${pub.resourceId}" b, "${pub.resourceId}" c,
             "${pub.resourceId}" d, "${pub.resourceId}" e, "${pub.resourceId}" f`),
      );
      expect(r.records).toHaveLength(32_000);
      expect(r.records_truncated).toBe(true);
    });
  });
}
