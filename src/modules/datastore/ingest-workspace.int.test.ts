/** The back office's view of ingest: versions, state, progress bar (live poll), the report. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  callAction,
  multipartBody,
  resultOf,
  uniq,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import { createTestApp, csrfFrom, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { JobRunner } from '../../kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';

const GOOD = Buffer.from(
  'kode_kecamatan,nama_kecamatan,jumlah_penduduk\n3520010,Poncol,32451\n3520020,Parang,45012\n',
);
const BAD = Buffer.from('kode_kecamatan,nama_kecamatan,jumlah_penduduk\n3520010,Poncol,banyak\n');

for (const kind of DIALECTS) {
  describe(`ingest in the back office on ${kind}`, () => {
    let t: TestApp;
    let cookie: string;
    let token: string;
    let runner: JobRunner;
    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await buildAgency(t.database, { code: 'dinkes-uji' });
      const p = await buildUser(t.database, { roles: ['producer'], agencyId: agency.id });
      cookie = await login(t.app, p.user.username, TEST_PASSWORD);
      token = (await userWithToken(t.database, 'producer', agency.id)).token;
      runner = new JobRunner({ db: t.database.db, driver: t.kind, files: fileStoreFor(t.config) });
    });
    afterAll(() => t?.close());

    /** The dataset's upload form, or (once the page offers it) the resource's new-version form. */
    async function uploadThroughForm(name: string, fileName: string, content: Buffer) {
      const edit = await t.app.inject({ url: `/workspace/datasets/${name}/edit`, headers: { cookie } });
      const newVersion = edit.body.match(/action="(\/workspace\/resources\/[^/]+\/upload)"/)?.[1];
      const target = newVersion ?? `/workspace/datasets/${name}/resources`;
      const body = multipartBody(
        { _csrf: csrfFrom(edit.body), name: 'Penduduk' },
        { field: 'upload', name: fileName, type: 'text/csv', content },
      );
      const res = await t.app.inject({
        method: 'POST',
        url: target,
        headers: { ...body.headers, cookie },
        payload: body.payload,
      });
      expect(res.statusCode, res.body).toBe(303);
    }

    /** The producer confirms the schema proposed for the first upload, through its form. */
    async function confirmThroughForm(name: string) {
      const edit = await t.app.inject({ url: `/workspace/datasets/${name}/edit`, headers: { cookie } });
      const action = edit.body.match(/action="(\/workspace\/resources\/[^/]+\/confirm-schema)"/)?.[1] ?? '';
      const res = await t.app.inject({
        method: 'POST',
        url: action,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfFrom(edit.body) }).toString(),
      });
      expect(res.statusCode, res.body).toBe(303);
      await runner.runUntilIdle();
    }

    it('shows the progress bar while queued, then the report; the status JSON and the poll script are served', async () => {
      const name = `penduduk-${uniq()}`;
      await resultOf(
        callAction(t.app, 'package_create', {
          body: { name, title: 'Penduduk', owner_org: 'dinkes-uji' },
          token,
        }),
      );
      await uploadThroughForm(name, 'penduduk.csv', GOOD);
      const queued = await t.app.inject({ url: `/workspace/datasets/${name}/edit`, headers: { cookie } });
      expect(queued.body).toContain('<progress');
      expect(queued.body).toContain('Menunggu antrean');
      expect(queued.body).toContain('src="/workspace/ingest-progress.js"');
      const statusUrl = queued.body.match(/data-ingest-status="([^"]+)"/)?.[1] ?? '';
      const status = await t.app.inject({ url: statusUrl, headers: { cookie } });
      expect(status.statusCode).toBe(200);
      expect(status.json()).toMatchObject({ state: 'pending', version: 1, bytes_total: GOOD.length });
      const script = await t.app.inject({ url: '/workspace/ingest-progress.js', headers: { cookie } });
      expect(script.headers['content-type']).toContain('javascript');
      expect(script.body).toContain('data-ingest-status');

      await runner.runUntilIdle();
      const proposed = await t.app.inject({ url: `/workspace/datasets/${name}/edit`, headers: { cookie } });
      expect(proposed.body).toContain('periksa kolomnya sebelum data dimuat');
      expect(proposed.body).toContain('Menunggu konfirmasi skema');
      await confirmThroughForm(name);
      const done = await t.app.inject({
        url: `/workspace/datasets/${name}/edit?lang=en`,
        headers: { cookie },
      });
      expect(done.body).not.toContain('<progress');
      expect(done.body).toContain('Valid: 2 rows loaded.');
      expect(done.body).toContain('Data versions (1)');

      await uploadThroughForm(name, 'salah.csv', BAD);
      await runner.runUntilIdle();
      const failed = await t.app.inject({ url: `/workspace/datasets/${name}/edit`, headers: { cookie } });
      expect(failed.body).toContain('1 kesalahan ditemukan');
      expect(failed.body).toContain('Tipe data salah');
      expect(failed.body).toContain('banyak');
      expect(failed.body).toContain('Versi data (2)');
      expect(failed.body).toContain('1 (dipakai)');
    });

    it('resource_schema_confirm through the page: a first upload with a few non-numbers is proposed numeric, its rows listed, and nothing loads before the confirmation', async () => {
      const name = `usulan-${uniq()}`;
      await resultOf(
        callAction(t.app, 'package_create', {
          body: { name, title: 'Usulan', owner_org: 'dinkes-uji' },
          token,
        }),
      );
      const lines = ['kecamatan,jumlah'];
      for (let i = 1; i <= 30; i++) lines.push(`Kec ${i},${i === 9 ? 'tidak ada data' : i * 100}`);
      await uploadThroughForm(name, 'usulan.csv', Buffer.from(`${lines.join('\n')}\n`));
      await runner.runUntilIdle();
      const page = await t.app.inject({ url: `/workspace/datasets/${name}/edit`, headers: { cookie } });
      expect(page.body).toContain('Angka di 96% baris, diusulkan angka. 1 baris bukan angka');
      expect(page.body).toContain('baris 10: “tidak ada data”');
      expect(page.body).toMatch(/<option[^>]*value="integer"[^>]*selected/);
      expect(page.body).not.toContain('Valid:');
      await confirmThroughForm(name);
      const refused = await t.app.inject({ url: `/workspace/datasets/${name}/edit`, headers: { cookie } });
      expect(refused.body).toContain('1 kesalahan ditemukan');
      expect(refused.body).toContain('tidak ada data');
    });

    it('a schema declared in the column editor gives a CSV template; the filled template is checked against it on its first upload', async () => {
      const name = `templat-${uniq()}`;
      const d = await resultOf<{ id: string }>(
        callAction(t.app, 'package_create', {
          body: { name, title: 'Templat', owner_org: 'dinkes-uji' },
          token,
        }),
      );
      const r = await resultOf<{ id: string }>(
        callAction(t.app, 'resource_create', {
          body: { package_id: d.id, url: 'https://data.magetan.go.id/templat.csv', name: 'Penduduk' },
          token,
        }),
      );
      await resultOf(
        callAction(t.app, 'resource_schema_update', {
          body: {
            id: r.id,
            table_schema: {
              fields: [
                { name: 'kecamatan', type: 'string' },
                { name: 'jumlah_penduduk', type: 'integer' },
              ],
            },
          },
          token,
        }),
      );
      const edit = await t.app.inject({ url: `/workspace/datasets/${name}/edit`, headers: { cookie } });
      const editor = `/workspace/datasets/${name}/resources/${r.id}/schema`;
      expect(edit.body).toContain(`href="${editor}"`);
      const editorPage = await t.app.inject({ url: editor, headers: { cookie } });
      expect(editorPage.body).toContain(`href="${editor}/template.csv"`);
      const template = await t.app.inject({ url: `${editor}/template.csv`, headers: { cookie } });
      expect(template.headers['content-type']).toContain('text/csv');
      expect(template.body).toBe('kecamatan,jumlah_penduduk\r\n');
      const filled = Buffer.from(`${template.body}Poncol,32451\r\nParang,tidak ada data\r\n`);
      const target = edit.body.match(/action="(\/workspace\/resources\/[^/]+\/upload)"/)?.[1] ?? '';
      expect(target).toBe(`/workspace/resources/${r.id}/upload`);
      const body = multipartBody(
        { _csrf: csrfFrom(edit.body) },
        { field: 'upload', name: 'templat.csv', type: 'text/csv', content: filled },
      );
      const posted = await t.app.inject({
        method: 'POST',
        url: target,
        headers: { ...body.headers, cookie },
        payload: body.payload,
      });
      expect(posted.statusCode, posted.body).toBe(303);
      await runner.runUntilIdle();
      const refused = await t.app.inject({ url: `/workspace/datasets/${name}/edit`, headers: { cookie } });
      expect(refused.body).not.toContain('periksa kolomnya sebelum data dimuat');
      expect(refused.body).toContain('1 kesalahan ditemukan');
      expect(refused.body).toContain('tidak ada data');
    });

    it('escapes what the file brings into the report', async () => {
      const name = `xss-${uniq()}`;
      await resultOf(
        callAction(t.app, 'package_create', { body: { name, title: 'X', owner_org: 'dinkes-uji' }, token }),
      );
      await uploadThroughForm(name, 'a.csv', Buffer.from('kode,jumlah\n1,5\n'));
      await runner.runUntilIdle();
      await confirmThroughForm(name);
      await uploadThroughForm(name, 'b.csv', Buffer.from('kode,jumlah\n1,<script>alert(1)</script>\n'));
      await runner.runUntilIdle();
      const page = await t.app.inject({ url: `/workspace/datasets/${name}/edit`, headers: { cookie } });
      expect(page.body).not.toContain('<script>alert(1)');
      expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    });
  });
}
