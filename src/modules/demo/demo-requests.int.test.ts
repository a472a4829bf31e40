/**
 * The demo region's data requests (issue #14, item 7): the demo loader files them through the
 * service's actions, so `npm start` shows the service in every state — and the statistics page
 * has answered, late, extended, refused, objected and rated requests to count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../test/support/install-modules.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';
import { requestServiceFigures } from '../data-requests/index.js';
import { seedDemo } from './seed-demo.js';

for (const kind of DIALECTS) {
  describe(`demo data requests on ${kind}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      await seedDemo(t.database, { isProduction: false, files: fileStoreFor({ dataDir: t.dataDir }) });
    }, 300_000);
    afterAll(() => t?.drop());

    it('files requests in every state, through the actions (audited)', async () => {
      const rows = await t.database.db
        .selectFrom('data_request')
        .select([
          'state',
          'outcome',
          'extension_days',
          'objection_decision',
          'rated_at',
          'agency_id',
          'verified_at',
        ])
        .execute();
      const states = new Set(rows.map((r) => r.state));
      expect([...states].sort()).toEqual(['delivered', 'not_available', 'open', 'unverified']);
      expect(new Set(rows.map((r) => r.outcome))).toEqual(
        new Set([null, 'delivered_dataset', 'not_yet_produced', 'exempt']),
      );
      expect(rows.some((r) => r.extension_days > 0)).toBe(true);
      expect(rows.some((r) => r.objection_decision === 'upheld')).toBe(true);
      expect(rows.filter((r) => r.rated_at).length).toBeGreaterThanOrEqual(3);
      expect(rows.some((r) => r.state === 'open' && r.agency_id)).toBe(true);
      const audited = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_type', '=', 'data_request')
        .execute();
      expect(audited.map((a) => a.action)).toEqual(
        expect.arrayContaining(['data_request_create', 'data_request_assign', 'data_request_route']),
      );
      // The statistics count them: some answered in time, some overdue.
      const now = new Date();
      const figures = await requestServiceFigures(t.database.db, {
        from: new Date(now.getTime() - 365 * 86_400_000),
        to: now,
        asOf: now,
      });
      expect(figures.length).toBe(rows.filter((r) => r.verified_at).length);
      expect(figures.some((f) => f.onTime)).toBe(true);
      expect(figures.some((f) => f.overdue)).toBe(true);
    });
  });
}
