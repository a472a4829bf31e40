import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { SYSTEM_ACTOR } from '../../kernel/access/system-actor.js';
import { executeAction } from '../../kernel/actions/action.js';
import { agencyImport } from './actions/agency-import.js';
import { regencyAgenciesCsv, regencyAgencyCode } from './actions/regency-agencies.js';

describe(regencyAgencyCode.name, () => {
  it('makes CKAN organization names from official names', () => {
    expect(regencyAgencyCode('KABUPATEN MAGETAN')).toBe('kab-magetan');
    expect(regencyAgencyCode('KOTA BATU')).toBe('kota-batu');
  });
});

for (const kind of DIALECTS) {
  describe(`a province's regencies and cities as producers on ${kind}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
    });
    afterAll(() => t?.drop());

    it('imports every regency and city of East Java (35) once, idempotently', async () => {
      const ctx = { db: t.database.db, actor: SYSTEM_ACTOR, requestId: 'test', ip: null };
      const csv = await regencyAgenciesCsv(t.database.db, '35');
      const first = await executeAction(ctx, agencyImport, { csv, fileName: 'kabkota.csv' });
      expect(first).toEqual({ created: 38, updated: 0 });
      const again = await executeAction(ctx, agencyImport, { csv, fileName: 'kabkota.csv' });
      expect(again).toEqual({ created: 0, updated: 38 });
      const magetan = await t.database.db
        .selectFrom('agency')
        .selectAll()
        .where('code', '=', 'kab-magetan')
        .executeTakeFirstOrThrow();
      expect(magetan).toMatchObject({
        kind: 'local_government',
        region_code: '35.20',
        name: 'Pemerintah Kabupaten Magetan',
      });
    });
  });
}
