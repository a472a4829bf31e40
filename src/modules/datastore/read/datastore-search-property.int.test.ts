import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctxFor } from '../../../../test/support/catalog-fixtures.js';
import { createDatastoreTable, type DatastoreFixture } from '../../../../test/support/datastore-fixtures.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/support/test-database.js';
import { ANONYMOUS } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { Database } from '../../../kernel/db/database.js';
import { ValidationError } from '../../../kernel/errors.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { datastoreSearch } from '../actions/datastore-search.js';

/** Column names that would break out of an unquoted or badly quoted identifier. */
const NASTY = 'nama"; drop table public.sentinel_p; --';
const SCHEMA: TableSchema = {
  fields: [
    { name: 'wilayah', type: 'string' },
    { name: NASTY, type: 'string' },
    { name: 'tahun', type: 'year' },
    { name: 'nilai', type: 'number' },
    { name: 'jumlah', type: 'integer' },
    { name: 'aktif', type: 'boolean' },
    { name: 'tanggal', type: 'date' },
    { name: 'rahasia', type: 'string', 'x-classification': 'restricted' },
  ],
};
const NAMES = [...SCHEMA.fields.map((f) => f.name), '_id', 'pg_class', 'sentinel_p', 'ctid', 'x" or 1=1 --'];

const injection = fc.constantFrom(
  "'; drop table public.sentinel_p; --",
  '") or true --',
  '1; delete from public.sentinel_p',
  'pg_sleep(1)',
  '\\',
  '$1',
  '\u0000',
  '*',
);
const name = fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 12 }), injection);
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  injection,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2024-02-29', '2023-02-29', '2020', '1.5', '-0', '1e400'),
);
const filterValue = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('lt', 'lte', 'gt', 'gte', 'eq', 'ne', 'like', '__proto__'), scalar, {
    maxKeys: 2,
  }),
);
const sortClause = fc
  .tuple(
    name,
    fc.constantFrom('', ' asc', ' desc', ' desc nulls last', ' sideways', '; drop table x'),
    fc.boolean(),
  )
  .map(([n, dir, quote]) => `${quote ? `"${n.replace(/"/g, '""')}"` : n}${dir}`);
const input = fc.record(
  {
    filters: fc.dictionary(name, filterValue, { maxKeys: 3 }),
    q: fc.oneof(
      fc.string({ maxLength: 20 }),
      injection,
      fc.dictionary(name, fc.string({ maxLength: 8 }), { maxKeys: 2 }),
    ),
    plain: fc.boolean(),
    fields: fc.array(name, { maxLength: 4 }),
    sort: fc.array(sortClause, { minLength: 1, maxLength: 3 }).map((a) => a.join(', ')),
    distinct: fc.boolean(),
    limit: fc.integer({ min: 0, max: 40_000 }),
    offset: fc.integer({ min: 0, max: 50 }),
    records_format: fc.constantFrom('objects', 'lists', 'csv', 'tsv'),
  },
  { requiredKeys: [] },
);

async function sentinel(database: Database): Promise<string[]> {
  const r = await sql<{ v: string }>`select v from public.sentinel_p order by v`.execute(database.db);
  return r.rows.map((x) => x.v);
}

for (const kind of DIALECTS) {
  describe(`datastore_search property on ${kind}`, () => {
    let t: TestDatabase;
    let table: DatastoreFixture;

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      table = await createDatastoreTable(t.database, SCHEMA, [
        ['3520', 'a', 2023, 1.5, 10, true, '2023-01-31', 'x'],
        ['3521', 'b', 2024, -2, 20, false, '2024-02-29', 'y'],
        ['3522', null, null, null, null, null, null, null],
      ]);
      await sql`create table public.sentinel_p (v text)`.execute(t.database.db);
      await sql`insert into public.sentinel_p values ('satu'), ('dua')`.execute(t.database.db);
    }, 60_000);
    afterAll(async () => t?.drop());

    it('no input reaches beyond the version table: only results or ValidationErrors, nothing changes', async () => {
      const ctx = ctxFor(t.database, ANONYMOUS);
      await fc.assert(
        fc.asyncProperty(input, async (raw) => {
          try {
            const r = await executeAction(ctx, datastoreSearch, { resource_id: table.resourceId, ...raw });
            // Success: only readable columns come back.
            for (const f of r.fields) expect([...SCHEMA.fields.map((x) => x.name), '_id']).toContain(f.id);
            expect(r.fields.map((f) => f.id)).not.toContain('rahasia');
          } catch (err) {
            if (!(err instanceof ValidationError)) throw err;
          }
        }),
        { numRuns: 300 },
      );
      expect(await sentinel(t.database)).toEqual(['dua', 'satu']);
      const rows = await sql<{
        n: number;
      }>`select count(*)::int8 as n from ${sql.id('datastore', table.tableName)}`.execute(t.database.db);
      expect(Number(rows.rows[0]?.n)).toBe(3);
    }, 120_000);

    it('reads a column whose name is an injection attempt as a plain column', async () => {
      const ctx = ctxFor(t.database, ANONYMOUS);
      const r = await executeAction(ctx, datastoreSearch, {
        resource_id: table.resourceId,
        filters: { [NASTY]: 'b' },
        fields: [NASTY, 'wilayah'],
        sort: `"${NASTY.replace(/"/g, '""')}" desc`,
      });
      expect(r.records).toEqual([{ [NASTY]: 'b', wilayah: '3521' }]);
      expect(await sentinel(t.database)).toEqual(['dua', 'satu']);
    });
  });
}
