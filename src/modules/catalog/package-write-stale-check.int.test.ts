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
import { DatasetFieldsSchema } from './actions/dataset.schema.js';
import { loadTargetForUpdate, replaceLoadedDataset } from './actions/package-update.js';

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
 * One pass per write (issue 10, point 3): package_update, package_patch and package_delete load
 * the dataset inside their transaction with FOR UPDATE and authorize that row. A producer of
 * agency A writes while the custodian's transaction is moving the dataset to agency B: the
 * producer's write must be judged against the moved row (refused, nothing changed), never
 * against the row as it was before the move (the check-then-act gap).
 *
 * PostgreSQL: the producer's request is sent while the move's transaction holds the row; the test
 * waits until the producer's load is blocked on that row lock, then commits the move. PGlite has
 * one connection, so its driver queues the producer's whole request behind the open move: the
 * order there is simply move, then the producer's call.
 */
for (const kind of DIALECTS) {
  describe(`stale checks on dataset writes on ${kind}`, () => {
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

    /** A private dataset of agency A that the producer has just changed once (so it may). */
    async function producersDataset() {
      const name = `stale-${uniq()}`;
      const body = { name, title: 'Sebelum', owner_org: dinkes.code };
      const created = await resultOf<{ id: string }>(
        callAction(t.app, 'package_create', { body, token: producer }),
      );
      const edited = await callAction(t.app, 'package_patch', {
        body: { id: created.id, notes: 'Produsen boleh mengubahnya' },
        token: producer,
      });
      expect(edited.statusCode).toBe(200);
      return { id: created.id, name };
    }

    /**
     * The custodian's package_update moving the dataset to agency B, in a transaction kept open
     * until `commit` is called; `moved` resolves once the row is changed (and locked).
     */
    function startMove(dataset: { id: string; name: string }) {
      const moved = deferred();
      const commit = deferred();
      const fields = DatasetFieldsSchema.parse({
        name: dataset.name,
        title: 'Dipindah',
        owner_org: disdik.code,
      });
      const done = mutate(ctxFor(t.database, custodian), async (trx, audit) => {
        const existing = await loadTargetForUpdate(ctxFor(t.database, custodian), trx, dataset.id);
        const saved = await replaceLoadedDataset(
          ctxFor(t.database, custodian),
          trx,
          audit,
          existing,
          fields,
          undefined,
        );
        moved.resolve();
        await commit.promise;
        return saved;
      });
      return { moved: moved.promise, commit: commit.resolve, done };
    }

    /** The producer's write runs against the moved row: refused, and the move is what stays. */
    async function expectRefusedAfterMove(
      action: string,
      body: (d: { name: string }) => Record<string, unknown>,
    ) {
      const dataset = await producersDataset();
      const move = startMove(dataset);
      let res: Awaited<ReturnType<typeof callAction>>;
      try {
        await move.moved;
        const call = callAction(t.app, action, {
          body: { id: dataset.id, ...body(dataset) },
          token: producer,
        });
        // PostgreSQL: the producer's load is blocked on the row the move holds (FOR UPDATE).
        if (kind === 'postgres') expect(await someoneWaitsOnALock(t)).toBe(true);
        move.commit();
        await move.done;
        res = await call;
      } finally {
        move.commit();
      }
      expect([403, 404]).toContain(res.statusCode);
      const row = await t.database.db
        .selectFrom('dataset')
        .select(['agency_id', 'title', 'state'])
        .where('id', '=', dataset.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ agency_id: disdik.id, title: 'Dipindah', state: 'active' });
      const producerWrites = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', dataset.id)
        .where('actor_name', '=', producerName)
        .orderBy('id')
        .execute();
      // Its own create and first edit (a patch is audited as package_update); nothing after the move.
      expect(producerWrites.map((a) => a.action)).toEqual(['package_create', 'package_update']);
    }

    it('package_update by a producer of the old agency is refused once the dataset moved', async () => {
      await expectRefusedAfterMove('package_update', (d) => ({
        name: d.name,
        title: 'Ditimpa',
        owner_org: dinkes.code,
      }));
    });

    it('package_patch by a producer of the old agency is refused once the dataset moved', async () => {
      await expectRefusedAfterMove('package_patch', () => ({ title: 'Ditimpa' }));
    });

    it('package_delete by a producer of the old agency is refused once the dataset moved', async () => {
      await expectRefusedAfterMove('package_delete', () => ({}));
    });
  });
}
