import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  callAction,
  createAgency,
  resultOf,
  uniq,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Agency } from '../../kernel/db/schema.js';

/**
 * Lost updates (issue 11, finding 9): writers that all read the same `metadata_modified` and
 * send it as `if_unmodified_since` at the same moment. The check is made on the row locked by
 * the write, so exactly one wins and every other gets 409, with one audit row for the winner.
 */
for (const kind of DIALECTS) {
  describe(`concurrent dataset writes with if_unmodified_since on ${kind}`, () => {
    let t: TestApp;
    let agency: Agency;
    let producer: string;

    beforeAll(async () => {
      t = await createTestApp(kind);
      agency = await createAgency(t.database, { code: `c-${uniq()}` });
      producer = (await userWithToken(t.database, 'producer', agency.id)).token;
    });
    afterAll(() => t?.close());

    /** A fresh dataset and the metadata_modified package_show gives for it. */
    async function datasetAndStamp() {
      const created = await resultOf<{ id: string; name: string }>(
        callAction(t.app, 'package_create', {
          body: { name: `lost-${uniq()}`, title: 'Awal', owner_org: agency.code },
          token: producer,
        }),
      );
      const shown = await resultOf<{ metadata_modified: string }>(
        callAction(t.app, 'package_show', { query: { id: created.id }, token: producer }),
      );
      return { ...created, since: shown.metadata_modified };
    }

    async function expectOneWinner(
      action: string,
      body: (i: number, name: string) => Record<string, unknown>,
    ) {
      const d = await datasetAndStamp();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          callAction(t.app, action, {
            body: { id: d.id, if_unmodified_since: d.since, ...body(i, d.name) },
            token: producer,
          }),
        ),
      );
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409))
        expect(r.json()).toMatchObject({ success: false, error: { __type: 'Validation Error' } });
      const audits = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', d.id)
        .where('action', '=', 'package_update')
        .execute();
      expect(audits).toHaveLength(1);
      const winner = results.find((r) => r.statusCode === 200);
      const row = await t.database.db
        .selectFrom('dataset')
        .select('title')
        .where('id', '=', d.id)
        .executeTakeFirstOrThrow();
      expect(row.title).toBe((winner?.json() as { result: { title: string } } | undefined)?.result.title);
    }

    it('ten concurrent package_patch with one if_unmodified_since: one 200, nine 409', async () => {
      await expectOneWinner('package_patch', (i) => ({ title: `Tambalan ${i}` }));
    });

    it('ten concurrent package_update with one if_unmodified_since: one 200, nine 409', async () => {
      await expectOneWinner('package_update', (i, name) => ({
        name,
        title: `Ganti ${i}`,
        owner_org: agency.code,
      }));
    });

    /**
     * The stamp is compared to the millisecond, so every write must move it by at least one:
     * two writes in the same millisecond (or an instance whose clock is behind) would otherwise
     * leave the stamp a stale writer holds unchanged, and its write would pass.
     */
    it('a write in the same millisecond as the last one still moves the stamp', async () => {
      const d = await datasetAndStamp();
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(new Date(Date.parse(`${d.since}Z`) + 60_000));
        const first = await resultOf<{ metadata_modified: string }>(
          callAction(t.app, 'package_patch', {
            body: { id: d.id, if_unmodified_since: d.since, title: 'Pertama' },
            token: producer,
          }),
        );
        // Someone else changes it within the same millisecond (the clock has not moved).
        await resultOf(
          callAction(t.app, 'package_patch', { body: { id: d.id, title: 'Kedua' }, token: producer }),
        );
        const stale = await callAction(t.app, 'package_patch', {
          body: { id: d.id, if_unmodified_since: first.metadata_modified, title: 'Basi' },
          token: producer,
        });
        expect(stale.statusCode).toBe(409);
      } finally {
        vi.useRealTimers();
      }
      const row = await t.database.db
        .selectFrom('dataset')
        .select('title')
        .where('id', '=', d.id)
        .executeTakeFirstOrThrow();
      expect(row.title).toBe('Kedua');
    });
  });
}
