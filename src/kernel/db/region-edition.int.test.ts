/**
 * Region codes follow the newest edition (issue #17 item 11): upgrading a table loaded from an
 * older edition adds new codes, updates changed names, keeps a code the edition dropped (marked,
 * so data citing it is not broken) and records the edition step in the history.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { applyRegionEdition, regionDataEdition } from './migrations/region-codes.js';

for (const kind of DIALECTS) {
  describe(`region code edition upgrade on ${kind}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
    });
    afterAll(() => t?.drop());

    it('is the installed idn-area-data 4.x edition on a new database', async () => {
      const edition = await regionDataEdition();
      expect(edition).toMatch(/^idn-area-data@4\./);
      const row = await t.database.db
        .selectFrom('site_setting')
        .select('value')
        .where('key', '=', 'region_code_edition')
        .executeTakeFirstOrThrow();
      expect(row.value).toBe(edition);
      const magetan = await t.database.db
        .selectFrom('region')
        .select(['name', 'retired_in'])
        .where('code', '=', '35.20')
        .executeTakeFirstOrThrow();
      expect(magetan).toEqual({ name: 'Kabupaten Magetan', retired_in: null });
    });

    it('upgrades a table of an older edition, keeping and marking a dropped code cited by data', async () => {
      const db = t.database.db;
      const edition = await regionDataEdition();
      // As the older edition left it: an upper-case name, a district not yet listed, a village
      // the new edition no longer lists (cited by an agency), the older edition's setting.
      await db.updateTable('region').set({ name: 'KABUPATEN MAGETAN' }).where('code', '=', '35.20').execute();
      const district = await db
        .selectFrom('region')
        .select(['code', 'name'])
        .where('level', '=', 'district')
        .where('parent_code', '=', '35.20')
        .orderBy('code', 'desc')
        .executeTakeFirstOrThrow();
      await db.deleteFrom('region').where('parent_code', '=', district.code).execute();
      await db.deleteFrom('region').where('code', '=', district.code).execute();
      await db
        .insertInto('region')
        .values({ code: '35.20.99.2999', parent_code: '35.20.01', level: 'village', name: 'DESA LAMA' })
        .execute();
      await db
        .insertInto('agency')
        .values({
          code: 'desa-lama',
          name: 'Pemerintah Desa Lama',
          short_name: 'Desa Lama',
          kind: 'local_government',
          region_code: '35.20.99.2999',
        })
        .execute();
      await sql`update site_setting set value = '"idn-area-data@3.1.2"'::jsonb where key = 'region_code_edition'`.execute(
        db,
      );

      await applyRegionEdition(db);

      const byCode = async (code: string) =>
        db.selectFrom('region').select(['name', 'retired_in']).where('code', '=', code).executeTakeFirst();
      expect(await byCode('35.20')).toEqual({ name: 'Kabupaten Magetan', retired_in: null });
      expect(await byCode(district.code)).toEqual({ name: district.name, retired_in: null });
      expect(await byCode('35.20.99.2999')).toEqual({ name: 'DESA LAMA', retired_in: edition });
      const history = await db
        .selectFrom('region_code_edition')
        .select(['previous_edition', 'edition'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(history).toEqual({ previous_edition: 'idn-area-data@3.1.2', edition });

      // Applying the same edition again changes nothing.
      const before = await db.selectFrom('region_code_edition').select('id').execute();
      await applyRegionEdition(db);
      expect(await db.selectFrom('region_code_edition').select('id').execute()).toEqual(before);
      expect((await byCode('35.20.99.2999'))?.retired_in).toBe(edition);
    });
  });
}
