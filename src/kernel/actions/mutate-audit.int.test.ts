import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { agencyCreate } from '../../modules/agencies/actions/agency-create.js';
import { insertAgency } from '../../modules/agencies/agency.repository.js';
import { SYSTEM_ACTOR } from '../access/system-actor.js';
import { executeAction } from './action.js';
import { type ActionContext, mutate } from './context.js';

for (const kind of DIALECTS) {
  describe(`mutate() and the audit log on ${kind}`, () => {
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
  });
}
