import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { ctxFor } from '../../../test/support/catalog-fixtures.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { mutate } from '../../kernel/actions/context.js';
import { holidayYearSeed } from './actions/calendar-actions.js';
import { loadWorkingCalendarFor } from './calendar-store.js';
import { MALUKU_UTARA_PENGUMPULAN_DISEMINASI } from './domain/presets/index.js';
import { startInstance } from './engine.js';
import { loadCalendar } from './sources.js';

const wit = (local: string) => new Date(`${local}+09:00`);

/**
 * Issue #12, time zones: a Maluku Utara (82) deployment defaults to WIT, and a 10:00 WIT due
 * time reads 10.00 WIT on every page, notification and mail, never 08.00; holidays exist for 2028.
 */
for (const kind of DIALECTS) {
  describe(`a Maluku Utara (82) deployment on ${kind}`, () => {
    let t: TestApp;
    let custodian: { user: { id: string; username: string }; actor: Actor };
    let admin: { user: { id: string; username: string }; actor: Actor };
    let taskId: string;
    beforeAll(async () => {
      t = await createTestApp(kind, { REGION_CODE: '82' });
      custodian = await buildUser(t.database, { roles: ['custodian'] });
      admin = await buildUser(t.database, { roles: ['administrator'] });
      await t.database.db
        .updateTable('app_user')
        .set({ email: 'walidata@malut.test' })
        .where('id', '=', custodian.user.id)
        .execute();
      const calendar = await loadCalendar(t.database.db);
      const started = await mutate(ctxFor(t.database, custodian.actor), (trx, audit) =>
        startInstance(
          {
            trx,
            audit,
            actor: custodian.actor,
            calendar,
            now: wit('2026-11-02T10:00'),
            siteUrl: 'https://data.malutprov.test',
          },
          {
            definitionId: null,
            definition: MALUKU_UTARA_PENGUMPULAN_DISEMINASI,
            subjectType: 'process',
            subjectId: '00000000-0000-4000-8000-000000000082',
            subjectTitle: 'Daftar Data Maluku Utara 2027',
            agencyId: null,
          },
        ),
      );
      taskId = started.task?.id as string;
    });
    afterAll(() => t.close());

    it('defaults to WIT: the calendar nobody edited follows region code 82', async () => {
      const calendar = await loadCalendar(t.database.db);
      expect(calendar.timeZone).toBe('Asia/Jayapura');
      const cookie = await login(t.app, admin.user.username, TEST_PASSWORD);
      const page = await t.app.inject({ method: 'GET', url: '/admin/calendar', headers: { cookie } });
      expect(page.body).toMatch(/<option value="Asia\/Jayapura" selected/);
    });

    it('the due time is stored as 10:00 WIT (5 working days later) and shown as 10.00 WIT on the task list', async () => {
      const task = await t.database.db
        .selectFrom('workflow_task')
        .selectAll()
        .where('id', '=', taskId)
        .executeTakeFirstOrThrow();
      expect(task.due_at).toEqual(wit('2026-11-09T10:00'));
      const cookie = await login(t.app, custodian.user.username, TEST_PASSWORD);
      const page = await t.app.inject({ method: 'GET', url: '/tugas', headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/9 Nov 2026,? 10[.:]00 WIT/);
      expect(page.body).not.toMatch(/08[.:]00 WIB/);
      const en = await t.app.inject({ method: 'GET', url: '/tugas?lang=en', headers: { cookie } });
      expect(en.body).toMatch(/9 Nov 2026,? 10:00 WIT/);
    });

    it('the notification and the mail name the subject by its title and give the due time in WIT, in both languages', async () => {
      const note = await t.database.db
        .selectFrom('notification')
        .selectAll()
        .where('task_id', '=', taskId)
        .executeTakeFirstOrThrow();
      expect(note.title).toContain('Daftar Data Maluku Utara 2027');
      expect(note.title).not.toMatch(/process [0-9a-f]{8}/);
      const mail = await t.database.db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_address', '=', 'walidata@malut.test')
        .executeTakeFirstOrThrow();
      expect(mail.subject).toContain('Daftar Data Maluku Utara 2027');
      expect(mail.body).toMatch(/Batas waktu: 9 Nov 2026,? 10[.:]00 WIT/);
      expect(mail.body).toMatch(/Due: 9 Nov 2026,? 10:00 WIT/);
      expect(mail.body).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(mail.body).toContain(`https://data.malutprov.test/tugas/${taskId}`);
    });

    it('a run shows its working time against the service standard (3 minggu) on the task list', async () => {
      const calendar = await loadCalendar(t.database.db);
      const definition = { ...MALUKU_UTARA_PENGUMPULAN_DISEMINASI, standardTime: '3 minggu' };
      const run = await mutate(ctxFor(t.database, custodian.actor), (trx, audit) =>
        startInstance(
          { trx, audit, actor: custodian.actor, calendar, now: wit('2026-01-05T10:00'), siteUrl: '' },
          {
            definitionId: null,
            definition,
            subjectType: 'process',
            subjectId: '00000000-0000-4000-8000-000000000083',
            subjectTitle: 'Daftar Data Maluku Utara 2026',
            agencyId: null,
          },
        ),
      );
      const cookie = await login(t.app, custodian.user.username, TEST_PASSWORD);
      const page = await t.app.inject({ method: 'GET', url: '/tugas', headers: { cookie } });
      expect(page.body).toContain('Standar layanan 3 minggu (15 hari kerja)');
      expect(page.body).toContain('Melewati standar layanan');
      const history = await t.app.inject({
        method: 'GET',
        url: `/tugas/runs/${run.instance.id}`,
        headers: { cookie },
      });
      expect(history.statusCode).toBe(200);
      expect(history.body).toContain('Standar layanan 3 minggu (15 hari kerja)');
      expect(history.body).toMatch(/5 Jan 2026,? 10[.:]00 WIT/);
    });

    it('the calendar page adds a year’s national holidays through its form', async () => {
      const cookie0 = await login(t.app, admin.user.username, TEST_PASSWORD);
      const page = await t.app.inject({
        method: 'GET',
        url: '/admin/calendar',
        headers: { cookie: cookie0 },
      });
      const cookie = cookieHeader(page, cookie0);
      const res = await t.app.inject({
        method: 'POST',
        url: '/admin/calendar/holiday-years',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), year: '2031' }).toString(),
      });
      expect(res.statusCode).toBe(303);
      const after = await t.app.inject({
        method: 'GET',
        url: '/admin/calendar?done=year',
        headers: { cookie },
      });
      expect(after.body).toContain('value="2031-08-17"');
      expect(after.body).toContain('Libur nasional tahun itu ada dalam daftar.');
    });

    it('an edited zone wins over the region default', async () => {
      const calendar = await loadWorkingCalendarFor(t.database.db);
      expect(calendar.timeZone).toBe('Asia/Jayapura');
      await t.database.db.updateTable('work_calendar').set({ time_zone: 'Asia/Makassar' }).execute();
      expect((await loadCalendar(t.database.db)).timeZone).toBe('Asia/Makassar');
      await t.database.db.updateTable('work_calendar').set({ time_zone: null }).execute();
    });

    it('holidays exist for 2028: counted before the year is seeded, editable once it is (holiday_year_seed)', async () => {
      const calendar = await loadWorkingCalendarFor(t.database.db, new Date('2027-06-01T00:00:00Z'));
      expect(calendar.holidays.some((h) => h.date === '2028-08-17')).toBe(true);
      const seeded = await executeAction(ctxFor(t.database, admin.actor), holidayYearSeed, { year: 2028 });
      expect(seeded.seeded).toBe(true);
      const stored = seeded.holidays.filter((h) => h.date.startsWith('2028-'));
      expect(stored.find((h) => h.date === '2028-12-25')).toMatchObject({
        name: 'Kelahiran Yesus Kristus',
        kind: 'national',
      });
      const again = await executeAction(ctxFor(t.database, admin.actor), holidayYearSeed, { year: 2028 });
      expect(again.seeded).toBe(false);
      expect(again.holidays.filter((h) => h.date.startsWith('2028-'))).toHaveLength(stored.length);
      const decreed = seeded.holidays.filter(
        (h) => h.kind === 'collective_leave' && h.date.startsWith('2026-'),
      );
      expect(decreed.every((h) => h.decree?.includes('Nomor 1497 Tahun 2025'))).toBe(true);
    });
  });
}
