import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createTestApp, csrfFrom, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { insertTopic } from '../catalog/topic.repository.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

for (const kind of DIALECTS) {
  describe(`dataset back office on ${kind}`, () => {
    let t: TestApp;
    let producer: string;
    let custodian: string;
    let otherProducer: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await buildAgency(t.database, { code: 'dinkes-uji' });
      const other = await buildAgency(t.database, { code: 'disdik-uji' });
      await insertTopic(t.database.db, { name: 'kesehatan', title: 'Kesehatan' });
      const p = await buildUser(t.database, { roles: ['producer'], agencyId: agency.id });
      const c = await buildUser(t.database, { roles: ['custodian'] });
      const o = await buildUser(t.database, { roles: ['producer'], agencyId: other.id });
      producer = await login(t.app, p.user.username, TEST_PASSWORD);
      custodian = await login(t.app, c.user.username, TEST_PASSWORD);
      otherProducer = await login(t.app, o.user.username, TEST_PASSWORD);
    });
    afterAll(() => t?.close());

    async function post(
      cookie: string,
      pageUrl: string,
      url: string,
      fields: Record<string, string | string[]>,
    ) {
      const page = await t.app.inject({ url: pageUrl, headers: { cookie } });
      const body = new URLSearchParams();
      body.append('_csrf', csrfFrom(page.body));
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
      return t.app.inject({ method: 'POST', url, headers: { ...FORM, cookie }, payload: body.toString() });
    }

    const anonymousSearch = async () =>
      (await t.app.inject({ url: '/api/3/action/package_search?q=imunisasi' })).json().result.count as number;

    it('lets a producer create a private dataset, upload a file, but not publish it', async () => {
      const res = await post(producer, '/workspace/datasets/new', '/workspace/datasets/new', {
        name: 'cakupan-imunisasi-uji',
        title: 'Cakupan Imunisasi Dasar Lengkap',
        notes: 'Persentase bayi yang mendapat imunisasi dasar lengkap.',
        owner_org: 'dinkes-uji',
        license_id: 'CC-BY-4.0',
        update_frequency: 'annual',
        tags: 'imunisasi, kesehatan anak',
        groups: ['kesehatan'],
        state: 'active',
        public: 'true',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/workspace/datasets/cakupan-imunisasi-uji/edit?done=saved');
      const d = await t.database.db
        .selectFrom('dataset')
        .selectAll()
        .where('name', '=', 'cakupan-imunisasi-uji')
        .executeTakeFirstOrThrow();
      expect(d.private).toBe(true);
      expect(await anonymousSearch()).toBe(0);

      const edit = await t.app.inject({
        url: '/workspace/datasets/cakupan-imunisasi-uji/edit',
        headers: { cookie: producer },
      });
      const csrf = csrfFrom(edit.body);
      const boundary = '----satudata';
      const csv = 'kode_kecamatan,persen\n35.20.06,93.4\n';
      const multipart = [
        `--${boundary}`,
        'Content-Disposition: form-data; name="_csrf"',
        '',
        csrf,
        `--${boundary}`,
        'Content-Disposition: form-data; name="name"',
        '',
        'Data 2024',
        `--${boundary}`,
        'Content-Disposition: form-data; name="upload"; filename="imunisasi 2024.csv"',
        'Content-Type: text/csv',
        '',
        csv,
        `--${boundary}--`,
        '',
      ].join('\r\n');
      const up = await t.app.inject({
        method: 'POST',
        url: '/workspace/datasets/cakupan-imunisasi-uji/resources',
        headers: { cookie: producer, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: multipart,
      });
      expect(up.statusCode).toBe(303);
      const r = await t.database.db
        .selectFrom('resource')
        .selectAll()
        .where('dataset_id', '=', d.id)
        .executeTakeFirstOrThrow();
      expect(r).toMatchObject({
        url_type: 'upload',
        format: 'CSV',
        size: Buffer.byteLength(`${csv}`),
        name: 'Data 2024',
      });
      expect(r.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    });

    it('refuses another agency’s producer on the edit page and changes nothing', async () => {
      const res = await t.app.inject({
        url: '/workspace/datasets/cakupan-imunisasi-uji/edit',
        headers: { cookie: otherProducer },
      });
      expect(res.statusCode).toBe(404);
      const list = await t.app.inject({ url: '/workspace/datasets', headers: { cookie: otherProducer } });
      expect(list.body).not.toContain('Cakupan Imunisasi');
    });

    it('lets the custodian publish, after which the public finds it', async () => {
      const edit = await t.app.inject({
        url: '/workspace/datasets/cakupan-imunisasi-uji/edit',
        headers: { cookie: custodian },
      });
      expect(edit.statusCode).toBe(200);
      const since = edit.body.match(/name="if_unmodified_since" value="([^"]*)"/)?.[1] ?? '';
      const res = await post(
        custodian,
        '/workspace/datasets/cakupan-imunisasi-uji/edit',
        '/workspace/datasets/cakupan-imunisasi-uji/edit',
        {
          name: 'cakupan-imunisasi-uji',
          title: 'Cakupan Imunisasi Dasar Lengkap',
          notes: 'Persentase bayi yang mendapat imunisasi dasar lengkap.',
          owner_org: 'dinkes-uji',
          license_id: 'CC-BY-4.0',
          tags: 'imunisasi',
          groups: ['kesehatan'],
          state: 'active',
          public: 'true',
          if_unmodified_since: since,
        },
      );
      expect(res.statusCode).toBe(303);
      expect(await anonymousSearch()).toBe(1);
      const page = await t.app.inject({ url: '/workspace/datasets', headers: { cookie: producer } });
      expect(page.body).toContain('Publik');
    });

    it('refuses a stale edit (someone saved in between) with a clear message', async () => {
      const res = await post(
        custodian,
        '/workspace/datasets/cakupan-imunisasi-uji/edit',
        '/workspace/datasets/cakupan-imunisasi-uji/edit',
        {
          name: 'cakupan-imunisasi-uji',
          title: 'Judul Lama',
          owner_org: 'dinkes-uji',
          state: 'active',
          if_unmodified_since: '2020-01-01T00:00:00.000',
        },
      );
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('diubah orang lain');
      const d = await t.database.db
        .selectFrom('dataset')
        .select('title')
        .where('name', '=', 'cakupan-imunisasi-uji')
        .executeTakeFirstOrThrow();
      expect(d.title).toBe('Cakupan Imunisasi Dasar Lengkap');
    });

    it('shows field errors for bad input and creates nothing', async () => {
      const res = await post(producer, '/workspace/datasets/new', '/workspace/datasets/new', {
        name: 'Bad Name!',
        title: '',
        owner_org: 'dinkes-uji',
        spatial: '99.99',
        state: 'draft',
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('name');
      const n = await t.database.db.selectFrom('dataset').select('id').where('title', '=', '').execute();
      expect(n).toHaveLength(0);
    });
  });
}
