import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { up as dropUnmadeChoices } from '../../kernel/db/migrations/0036-region-own-sop-defaults.js';
import { putSetting } from '../../kernel/db/settings.repository.js';
import { activeDefinition } from './definitions.js';
import { PROCESS_KINDS } from './domain/definition.js';
import {
  BANYUWANGI_DISEMINASI,
  BANYUWANGI_PERMINTAAN_DATA,
  MAGETAN_STATISTIK_SEKTORAL,
  NATIONAL_PENGUMPULAN_DATA,
} from './domain/presets/index.js';

/** Another region, its head or its regulations, as a person would read them in a definition. */
const OTHER_REGION = /jawa tengah|banyuwangi|jember|maluku|gubernur|pergub/i;

for (const kind of DIALECTS) {
  describe(`a region's default SOPs on ${kind} (issue #17 item 10)`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
    });
    afterAll(() => t.drop());

    it('the demo region (Magetan) runs its own SOP where one is shipped, national defaults elsewhere: no other region named', async () => {
      await putSetting(t.database.db, 'site', { regionCode: '35.20', regionName: 'Kabupaten Magetan' });
      for (const k of PROCESS_KINDS) {
        const { definition } = await activeDefinition(t.database.db, k);
        expect(JSON.stringify(definition)).not.toMatch(OTHER_REGION);
      }
      expect((await activeDefinition(t.database.db, 'dataset_collection')).definition.key).toBe(
        MAGETAN_STATISTIK_SEKTORAL.key,
      );
    });

    it('choices nobody made are given again after the upgrade; a region whose SOPs are shipped gets its own', async () => {
      const db = t.database.db;
      await putSetting(db, 'site', { regionCode: '35.10', regionName: 'Kabupaten Banyuwangi' });
      // The upgrade (migration 0036) drops the choices set on first use: the next read re-chooses.
      await dropUnmadeChoices(db);
      expect((await activeDefinition(db, 'data_request')).definition.key).toBe(
        BANYUWANGI_PERMINTAAN_DATA.key,
      );
      expect((await activeDefinition(db, 'infographic_dissemination')).definition.key).toBe(
        BANYUWANGI_DISEMINASI.key,
      );
      // Banyuwangi ships no dataset collection SOP: the national default, not Magetan's.
      expect((await activeDefinition(db, 'dataset_collection')).definition.key).toBe(
        NATIONAL_PENGUMPULAN_DATA.key,
      );
      // A choice an administrator made survives the upgrade; only the others are dropped.
      const admin = await buildUser(t.database, { roles: ['administrator'] });
      await db
        .updateTable('region_workflow')
        .set({ updated_by: admin.actor.userId })
        .where('process_kind', '=', 'data_request')
        .execute();
      await dropUnmadeChoices(db);
      const left = await db.selectFrom('region_workflow').select('process_kind').execute();
      expect(left.map((r) => r.process_kind)).toEqual(['data_request']);
    });
  });
}
