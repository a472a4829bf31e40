import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { SYSTEM_ACTOR } from '../../kernel/access/system-actor.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import { ValidationError } from '../../kernel/errors.js';
import { userUpdate } from '../accounts/actions/user-update.js';
import { agencyImport } from '../agencies/actions/agency-import.js';
import { agencyUpdate } from '../agencies/actions/agency-update.js';

for (const kind of DIALECTS) {
  describe(`what actions write to the audit log on ${kind}`, () => {
    let t: TestDatabase;
    let ctx: ActionContext;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      ctx = { db: t.database.db, actor: SYSTEM_ACTOR, requestId: 'req-audit-test', ip: '127.0.0.1' };
    });
    afterAll(() => t?.drop());

    const agencyExists = async (code: string) =>
      Boolean(
        await t.database.db.selectFrom('agency').select('id').where('code', '=', code).executeTakeFirst(),
      );

    it('records what changed on agency_update', async () => {
      const agency = await buildAgency(t.database, { code: 'upd-me' });
      await executeAction(ctx, agencyUpdate, {
        id: agency.id,
        code: 'upd-me',
        name: 'Nama Baru',
        shortName: agency.short_name,
        kind: 'department',
      });
      const row = await t.database.db
        .selectFrom('audit_log')
        .select('summary')
        .where('subject_id', '=', agency.id)
        .where('action', '=', 'agency_update')
        .executeTakeFirstOrThrow();
      expect(row.summary).toEqual({ changed: { name: 'Nama Baru' } });
    });

    it('imports agencies all or nothing, naming the bad row and column (agency_import)', async () => {
      const bad = 'code,name,short_name,kind\nimp-a,Dinas A,DA,department\nimp-b,Dinas B,DB,kantor\n';
      const err = await executeAction(ctx, agencyImport, { csv: bad, fileName: 'opd.csv' }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ValidationError);
      expect(Object.keys((err as ValidationError).fields)).toEqual([
        'opd.csv: baris/row 3, kolom/column kind',
      ]);
      expect(await agencyExists('imp-a')).toBe(false);
      const good =
        'code;name;short_name;kind;region_code\nimp-a;Dinas A;DA;department;\nimp-c;Kecamatan Bendo;Kec. Bendo;district_office;35.20.10\n';
      expect(await executeAction(ctx, agencyImport, { csv: good, fileName: 'opd.csv' })).toEqual({
        created: 2,
        updated: 0,
      });
      expect(await executeAction(ctx, agencyImport, { csv: good, fileName: 'opd.csv' })).toEqual({
        created: 0,
        updated: 2,
      });
      const unknownRegion = 'code,name,kind,region_code\nimp-d,Kecamatan Entah,district_office,35.20.99\n';
      const regionErr = await executeAction(ctx, agencyImport, {
        csv: unknownRegion,
        fileName: 'x.csv',
      }).catch((e: unknown) => e);
      expect((regionErr as ValidationError).fields).toEqual({
        'x.csv: baris/row 2, kolom/column region_code': [
          { id: 'Kode wilayah 35.20.99 tidak dikenal', en: 'Unknown region code 35.20.99' },
        ],
      });
      expect(await agencyExists('imp-d')).toBe(false);
    });

    it('audits role changes with before and after (user_update)', async () => {
      const agency = await buildAgency(t.database);
      const { user } = await buildUser(t.database, { roles: ['producer'], agencyId: agency.id });
      await executeAction(ctx, userUpdate, { id: user.id, roles: ['producer', 'leader'] });
      const row = await t.database.db
        .selectFrom('audit_log')
        .select('summary')
        .where('subject_id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.summary).toMatchObject({ roles: ['producer', 'leader'], previousRoles: ['producer'] });
      await expect(executeAction(ctx, userUpdate, { id: user.id, agencyId: null })).rejects.toBeInstanceOf(
        ValidationError,
      );
    });
  });
}
