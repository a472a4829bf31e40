import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createTestApp, csrfFrom, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { mutate } from '../../kernel/actions/context.js';
import { defaultWorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import { packageCreate } from '../catalog/actions/package-create.js';
import { MAGETAN_STATISTIK_SEKTORAL } from './domain/presets/magetan-statistik-sektoral.js';
import { startInstance } from './engine.js';

for (const kind of DIALECTS) {
  describe(`"Tugas saya" for steps without a platform feature on ${kind}`, () => {
    let t: TestApp;
    const cookies: Record<string, string> = {};
    let datasetId = '';
    let secretariat: Actor;
    let agencyId = '';

    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await buildAgency(t.database);
      agencyId = agency.id;
      const producer = await buildUser(t.database, { roles: ['producer'], agencyId: agency.id });
      const users = {
        producer,
        custodian: await buildUser(t.database, { roles: ['custodian'] }),
        secretariat: await buildUser(t.database, { roles: ['secretariat'] }),
      };
      secretariat = users.secretariat.actor;
      for (const [k, u] of Object.entries(users))
        cookies[k] = await login(t.app, u.user.username, TEST_PASSWORD);
      const dict = await executeAction(
        { db: t.database.db, actor: producer.actor, requestId: null, ip: null },
        packageCreate,
        { name: 'daftar-data-2027', title: 'Daftar Data 2027', owner_org: agency.code },
      );
      datasetId = dict?.id as string;
    });
    afterAll(() => t?.close());

    const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: cookies[who] ?? '' } });
    const steps = async (who: string) =>
      [...(await get(who, '/tugas')).body.matchAll(/data-step="([a-z_]+)"/g)].map((m) => m[1]);

    it('completes a step without a platform feature with a note and a document, flags overdue tasks', async () => {
      const started = await mutate(
        { db: t.database.db, actor: secretariat, requestId: null, ip: null },
        (trx, audit) =>
          startInstance(
            {
              trx,
              audit,
              actor: secretariat,
              calendar: defaultWorkingCalendar(),
              now: new Date(),
              siteUrl: '',
            },
            {
              definitionId: null,
              definition: MAGETAN_STATISTIK_SEKTORAL,
              // Magetan's first steps belong to the data-list cycle run: one task per agency.
              subjectType: 'data_list_cycle',
              subjectId: datasetId,
              agencyId,
            },
          ),
      );
      if (!started.task) throw new Error('a first task');
      const task = await t.database.db
        .selectFrom('workflow_task')
        .selectAll()
        .where('instance_id', '=', started.instance.id)
        .where('agency_id', '=', agencyId)
        .executeTakeFirstOrThrow();
      await t.database.db
        .updateTable('workflow_task')
        .set({ due_at: new Date('2026-01-05T08:00:00Z') })
        .where('id', '=', task.id)
        .execute();
      // The other agencies' tasks of the fan-out are answered (the step joins when all are).
      await t.database.db
        .updateTable('workflow_task')
        .set({ state: 'done', closed_at: new Date(), outcome: 'done' })
        .where('instance_id', '=', task.instance_id)
        .where('id', '!=', task.id)
        .execute();
      const inbox = await get('producer', '/tugas');
      expect(inbox.body).toMatch(/data-step="set_data_list"[\s\S]*Terlambat/);
      const csrf = csrfFrom(inbox.body);
      // A refused completion (issue #12 item 4) answers with the page, the typed note still there.
      const refused = await t.app.inject({
        method: 'POST',
        url: `/tugas/${task.id}`,
        headers: { cookie: cookies.producer ?? '', 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: csrf,
          outcome: 'bukan_keputusan',
          note: 'Catatan yang sudah diketik <panjang>',
        }).toString(),
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toMatch(/Catatan yang sudah diketik &lt;panjang(>|&gt;)/);
      expect(
        (
          await t.database.db
            .selectFrom('workflow_task')
            .select('state')
            .where('id', '=', task.id)
            .executeTakeFirstOrThrow()
        ).state,
      ).toBe('open');
      const boundary = '----c2boundary';
      const payload = [
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="outcome"\r\n\r\ndone\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nRancangan daftar data 2027\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="rancangan.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 rancangan\r\n`,
        `--${boundary}--\r\n`,
      ].join('');
      const res = await t.app.inject({
        method: 'POST',
        url: `/tugas/${task.id}`,
        headers: {
          cookie: cookies.producer ?? '',
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload,
      });
      expect(res.statusCode).toBe(303);
      const done = await t.database.db
        .selectFrom('workflow_task')
        .selectAll()
        .where('id', '=', task.id)
        .executeTakeFirstOrThrow();
      expect(done.state).toBe('done');
      expect(done.attachment_name).toBe('rancangan.pdf');
      expect(await steps('secretariat')).toEqual(['agree_data_list']);
      const file = await get('custodian', `/tugas/${task.id}/attachment`);
      expect(file.statusCode).toBe(200);
      expect(file.body).toContain('%PDF-1.4 rancangan');
      expect((await get('anonymous', `/tugas/${task.id}/attachment`)).statusCode).toBe(302);
      expect(await steps('producer')).toEqual([]);
    });
  });
}
