import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAction,
  createAgency,
  ctxFor,
  resultOf,
  uniq,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { mutate } from '../../kernel/actions/context.js';
import type { Agency } from '../../kernel/db/schema.js';

/** A promise and the function that resolves it, to hold one transaction open from outside. */
function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Until a session of this database waits on a lock (PostgreSQL only), or ~10 s pass. */
async function someoneWaitsOnALock(t: TestApp): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(t.database.db);
    if ((rows[0]?.n ?? 0) > 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * One pass per write (issue 10, point 3): resource_update, resource_delete and
 * resource_schema_update load the resource and its dataset inside their transaction with FOR
 * UPDATE and authorize those rows. A producer of agency A writes while the custodian's
 * transaction is moving the dataset to agency B: the write is judged against the moved dataset
 * (refused, nothing changed), never against the row as it was before the move.
 *
 * PostgreSQL: the producer's request is sent while the move holds the dataset row; the test waits
 * until the producer's load is blocked on it, then commits the move. PGlite has one connection:
 * the producer's request simply runs after the move.
 */
for (const kind of DIALECTS) {
  describe(`stale checks on resource writes on ${kind}`, () => {
    let t: TestApp;
    let dinkes: Agency;
    let disdik: Agency;
    let producer: string;
    let producerName: string;
    let custodian: Actor;

    beforeAll(async () => {
      t = await createTestApp(kind);
      dinkes = await createAgency(t.database, { code: `a-${uniq()}` });
      disdik = await createAgency(t.database, { code: `b-${uniq()}` });
      const p = await userWithToken(t.database, 'producer', dinkes.id);
      producer = p.token;
      producerName = p.username;
      custodian = (await userWithToken(t.database, 'custodian')).actor;
    });
    afterAll(() => t?.close());

    /** A private dataset of agency A with one link resource the producer made (so it may change it). */
    async function producersResource() {
      const dataset = await resultOf<{ id: string }>(
        callAction(t.app, 'package_create', {
          body: { name: `stale-${uniq()}`, title: 'Sebelum', owner_org: dinkes.code },
          token: producer,
        }),
      );
      const resource = await resultOf<{ id: string }>(
        callAction(t.app, 'resource_create', {
          body: { package_id: dataset.id, url: 'https://data.example.go.id/a.csv', name: 'Sebelum' },
          token: producer,
        }),
      );
      return { datasetId: dataset.id, resourceId: resource.id };
    }

    /** The custodian moves the dataset to agency B in a transaction kept open until `commit`. */
    function startMove(datasetId: string) {
      const moved = deferred();
      const commit = deferred();
      const done = mutate(ctxFor(t.database, custodian), async (trx, audit) => {
        await trx.updateTable('dataset').set({ agency_id: disdik.id }).where('id', '=', datasetId).execute();
        await audit({ action: 'package_update', subjectType: 'dataset', subjectId: datasetId });
        moved.resolve();
        await commit.promise;
      });
      return { moved: moved.promise, commit: commit.resolve, done };
    }

    async function expectRefusedAfterMove(action: string, body: Record<string, unknown>) {
      const { datasetId, resourceId } = await producersResource();
      const move = startMove(datasetId);
      let res: Awaited<ReturnType<typeof callAction>>;
      try {
        await move.moved;
        const call = callAction(t.app, action, { body: { id: resourceId, ...body }, token: producer });
        // PostgreSQL: the producer's load is blocked on the dataset row the move holds.
        if (kind === 'postgres') expect(await someoneWaitsOnALock(t)).toBe(true);
        move.commit();
        await move.done;
        res = await call;
      } finally {
        move.commit();
      }
      expect([403, 404]).toContain(res.statusCode);
      const row = await t.database.db
        .selectFrom('resource')
        .select(['name', 'state', 'table_schema'])
        .where('id', '=', resourceId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ name: 'Sebelum', state: 'active', table_schema: null });
      const producerWrites = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', resourceId)
        .where('actor_name', '=', producerName)
        .execute();
      expect(producerWrites.map((a) => a.action)).toEqual(['resource_create']);
    }

    it('resource_update by a producer of the old agency is refused once the dataset moved', async () => {
      await expectRefusedAfterMove('resource_update', { name: 'Ditimpa' });
    });

    it('resource_delete by a producer of the old agency is refused once the dataset moved', async () => {
      await expectRefusedAfterMove('resource_delete', {});
    });

    it('resource_schema_update by a producer of the old agency is refused once the dataset moved', async () => {
      await expectRefusedAfterMove('resource_schema_update', {
        table_schema: { fields: [{ name: 'a', type: 'string' }] },
      });
    });
  });
}
