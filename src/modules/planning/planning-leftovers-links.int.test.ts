/**
 * Issue #13 leftovers on both engines: linking a row to its data standard and statistical activity
 * from the page, and the workspace home's way to the planning pages. Set-up: planning-leftovers.fixture.ts.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import { dataListItemCreate } from './actions/items.js';
import { leftoversWorld } from './planning-leftovers.fixture.js';

for (const kind of DIALECTS) {
  describe(`planning leftovers on ${kind}`, () => {
    const w = leftoversWorld(kind);

    it("links a row to its data standard and its agency's statistical activity from the year page", async () => {
      const { t, agencies, custodian, custodianCookie, as, formPost } = w;
      const year = 2052;
      const row = await executeAction(as(custodian), dataListItemCreate, {
        year,
        id_ddd: '52.01',
        data_name: 'Jumlah Posyandu',
        kind: 'statistik',
        agency_id: agencies[0]?.id,
        risk_class: 'terbuka',
        update_schedule: 'tahunan',
      });
      const standard = await t.database.db
        .insertInto('data_standard')
        .values({
          name: `posyandu-${kind}`,
          title: 'Standar Posyandu',
          concept: 'Posyandu',
          definition: 'Pos pelayanan terpadu',
          source_kind: 'regional',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const own = await t.database.db
        .insertInto('statistical_activity')
        .values({ title: 'Pendataan Posyandu', agency_id: agencies[0]?.id as string, ms_keg: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const foreign = await t.database.db
        .insertInto('statistical_activity')
        .values({ title: 'Pendataan Sekolah', agency_id: agencies[1]?.id as string, ms_keg: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const url = `/workspace/daftar-data/${year}`;
      const page = await t.app.inject({ url, headers: { cookie: custodianCookie } });
      // The row's form offers the standards and only its own agency's activities.
      expect(page.body).toContain(`action="${url}/items/${row.id}/links"`);
      expect(page.body).toContain('Pendataan Posyandu');
      expect(page.body).not.toContain('Pendataan Sekolah');
      const refused = await formPost(
        `${url}/items/${row.id}/links`,
        { data_standard_id: standard.id, statistical_activity_id: foreign.id },
        url,
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Kegiatan statistik harus milik perangkat daerah produsen baris ini');
      const ok = await formPost(
        `${url}/items/${row.id}/links`,
        { data_standard_id: standard.id, statistical_activity_id: own.id },
        url,
      );
      expect(ok.statusCode).toBe(303);
      const saved = await t.database.db
        .selectFrom('data_list_item')
        .select(['data_standard_id', 'statistical_activity_id'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      expect(saved).toEqual({ data_standard_id: standard.id, statistical_activity_id: own.id });
      const shown = await t.app.inject({ url, headers: { cookie: custodianCookie } });
      expect(shown.body).toMatch(/Standar Posyandu; Pendataan Posyandu/);
      // Choosing "(none)" unlinks.
      await formPost(
        `${url}/items/${row.id}/links`,
        { data_standard_id: '', statistical_activity_id: '' },
        url,
      );
      expect(
        await t.database.db
          .selectFrom('data_list_item')
          .select(['data_standard_id', 'statistical_activity_id'])
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ data_standard_id: null, statistical_activity_id: null });
    });

    it('the workspace home leads a producer, the custodian and BPS to the planning pages', async () => {
      const { t, custodianCookie, producerCookie, supervisorCookie } = w;
      for (const cookie of [producerCookie, custodianCookie, supervisorCookie]) {
        const home = await t.app.inject({ url: '/workspace', headers: { cookie } });
        expect(home.statusCode).toBe(200);
        expect(home.body).toContain('href="/workspace/daftar-data"');
        expect(home.body).toContain('href="/workspace/romantik"');
        for (const to of ['/workspace/daftar-data', '/workspace/romantik']) {
          const res = await t.app.inject({ url: to, headers: { cookie } });
          expect([200, 302]).toContain(res.statusCode);
        }
      }
    });
  });
}
