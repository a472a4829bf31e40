import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import { ctxFor } from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { mutate } from '../../kernel/actions/context.js';
import { holidayCreate, holidayDelete } from './actions/calendar-actions.js';
import { MALUKU_UTARA_PENGUMPULAN_DISEMINASI } from './domain/presets/index.js';
import { startInstance } from './engine.js';
import { redateOpenTasks } from './redate-tasks.js';
import { loadCalendar } from './sources.js';

const wit = (local: string) => new Date(`${local}+09:00`);

/** Open tasks' due times follow the working calendar when it changes (a holiday added or removed). */
for (const kind of DIALECTS) {
  describe(`${redateOpenTasks.name} on ${kind}`, () => {
    let t: TestApp;
    let admin: { actor: Actor };
    let taskId: string;
    const dueOf = async () =>
      (
        await t.database.db
          .selectFrom('workflow_task')
          .select('due_at')
          .where('id', '=', taskId)
          .executeTakeFirstOrThrow()
      ).due_at;

    beforeAll(async () => {
      t = await createTestApp(kind, { REGION_CODE: '82' });
      admin = await buildUser(t.database, { roles: ['administrator', 'custodian'] });
      const calendar = await loadCalendar(t.database.db);
      const started = await mutate(ctxFor(t.database, admin.actor), (trx, audit) =>
        startInstance(
          { trx, audit, actor: admin.actor, calendar, now: wit('2026-11-02T10:00'), siteUrl: '' },
          {
            definitionId: null,
            definition: MALUKU_UTARA_PENGUMPULAN_DISEMINASI,
            subjectType: 'process',
            subjectId: '00000000-0000-4000-8000-000000000013',
            subjectTitle: 'Daftar Data Maluku Utara 2027',
            agencyId: null,
          },
        ),
      );
      taskId = started.task?.id as string;
    });
    afterAll(() => t.close());

    it(`${holidayCreate.name} in a task's window gives it the day back; ${holidayDelete.name} takes it away`, async () => {
      const before = await dueOf();
      expect(before).not.toBeNull();
      const ctx = ctxFor(t.database, admin.actor);
      const holiday = await executeAction(ctx, holidayCreate, {
        date: '2026-11-03',
        name: 'Libur daerah',
        kind: 'regional',
      });
      const later = await dueOf();
      expect(later?.getTime()).toBeGreaterThan(before?.getTime() ?? 0);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('summary')
        .where('action', '=', 'holiday_create')
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(audit.summary)).toContain('"tasks_redated":1');
      await executeAction(ctx, holidayDelete, { id: holiday.id });
      expect((await dueOf())?.getTime()).toBe(before?.getTime());
    });
  });
}
