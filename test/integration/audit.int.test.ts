import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/kernel/access/system-actor.js';
import { executeAction } from '../../src/kernel/actions/action.js';
import { type ActionContext, mutate } from '../../src/kernel/actions/context.js';
import { ValidationError } from '../../src/kernel/errors.js';
import { userUpdate } from '../../src/modules/accounts/actions/user-update.js';
import { agencyCreate } from '../../src/modules/agencies/actions/agency-create.js';
import { agencyImport } from '../../src/modules/agencies/actions/agency-import.js';
import { agencyUpdate } from '../../src/modules/agencies/actions/agency-update.js';
import { insertAgency } from '../../src/modules/agencies/agency.repository.js';
import { buildAgency, buildUser } from '../factories/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

for (const kind of DIALECTS) {
  describe(`audit log on ${kind}`, () => {
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
    const auditCount = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('commits a change together with its audit row', async () => {
      const agency = await executeAction(ctx, agencyCreate, {
        code: 'audit-ok',
        name: 'Dinas Audit',
        shortName: 'DA',
        kind: 'department',
      });
      const row = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('subject_id', '=', agency.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        action: 'agency_create',
        actor_name: 'sistem',
        subject_type: 'agency',
        request_id: 'req-audit-test',
        ip: '127.0.0.1',
      });
      expect(row.summary).toMatchObject({ code: 'audit-ok', name: 'Dinas Audit' });
    });

    it('rolls the change back when its audit row cannot be written', async () => {
      const before = await auditCount();
      await expect(
        mutate(ctx, async (trx, audit) => {
          await insertAgency(trx, {
            code: 'audit-fail',
            name: 'Tidak Tersimpan',
            short_name: 'TT',
            kind: 'department',
          });
          // A NOT NULL violation inside the audit insert: the database refuses the audit row.
          await audit({ action: null as unknown as string, subjectType: 'agency', subjectId: null });
        }),
      ).rejects.toThrow();
      expect(await agencyExists('audit-fail')).toBe(false);
      expect(await auditCount()).toBe(before);
    });

    it('refuses a change that writes no audit row', async () => {
      await expect(
        mutate(ctx, async (trx) => {
          await insertAgency(trx, {
            code: 'audit-none',
            name: 'Tanpa Audit',
            short_name: 'TA',
            kind: 'department',
          });
        }),
      ).rejects.toThrow(/audit/);
      expect(await agencyExists('audit-none')).toBe(false);
    });

    it('drops the audit row when the change itself fails', async () => {
      const before = await auditCount();
      await expect(
        mutate(ctx, async (trx, audit) => {
          await audit({ action: 'agency_create', subjectType: 'agency', subjectId: null });
          await insertAgency(trx, {
            code: 'bad code with spaces',
            name: 'X',
            short_name: 'X',
            kind: 'department',
          });
        }),
      ).rejects.toThrow();
      expect(await auditCount()).toBe(before);
    });

    it('refuses UPDATE, DELETE and TRUNCATE on the audit log', async () => {
      const db = t.database.db;
      await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
      expect(await auditCount()).toBeGreaterThan(0);
    });

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
