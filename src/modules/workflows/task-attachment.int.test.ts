import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  callAction,
  multipartBody,
  resultOf,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import { CSV, storedFiles } from '../../../test/support/ckan-write-fixtures.js';
import { createTestApp, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { mutate } from '../../kernel/actions/context.js';
import { defaultWorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import { packageCreate } from '../catalog/actions/package-create.js';
import { MAGETAN_STATISTIK_SEKTORAL } from './domain/presets/magetan-statistik-sektoral.js';
import { startInstance } from './engine.js';

const KEY = /resources\/[0-9a-f-]{36}\/[\w.-]+/;

/**
 * Issue 11, finding 4: a task's document is only what the request itself uploaded (a storage
 * key is never taken from the client), the API `upload` of task_complete works, and storage keys
 * stay out of the audit log shown to non-administrators.
 */
for (const kind of DIALECTS) {
  describe(`task_complete attachments on ${kind}`, () => {
    let t: TestApp;
    let agencyId = '';
    let datasetId = '';
    let producer: { token: string; actor: Actor };
    let secretariat: Actor;
    const cookies: Record<string, string> = {};

    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await buildAgency(t.database);
      agencyId = agency.id;
      producer = await userWithToken(t.database, 'producer', agency.id);
      secretariat = (await buildUser(t.database, { roles: ['secretariat'] })).actor;
      for (const role of ['custodian', 'leader', 'administrator'] as const) {
        const { user } = await buildUser(t.database, { roles: [role] });
        cookies[role] = await login(t.app, user.username, TEST_PASSWORD);
      }
      const dict = await executeAction(
        { db: t.database.db, actor: producer.actor, requestId: null, ip: null },
        packageCreate,
        { name: 'daftar-data-lampiran', title: 'Daftar Data', owner_org: agency.code },
      );
      datasetId = dict?.id as string;
    });
    afterAll(() => t?.close());

    /** A new run of the Magetan process; its first task is the producer's. */
    async function firstTask(): Promise<string> {
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
      return task.id;
    }
    const taskRow = (id: string) =>
      t.database.db.selectFrom('workflow_task').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('never attaches a client-chosen storage key', async () => {
      // A file somebody else stored: its key is what the probe read in the audit log.
      const d = await resultOf<{ id: string }>(
        callAction(t.app, 'package_create', {
          body: { name: 'rahasia-lampiran', title: 'Rahasia', owner_org: await agencyCode() },
          token: producer.token,
        }),
      );
      const body = multipartBody(
        { package_id: d.id },
        { field: 'upload', name: 'rahasia.csv', type: 'text/csv', content: CSV },
      );
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/3/action/resource_create',
        headers: { ...body.headers, authorization: producer.token },
        payload: body.payload,
      });
      expect(created.statusCode).toBe(200);
      const stolen = (
        await t.database.db
          .selectFrom('resource')
          .select('storage_key')
          .where('dataset_id', '=', d.id)
          .executeTakeFirstOrThrow()
      ).storage_key as string;
      const id = await firstTask();
      const onlyKey = await callAction(t.app, 'task_complete', {
        body: { id, outcome: 'done', attachment_key: stolen, attachment_name: 'x.csv' },
        token: producer.token,
      });
      expect(onlyKey.statusCode).toBe(409);
      expect((await taskRow(id)).state).toBe('open');
      const upload = { key: stolen, size: 1, hash: `sha256:${'0'.repeat(64)}`, fileName: 'x.csv' };
      const withNote = await callAction(t.app, 'task_complete', {
        body: { id, outcome: 'done', note: 'Catatan', attachment_key: stolen, upload },
        token: producer.token,
      });
      expect(withNote.statusCode).toBe(200);
      const row = await taskRow(id);
      expect(row.state).toBe('done');
      expect(row.attachment_key).toBeNull();
      expect(
        (await t.app.inject({ url: `/tugas/${id}/attachment`, headers: { cookie: cookies.leader } }))
          .statusCode,
      ).toBe(404);
    });

    it('attaches the file the API request uploads, downloadable by staff', async () => {
      const id = await firstTask();
      const content = Buffer.from('%PDF-1.4 notulen forum data\n');
      const body = multipartBody(
        { id, outcome: 'done' },
        { field: 'upload', name: 'notulen forum.pdf', type: 'application/pdf', content },
      );
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/3/action/task_complete',
        headers: { ...body.headers, authorization: producer.token },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().result).toMatchObject({ id, outcome: 'done' });
      const row = await taskRow(id);
      expect(row.attachment_name).toBe('notulen_forum.pdf');
      expect(row.attachment_key).toMatch(KEY);
      const file = await t.app.inject({
        url: `/tugas/${id}/attachment`,
        headers: { cookie: cookies.custodian },
      });
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(content)).toBe(true);
    });

    it('removes the upload of a refused task_complete', async () => {
      const before = await storedFiles(t);
      const body = multipartBody(
        { id: '00000000-0000-4000-8000-000000000000', outcome: 'done' },
        { field: 'upload', name: 'a.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.4 x') },
      );
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/3/action/task_complete',
        headers: { ...body.headers, authorization: producer.token },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(404);
      expect(await storedFiles(t)).toBe(before);
    });

    it('shows storage keys in the audit log to administrators only', async () => {
      const leader = await t.app.inject({
        url: '/admin/audit?action=resource_create',
        headers: { cookie: cookies.leader },
      });
      expect(leader.statusCode).toBe(200);
      expect(leader.body).toContain('resource_create');
      expect(leader.body).not.toMatch(KEY);
      const custodian = await t.app.inject({ url: '/admin/audit', headers: { cookie: cookies.custodian } });
      expect(custodian.statusCode).toBe(200);
      expect(custodian.body).not.toMatch(KEY);
      const admin = await t.app.inject({
        url: '/admin/audit?action=resource_create',
        headers: { cookie: cookies.administrator },
      });
      expect(admin.body).toMatch(KEY);
    });

    async function agencyCode(): Promise<string> {
      const a = await t.database.db
        .selectFrom('agency')
        .select('code')
        .where('id', '=', agencyId)
        .executeTakeFirstOrThrow();
      return a.code;
    }
  });
}
