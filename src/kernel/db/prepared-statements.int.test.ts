/**
 * Statements prepared per PostgreSQL connection (prepared-statements.ts): repeated statements
 * are parsed and planned once, a connection keeps a bounded number, and a statement whose
 * table changed shape under it still answers.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { PREPARED_MARK, prepareStatementsOf, preparesStatement } from './prepared-statements.js';

describe('which statements are prepared', () => {
  it('parameterised reads and writes, and marked statements; never the datastore tables', () => {
    expect(preparesStatement('select * from dataset where name = $1', ['a'])).toBe(true);
    expect(preparesStatement('  with x as (select 1) select $1', [1])).toBe(true);
    expect(preparesStatement('update dataset set title = $1', ['t'])).toBe(true);
    expect(preparesStatement('select 1', [])).toBe(false);
    expect(preparesStatement('begin', [])).toBe(false);
    expect(preparesStatement('set local role x', ['a'])).toBe(false);
    expect(preparesStatement(`${PREPARED_MARK}select stamp from catalog_stamp`, [])).toBe(true);
    expect(preparesStatement('select "_id" from "datastore"."v_0a" where "_id" = $1', [1])).toBe(false);
    expect(preparesStatement('select count(*) from datastore."v_0a" where x = $1', [1])).toBe(false);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('prepared statements on a PostgreSQL connection', () => {
  let t: TestDatabase;
  let pool: pg.Pool;
  /** As Kysely queries: a checked-out client, promise form (pool.query passes a callback). */
  const q = async (text: string, values?: unknown[]) => {
    const client = await pool.connect();
    try {
      return await client.query(text, values);
    } finally {
      client.release();
    }
  };
  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    // One connection keeping at most three statements, to see the oldest dropped.
    pool = new pg.Pool({ connectionString: t.databaseUrl, max: 1 });
    pool.on('connect', (client) => prepareStatementsOf(client, 3));
    await pool.query('create table prep_probe (id int primary key, v text)');
    await pool.query(`insert into prep_probe values (1, 'a'), (2, 'b')`);
  });
  afterAll(async () => {
    await pool?.end();
    await t?.drop();
  });

  const preparedTexts = async () =>
    (await q('select statement from pg_prepared_statements')).rows.map((r) => r.statement as string);

  it('prepares a repeated statement once and answers it as before', async () => {
    for (const id of [1, 2, 1])
      expect((await q('select v from prep_probe where id = $1', [id])).rows).toEqual([
        { v: id === 1 ? 'a' : 'b' },
      ]);
    expect(await preparedTexts()).toEqual(['select v from prep_probe where id = $1']);
  });

  it('keeps at most its capacity, dropping the least recently used', async () => {
    for (const column of ['id', 'id + 1', 'upper(v)', 'lower(v)'])
      await q(`select ${column} from prep_probe where id = $1`, [1]);
    const texts = await preparedTexts();
    expect(texts).toHaveLength(3);
    expect(texts).not.toContain('select v from prep_probe where id = $1');
    expect(texts).toContain('select lower(v) from prep_probe where id = $1');
  });

  it('answers a statement whose table changed shape since it was prepared', async () => {
    const read = () => q('select * from prep_probe where id = $1', [2]);
    expect((await read()).rows).toEqual([{ id: 2, v: 'b' }]);
    await q('alter table prep_probe add column w int default 7');
    expect((await read()).rows).toEqual([{ id: 2, v: 'b', w: 7 }]);
    expect((await read()).rows).toEqual([{ id: 2, v: 'b', w: 7 }]);
  });

  it('inside a transaction, fails that statement once and prepares it afresh afterwards', async () => {
    const client = await pool.connect();
    try {
      const read = () => client.query('select * from prep_probe where id = $1', [1]);
      await read();
      await client.query('alter table prep_probe add column x int default 8');
      await client.query('begin');
      await expect(read()).rejects.toMatchObject({ code: '0A000' });
      await client.query('rollback');
      expect((await read()).rows).toEqual([{ id: 1, v: 'a', w: 7, x: 8 }]);
    } finally {
      client.release();
    }
  });
});
