/**
 * /readyz beyond the database (issue #22 item 3): it also answers 503 while the file storage
 * (S3) is unreachable or the schema is behind the code's migrations, and ready again once
 * each returns. The database outage itself is in ops.routes.int.test.ts.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../../test/support/s3-server.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

describe.each(DIALECTS)('/readyz follows the file storage and the migrations (%s)', (kind) => {
  let s3: TestS3Server;
  let t: TestApp;
  beforeAll(async () => {
    s3 = await startS3Server('satudata-readyz');
    t = await createTestApp(kind, s3.env);
  });
  afterAll(async () => {
    await t?.close();
    await s3?.stop();
  });
  const readyz = () => t.app.inject({ url: '/readyz' });

  it('goes unready (503, naming storage) while S3 is unreachable and ready again when it returns', async () => {
    expect((await readyz()).json()).toEqual({ ready: true });
    await s3.pause();
    const down = await readyz();
    expect(down.statusCode).toBe(503);
    expect(down.headers['cache-control']).toBe('no-store');
    expect(down.json().problems.join(' ')).toMatch(/^storage: /);
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    await s3.resume();
    expect((await readyz()).statusCode).toBe(200);
  });

  it('goes unready (503, naming the migration) while one is not applied, ready when it is', async () => {
    const db = t.database.db;
    const { rows } = await sql<{ name: string; timestamp: string }>`
      select name, timestamp from kysely_migration order by name desc limit 1`.execute(db);
    const row = rows[0];
    if (!row) throw new Error('no migration recorded');
    await sql`delete from kysely_migration where name = ${row.name}`.execute(db);
    const behind = await readyz();
    expect(behind.statusCode).toBe(503);
    expect(behind.json().problems).toEqual([`migrations: not applied: ${row.name}`]);
    await sql`insert into kysely_migration (name, timestamp) values (${row.name}, ${row.timestamp})`.execute(
      db,
    );
    expect((await readyz()).statusCode).toBe(200);
  });
});
