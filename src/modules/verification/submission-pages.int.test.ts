import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createTestApp, csrfFrom, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

for (const kind of DIALECTS) {
  describe(`task inbox, submission pages, report and outbox on ${kind}`, () => {
    let t: TestApp;
    const cookies: Record<string, string> = {};
    let datasetId = '';
    let _secretariat: Actor;

    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await buildAgency(t.database, { code: 'dinkes-alur' });
      const users = {
        producer: await buildUser(t.database, { roles: ['producer'], agencyId: agency.id }),
        custodian: await buildUser(t.database, { roles: ['custodian'] }),
        supervisor: await buildUser(t.database, { roles: ['supervisor'] }),
        admin: await buildUser(t.database, { roles: ['administrator'] }),
        secretariat: await buildUser(t.database, { roles: ['secretariat'] }),
      };
      _secretariat = users.secretariat.actor;
      await t.database.db
        .updateTable('app_user')
        .set({ email: 'walidata@kominfo.test' })
        .where('id', '=', users.custodian.user.id)
        .execute();
      for (const [k, u] of Object.entries(users))
        cookies[k] = await login(t.app, u.user.username, TEST_PASSWORD);
      const page = await t.app.inject({
        url: '/workspace/datasets/new',
        headers: { cookie: cookies.producer },
      });
      const res = await t.app.inject({
        method: 'POST',
        url: '/workspace/datasets/new',
        headers: { ...FORM, cookie: cookies.producer },
        payload: new URLSearchParams({
          _csrf: csrfFrom(page.body),
          name: 'angka-kematian-ibu',
          title: 'Angka Kematian Ibu',
          owner_org: 'dinkes-alur',
          license_id: 'CC-BY-4.0',
          state: 'active',
        }).toString(),
      });
      expect(res.statusCode).toBe(303);
      const d = await t.database.db
        .selectFrom('dataset')
        .select(['id'])
        .where('name', '=', 'angka-kematian-ibu')
        .executeTakeFirstOrThrow();
      datasetId = d.id;
      await t.database.db
        .updateTable('dataset')
        .set({ priority: true })
        .where('id', '=', datasetId)
        .execute();
    });
    afterAll(() => t?.close());

    const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: cookies[who] ?? '' } });
    async function post(
      who: string,
      pageUrl: string,
      url: string,
      fields: Record<string, string | string[]>,
    ) {
      const page = await get(who, pageUrl);
      const body = new URLSearchParams();
      body.append('_csrf', csrfFrom(page.body));
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { ...FORM, cookie: cookies[who] ?? '' },
        payload: body.toString(),
      });
    }
    const steps = async (who: string) =>
      [...(await get(who, '/tugas')).body.matchAll(/data-feature="([a-z_]+)"/g)].map((m) => m[1]);
    const latestSubmission = async () =>
      await t.database.db
        .selectFrom('dataset_submission')
        .select(['id', 'number', 'state'])
        .where('dataset_id', '=', datasetId)
        .orderBy('number', 'desc')
        .executeTakeFirstOrThrow();

    it("runs the flow through the pages, checking each actor's inbox", async () => {
      const form = await get('producer', '/workspace/datasets/angka-kematian-ibu/submit');
      expect(form.statusCode).toBe(200);
      let res = await post(
        'producer',
        '/workspace/datasets/angka-kematian-ibu/submit',
        '/workspace/datasets/angka-kematian-ibu/submit',
        {
          note: 'Data 2025',
        },
      );
      expect(res.statusCode).toBe(303);
      const s1 = await latestSubmission();
      expect(res.headers.location).toBe(`/workspace/submissions/${s1.id}?done=submitted`);
      expect(await steps('custodian')).toEqual(['dataset_verify']);
      expect(await steps('producer')).toEqual([]);
      expect(await steps('supervisor')).toEqual([]);
      const inbox = await get('custodian', '/tugas');
      expect(inbox.body).toContain('Angka Kematian Ibu');
      expect(inbox.body).toContain(`/workspace/submissions/${s1.id}`);
      expect(inbox.body).toMatch(/id="nav-tasks"[^>]*>Tugas saya <span class="badge"/);

      const page = await get('custodian', `/workspace/submissions/${s1.id}`);
      expect(page.body).toContain('Daftar periksa SDI');
      expect(page.body).toContain('Pemeriksaan otomatis kesesuaian SDI');
      expect(page.body).toContain('id="verify-form"');
      expect((await get('producer', `/workspace/submissions/${s1.id}`)).body).not.toContain(
        'id="verify-form"',
      );

      res = await post(
        'custodian',
        `/workspace/submissions/${s1.id}`,
        `/workspace/submissions/${s1.id}/verify`,
        {
          outcome: 'return',
          met_metadata_complete: 'no',
          note_metadata_complete: 'Deskripsi kosong',
          field_notes: 'Isi deskripsi indikator',
          cells: 'data.csv; 4; jumlah; Angka tidak wajar',
          note: '',
        },
      );
      expect(res.statusCode).toBe(303);
      expect((await latestSubmission()).state).toBe('returned');
      expect(await steps('producer')).toEqual(['dataset_submit']);
      expect(await steps('custodian')).toEqual([]);
      const returned = await get('producer', `/workspace/submissions/${s1.id}`);
      expect(returned.body).toContain('Deskripsi kosong');
      expect(returned.body).toContain('Isi deskripsi indikator');
      expect(returned.body).toContain('Angka tidak wajar');

      await t.database.db
        .updateTable('dataset')
        .set({ notes: 'Jumlah kematian ibu per 100.000 kelahiran hidup' })
        .where('id', '=', datasetId)
        .execute();
      res = await post(
        'producer',
        '/workspace/datasets/angka-kematian-ibu/submit',
        '/workspace/datasets/angka-kematian-ibu/submit',
        { note: 'Diperbaiki' },
      );
      expect(res.statusCode).toBe(303);
      const s2 = await latestSubmission();
      expect(s2.number).toBe(2);
      const second = await get('custodian', `/workspace/submissions/${s2.id}`);
      expect(second.body).toContain('Perubahan dari pengiriman #1');
      expect(second.body).toContain('100.000 kelahiran hidup');

      const list = await get('custodian', '/workspace/submissions');
      expect(list.body).toContain('id="to-verify"');
      res = await post('custodian', '/workspace/submissions', '/workspace/submissions/verify-many', {
        ids: [s2.id],
        note: 'Sesuai',
        checklist_confirmed: 'yes',
      });
      expect(res.statusCode).toBe(303);
      expect(await steps('supervisor')).toEqual(['dataset_review']);
      expect(await steps('custodian')).toEqual([]);

      res = await post(
        'supervisor',
        `/workspace/submissions/${s2.id}`,
        `/workspace/submissions/${s2.id}/review`,
        {
          outcome: 'approve',
          recommendation_number: 'B-123/BPS/2026',
          recommendation_date: '2026-04-01',
          note: '',
        },
      );
      expect(res.statusCode).toBe(303);
      expect(await steps('custodian')).toEqual(['dataset_publish']);
      expect((await get('anonymous', '/dataset/angka-kematian-ibu')).statusCode).toBe(404);
      res = await post(
        'custodian',
        `/workspace/submissions/${s2.id}`,
        `/workspace/submissions/${s2.id}/publish`,
        { note: '' },
      );
      expect(res.statusCode).toBe(303);
      expect(await steps('custodian')).toEqual([]);
      const pub = await get('anonymous', '/dataset/angka-kematian-ibu');
      expect(pub.statusCode).toBe(200);
      expect(pub.body).not.toContain('Riwayat alur kerja');
      const staff = await get('custodian', '/dataset/angka-kematian-ibu');
      expect(staff.body).toContain('Riwayat alur kerja');
      expect(staff.body).toContain('B-123/BPS/2026');
    });

    it('lists what each role can submit or verify', async () => {
      const page = await get('custodian', '/workspace/submissions');
      expect(page.statusCode).toBe(200);
      expect((await get('producer', '/workspace/submissions')).body).toContain('id="own-datasets"');
    });

    it('serves the verification report as HTML and as a PDF with the dataset title', async () => {
      const s = await latestSubmission();
      const html = await get('custodian', `/workspace/submissions/${s.id}/report`);
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('Angka Kematian Ibu');
      const pdf = await get('custodian', `/workspace/submissions/${s.id}/report.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.rawPayload.toString('latin1')).toContain('Angka Kematian Ibu');
      expect((await get('anonymous', `/workspace/submissions/${s.id}/report.pdf`)).statusCode).toBe(302);
    });

    it('keeps mails in the outbox for the administrator when no SMTP is configured', async () => {
      const res = await get('admin', '/admin/outbox');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('walidata@kominfo.test');
      expect(res.body).toContain('Belum dikirim');
      expect((await get('custodian', '/admin/outbox')).statusCode).toBe(403);
    });

    it('lists notifications and marks them read', async () => {
      const inbox = await get('custodian', '/tugas');
      expect(inbox.body).toContain('id="notifications"');
      const res = await post('custodian', '/tugas', '/tugas/notifications/read', {});
      expect(res.statusCode).toBe(303);
      const unread = await t.database.db
        .selectFrom('notification')
        .select('id')
        .where('read_at', 'is', null)
        .execute();
      expect(unread.every(Boolean)).toBe(true);
    });
  });
}
