/**
 * Issue #17 items 6 and 8 through the back-office forms: a refused upload keeps the form filled,
 * says what is wrong with the file (named) and creates nothing; the URL name comes from the
 * title; errors name fields by their labels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createTestApp, csrfFrom, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

for (const kind of DIALECTS) {
  describe(`refused uploads and the dataset form on ${kind}`, () => {
    let t: TestApp;
    let producer: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await buildAgency(t.database, { code: 'dinkes-tolak' });
      const p = await buildUser(t.database, { roles: ['producer'], agencyId: agency.id });
      producer = await login(t.app, p.user.username, TEST_PASSWORD);
    });
    afterAll(() => t?.close());

    async function postForm(url: string, pageUrl: string, fields: Record<string, string>) {
      const page = await t.app.inject({ url: pageUrl, headers: { cookie: producer } });
      const body = new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields });
      return t.app.inject({
        method: 'POST',
        url,
        headers: { ...FORM, cookie: producer },
        payload: body.toString(),
      });
    }

    async function upload(
      dataset: string,
      name: string,
      file: { name: string; content: Buffer; type: string },
    ) {
      const edit = await t.app.inject({
        url: `/workspace/datasets/${dataset}/edit`,
        headers: { cookie: producer },
      });
      const boundary = '----satudatatolak';
      const head = (field: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n`;
      const payload = Buffer.concat([
        Buffer.from(`${head('_csrf')}${csrfFrom(edit.body)}\r\n${head('name')}${name}\r\n`),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
        ),
        file.content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: `/workspace/datasets/${dataset}/resources`,
        headers: { cookie: producer, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    }

    const resources = async (name: string) =>
      t.database.db
        .selectFrom('resource')
        .innerJoin('dataset', 'dataset.id', 'resource.dataset_id')
        .select('resource.id')
        .where('dataset.name', '=', name)
        .where('resource.state', '=', 'active')
        .execute();

    it('makes the URL name from the title and names a refused field by its label', async () => {
      const res = await postForm('/workspace/datasets/new', '/workspace/datasets/new', {
        name: '',
        title: 'Jumlah Puskesmas per Kecamatan 2025',
        owner_org: 'dinkes-tolak',
        license_id: 'CC-BY-4.0',
        state: 'active',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(
        '/workspace/datasets/jumlah-puskesmas-per-kecamatan-2025/edit?done=saved',
      );
      const again = await postForm('/workspace/datasets/new', '/workspace/datasets/new', {
        name: '',
        title: 'Jumlah Puskesmas per Kecamatan 2025',
        owner_org: 'dinkes-tolak',
        license_id: 'CC-BY-4.0',
        state: 'active',
      });
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('<strong>Nama URL</strong>');
      expect(again.body).not.toContain('<strong>name</strong>');
    });

    it('refuses a 0-byte file and a text file named .xlsx on the same form, naming the file, creating nothing', async () => {
      const dataset = 'jumlah-puskesmas-per-kecamatan-2025';
      const empty = await upload(dataset, 'Data kosong 2025', {
        name: 'puskesmas-2025.csv',
        content: Buffer.alloc(0),
        type: 'text/csv',
      });
      if (empty.statusCode !== 400)
        console.log(
          'BODY',
          empty.body
            .replace(/<[^>]+>/g, ' ')
            .replace(/\s+/g, ' ')
            .slice(0, 1500),
        );
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('puskesmas-2025.csv');
      expect(empty.body).toContain('kosong');
      expect(empty.body).toContain('value="Data kosong 2025"');
      expect(empty.body).not.toContain('Masukan tidak valid');
      expect(await resources(dataset)).toHaveLength(0);

      const fake = await upload(dataset, 'Data palsu 2025', {
        name: 'puskesmas-2025.xlsx',
        content: Buffer.from('kecamatan,jumlah\nMagetan,3\n'),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      expect(fake.statusCode).toBe(400);
      expect(fake.body).toContain('puskesmas-2025.xlsx');
      expect(fake.body).toContain('value="Data palsu 2025"');
      expect(await resources(dataset)).toHaveLength(0);
    });
  });
}
