/**
 * Issue 11, finding 2: no public datastore request may hold the database for long. On PGlite
 * (no statement timeout) `datastore_search_sql` is off by default; on PostgreSQL it runs as a
 * read-only role with a timeout; a full-text `q` goes through `_full_text`'s GIN index.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, createAgency, resultOf } from '../../../../test/support/catalog-fixtures.js';
import {
  type Cell,
  createDatastoreTable,
  type DatastoreFixture,
  POPULATION_SCHEMA,
} from '../../../../test/support/datastore-fixtures.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { DIALECTS } from '../../../../test/support/test-database.js';
import { ANONYMOUS } from '../../../kernel/access/policy.js';
import { ReadTimeoutError, runReadOnlySelect, withReadTimeout } from '../datastore-read.repository.js';
import { prepareSearch } from '../datastore-search.repository.js';
import { loadReadableTable } from './readable-table.js';
import { type SearchParams, selectedColumns } from './search-params.js';

const HOSTILE = `select length(to_tsvector('simple', lpad('', 50000000, 'ab cd ')))`;
const NAMES = ['Poncol', 'Parang', 'Magetan Kota', 'Bendo', 'Plaosan', 'Sukomoro'];

/** A few thousand rows, so the planner prefers an index when one fits. */
function manyRows(n: number): Cell[][] {
  return Array.from({ length: n }, (_, i) => [
    `35200${i % 97}`,
    `${NAMES[i % NAMES.length]} ${i % 13 === 0 ? 'telaga sarangan' : 'desa'}`,
    2000 + (i % 25),
    i,
    i / 4,
    i % 2 === 0,
    `20${String(10 + (i % 14))}-0${1 + (i % 9)}-1${i % 10}`,
    `3520${String(i).padStart(12, '0')}`,
  ]);
}

const params = (q: SearchParams['q'], extra: Partial<SearchParams> = {}): SearchParams => ({
  q,
  plain: true,
  language: 'indonesian',
  limit: 100,
  offset: 0,
  distinct: false,
  include_total: true,
  records_format: 'objects',
  ...extra,
});

for (const kind of DIALECTS) {
  describe(`datastore bounds on ${kind}`, () => {
    let t: TestApp;
    let big: DatastoreFixture;

    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await createAgency(t.database);
      big = await createDatastoreTable(t.database, POPULATION_SCHEMA, manyRows(3000), {
        agencyId: agency.id,
      });
      await sql`analyze ${sql.id('datastore', big.tableName)}`.execute(t.database.db);
    }, 120_000);
    afterAll(async () => t?.close());

    const sqlSearch = (query: string, lang?: string) =>
      callAction(t.app, 'datastore_search_sql', { query: { sql: query, ...(lang ? { lang } : {}) } });

    it('refuses the string-building query: SQL is off on PGlite, the checker refuses lpad on PostgreSQL', async () => {
      const res = await sqlSearch(HOSTILE);
      const en = await sqlSearch(HOSTILE, 'en');
      if (kind === 'pglite') {
        expect(res.statusCode).toBe(409);
        expect(res.body).toContain('tidak diaktifkan');
        expect(res.body).toContain('DATASTORE_SQL');
        expect(en.body).toContain('not enabled on this server');
      } else {
        expect(res.statusCode).toBe(409);
        expect(res.body).toContain('argumen ke-2 lpad');
        expect(en.body).toContain('argument 2 of lpad must be a constant of at most 1000');
      }
    });

    it('searches q through the GIN index of _full_text', async () => {
      const table = await loadReadableTable(t.database.db, ANONYMOUS, big.resourceId);
      for (const q of ['sarangan', { nama_wilayah: 'sarangan' }] as const) {
        const p = params(q);
        const query = await prepareSearch(table, p, selectedColumns(table, undefined), []).recordsQuery(
          t.database.db,
        );
        const plan = await t.database.db.transaction().execute(async (trx) => {
          await sql`set local enable_seqscan = off`.execute(trx);
          const r = await trx.executeQuery<Record<string, string>>(
            CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
          );
          return r.rows.map((row) => Object.values(row)[0]).join('\n');
        });
        expect(plan, JSON.stringify(q)).toMatch(/Bitmap Index Scan on \S*_full_text\S*/);
      }
    });

    it('finds the same rows through the index as a table loaded before _full_text', async () => {
      const cases: Record<string, string>[] = [
        { q: 'sarangan' },
        { q: 'telaga desa' },
        { q: 'parang | poncol', plain: 'false' },
        { q: 'bendo', language: 'simple' },
        { q: JSON.stringify({ nama_wilayah: 'plaosan' }) },
        { q: '3520000000000007' },
        { q: '2020-01-10' },
        { q: 'sarangan', filters: JSON.stringify({ kota: true }) },
      ];
      const run = async () => {
        const out: unknown[] = [];
        for (const c of cases)
          out.push(
            await resultOf<{ total: number; records: unknown[] }>(
              callAction(t.app, 'datastore_search', {
                query: { resource_id: big.resourceId, limit: '5', sort: '_id', ...c },
              }),
            ),
          );
        return out.map((r) => {
          const { total, records } = r as { total: number; records: unknown[] };
          return { total, records };
        });
      };
      const indexed = await run();
      expect((indexed[0] as { total: number }).total).toBe(Math.ceil(3000 / 13));
      // The closed NIK column stays out of the public's q even though _full_text holds it.
      expect((indexed[5] as { total: number }).total).toBe(0);
      await sql`alter table ${sql.id('datastore', big.tableName)} drop column _full_text`.execute(
        t.database.db,
      );
      expect(await run()).toEqual(indexed);
    });

    it.runIf(kind === 'postgres')(
      'runs SQL as the read-only role, which cannot read the platform tables',
      async () => {
        const who = await runReadOnlySelect(t.database.db, 'select current_user as u', [], 5000, () => {});
        expect(who).toEqual([{ u: 'satudata_datastore_reader' }]);
        await expect(
          runReadOnlySelect(t.database.db, 'select count(*) from public.app_user', [], 5000, () => {}),
        ).rejects.toThrow(/permission denied/);
      },
    );

    it.runIf(kind === 'postgres')('stops a read at its statement timeout', async () => {
      await expect(
        withReadTimeout(t.database.db, (trx) => sql`select pg_sleep(2)`.execute(trx), 50),
      ).rejects.toBeInstanceOf(ReadTimeoutError);
    });

    it.runIf(kind === 'postgres')(
      'stops a long SQL query at its timeout while other requests are served',
      async () => {
        const done: string[] = [];
        const heavy = sqlSearch(
          `select count(*) from "${big.resourceId}" a, "${big.resourceId}" b
           where to_tsvector('simple', a.nama_wilayah || b.nama_wilayah) @@ plainto_tsquery('simple', 'zz')`,
        ).then((r) => {
          done.push('heavy');
          return r;
        });
        const light = callAction(t.app, 'datastore_search', {
          query: { resource_id: big.resourceId, q: 'sarangan', limit: '1' },
        }).then((r) => {
          done.push('light');
          return r;
        });
        const [h, l] = await Promise.all([heavy, light]);
        expect(l.statusCode).toBe(200);
        expect(h.statusCode).toBe(409);
        expect(h.body).toContain('batas waktu');
        expect(done).toEqual(['light', 'heavy']);
      },
      60_000,
    );
  });
}

describe('datastore_search_sql setting', () => {
  it('is off on PGlite unless DATASTORE_SQL=on, and on with PostgreSQL unless off', async () => {
    const { loadConfig } = await import('../../../kernel/config.js');
    expect(loadConfig({}).datastoreSql).toBe(false);
    expect(loadConfig({ DATASTORE_SQL: 'on' }).datastoreSql).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@localhost/y' }).datastoreSql).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@localhost/y', DATASTORE_SQL: 'off' }).datastoreSql).toBe(
      false,
    );
  });
});
