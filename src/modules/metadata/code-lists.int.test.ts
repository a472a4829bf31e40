import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  callAction,
  createAgency,
  resultOf,
  uniq,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { putSetting } from '../../kernel/db/settings.repository.js';

interface ListResult {
  name: string;
  version: number;
  items: {
    code: string;
    label: string;
    label_en: string | null;
    parent: string | null;
    retired_in_version: number | null;
    added_in_version: number;
  }[];
}

const CSV_V1 =
  'code,label,label_en,parent\nSD,Sekolah Dasar,Primary school,\nSMP,Sekolah Menengah Pertama,Junior high school,\nSMA,Sekolah Menengah Atas,Senior high school,\n';
const CSV_V2 =
  'code;label;label_en;parent\nSD;Sekolah Dasar;Primary school;\nSMA;SMA/sederajat;Senior high school;\nD3;Diploma III;Diploma;SMA\n';

async function signIn(
  t: TestApp,
  roles: ('administrator' | 'custodian' | 'producer')[],
  agencyId: string | null = null,
) {
  const { user } = await buildUser(t.database, { roles, agencyId });
  const cookie = await login(t.app, user.username, TEST_PASSWORD);
  const page = await t.app.inject({ url: '/account', headers: { cookie } });
  return { cookie: cookieHeader(page, cookie), csrf: csrfFrom(page.body) };
}

for (const kind of DIALECTS) {
  describe(`reference code lists on ${kind}`, () => {
    let t: TestApp;
    let admin: string;
    let custodian: string;
    let producer: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = (await userWithToken(t.database, 'administrator')).token;
      custodian = (await userWithToken(t.database, 'custodian')).token;
      const agency = await createAgency(t.database);
      producer = (await userWithToken(t.database, 'producer', agency.id)).token;
    });
    afterAll(() => t.close());

    it('code_list_create, code_list_items_replace, code_list_show, code_list_list: versions and retired codes', async () => {
      const name = `jenjang-${uniq()}`;
      const created = await resultOf<ListResult>(
        callAction(t.app, 'code_list_create', {
          token: admin,
          body: { name, title: 'Jenjang pendidikan', title_en: 'Education level', source: 'Kemendikbud' },
        }),
      );
      expect(created).toMatchObject({ name, version: 1, items: [] });

      const v1 = await resultOf<{ version: number; added: string[] }>(
        callAction(t.app, 'code_list_items_replace', { token: custodian, body: { id: name, csv: CSV_V1 } }),
      );
      expect(v1.version).toBe(2);
      expect(v1.added).toEqual(['SD', 'SMP', 'SMA']);

      const v2 = await resultOf<{
        version: number;
        added: string[];
        retired: string[];
        relabelled: string[];
      }>(callAction(t.app, 'code_list_items_replace', { token: custodian, body: { id: name, csv: CSV_V2 } }));
      expect(v2).toMatchObject({ version: 3, added: ['D3'], retired: ['SMP'], relabelled: ['SMA'] });

      // The same content again changes nothing and keeps the version.
      const same = await resultOf<{ version: number }>(
        callAction(t.app, 'code_list_items_replace', { token: custodian, body: { id: name, csv: CSV_V2 } }),
      );
      expect(same.version).toBe(3);

      const current = await resultOf<ListResult>(
        callAction(t.app, 'code_list_show', { query: { id: name } }),
      );
      expect(current.items.map((i) => i.code)).toEqual(['SD', 'SMA', 'D3']);
      expect(current.items.find((i) => i.code === 'D3')).toMatchObject({
        parent: 'SMA',
        added_in_version: 3,
      });
      const all = await resultOf<ListResult>(
        callAction(t.app, 'code_list_show', { query: { id: name, include_retired: true } }),
      );
      expect(all.items.find((i) => i.code === 'SMP')).toMatchObject({
        retired_in_version: 3,
        added_in_version: 2,
      });

      const lists = await resultOf<{ name: string; item_count: number }[]>(
        callAction(t.app, 'code_list_list'),
      );
      expect(lists.find((l) => l.name === name)?.item_count).toBe(3);

      const updated = await resultOf<{ title: string }>(
        callAction(t.app, 'code_list_update', {
          token: admin,
          body: { name, title: 'Jenjang pendidikan formal' },
        }),
      );
      expect(updated).toMatchObject({
        title: 'Jenjang pendidikan formal',
        title_en: 'Education level',
        source: 'Kemendikbud',
      });
    });

    it('refuses a CSV with bad rows entirely, naming each row and column', async () => {
      const name = `sektor-${uniq()}`;
      await resultOf(
        callAction(t.app, 'code_list_create', { token: admin, body: { name, title: 'Sektor' } }),
      );
      const res = await callAction(t.app, 'code_list_items_replace', {
        token: admin,
        body: { id: name, csv: 'code,label,parent\nA,Pertanian,\nA,Ganda,\nB,,\nC,Industri,Z\n' },
      });
      expect(res.statusCode).toBe(409);
      const err = res.json().error as Record<string, unknown>;
      expect(String(err['row 3'])).toMatch(/kode A ganda/);
      expect(String(err['row 4'])).toMatch(/Kolom label/);
      expect(String(err['row 5'])).toMatch(/kode induk Z/);
      const show = await resultOf<ListResult>(callAction(t.app, 'code_list_show', { query: { id: name } }));
      expect(show.items).toEqual([]);
      const noHeader = await callAction(t.app, 'code_list_items_replace', {
        token: admin,
        body: { id: name, csv: 'kode,nama\nA,B\n' },
      });
      expect(noHeader.statusCode).toBe(409);
      expect(String(noHeader.json().error.file)).toMatch(/Kolom code tidak ada/);
    });

    it('lets only administrators and custodians manage lists', async () => {
      const res = await callAction(t.app, 'code_list_create', {
        token: producer,
        body: { name: `x-${uniq()}`, title: 'X' },
      });
      expect(res.statusCode).toBe(403);
      const anon = await callAction(t.app, 'code_list_items_replace', {
        body: { id: 'whatever', csv: 'code,label\nA,B' },
      });
      expect(anon.statusCode).toBe(403);
    });

    it('public pages: index, one list with retired codes and a CSV, region codes by parent with the edition history', async () => {
      const name = `komoditas-${uniq()}`;
      await resultOf(
        callAction(t.app, 'code_list_create', { token: admin, body: { name, title: 'Komoditas <b>' } }),
      );
      await resultOf(
        callAction(t.app, 'code_list_items_replace', { token: admin, body: { id: name, csv: CSV_V1 } }),
      );
      await resultOf(
        callAction(t.app, 'code_list_items_replace', { token: admin, body: { id: name, csv: CSV_V2 } }),
      );

      const index = await t.app.inject({ url: '/kode-referensi' });
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain(`href="/kode-referensi/${name}"`);
      expect(index.body).toContain('Komoditas &lt;b');
      expect(index.body).toContain('href="/kode-referensi/wilayah"');

      const page = await t.app.inject({ url: `/kode-referensi/${name}?lang=en` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Retired codes');
      expect(page.body).toContain('Sekolah Menengah Pertama');
      const csv = await t.app.inject({ url: `/kode-referensi/${name}.csv` });
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.body.split(/\r?\n/)[0]).toBe('code,label,label_en,parent');
      expect(csv.body).not.toContain('SMP');
      expect((await t.app.inject({ url: '/kode-referensi/tidak-ada' })).statusCode).toBe(404);

      const provinces = await t.app.inject({ url: '/kode-referensi/wilayah' });
      expect(provinces.body).toContain('href="/kode-referensi/wilayah?induk=35"');
      expect(provinces.body).toContain('idn-area-data@');
      const jatim = await t.app.inject({ url: '/kode-referensi/wilayah?induk=35' });
      expect(jatim.body).toContain('35.20');
      const district = await t.app.inject({ url: '/kode-referensi/wilayah?induk=35.20.06' });
      expect(district.statusCode).toBe(200);
      expect(district.body).toMatch(/35\.20\.06\.\d{4}/);
      expect((await t.app.inject({ url: '/kode-referensi/wilayah?induk=99.99' })).statusCode).toBe(404);

      const before = (await t.app.inject({ url: '/kode-referensi/wilayah' })).body;
      expect(before).not.toContain('idn-area-data@9.9.9');
      await putSetting(t.database.db, 'region_code_edition', 'idn-area-data@9.9.9');
      const after = await t.app.inject({ url: '/kode-referensi/wilayah?lang=en' });
      expect(after.body).toContain('Edition history');
      expect(after.body).toMatch(/idn-area-data@\d+\.\d+\.\d+<\/td>\s*<td>idn-area-data@9\.9\.9/);
    });

    it('admin pages: create, edit and upload through the forms; a producer is refused', async () => {
      const b = await signIn(t, ['custodian']);
      const name = `kbli-${randomBytes(3).toString('hex')}`;
      const list = await t.app.inject({ url: '/admin/code-lists', headers: { cookie: b.cookie } });
      expect(list.statusCode).toBe(200);
      const created = await t.app.inject({
        method: 'POST',
        url: '/admin/code-lists',
        headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: b.csrf, name, title: 'KBLI 2020' }).toString(),
      });
      expect(created.statusCode).toBe(303);
      const edit = await t.app.inject({
        url: created.headers.location as string,
        headers: { cookie: b.cookie },
      });
      expect(edit.statusCode).toBe(200);
      const action = edit.body.match(/action="(\/admin\/code-lists\/[^"]+\/items)"/)?.[1];
      expect(action).toBeDefined();
      const boundary = `----sd${randomBytes(8).toString('hex')}`;
      const payload = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfFrom(edit.body)}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kbli.csv"\r\nContent-Type: text/csv\r\n\r\n` +
          `code,label\nA,Pertanian\nB,Pertambangan\r\n--${boundary}--\r\n`,
      );
      const up = await t.app.inject({
        method: 'POST',
        url: (action as string).replaceAll('&amp;', '&'),
        headers: { cookie: b.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      expect(up.statusCode).toBe(303);
      const done = await t.app.inject({ url: up.headers.location as string, headers: { cookie: b.cookie } });
      expect(done.body).toContain('Pertambangan');
      expect(done.body).toMatch(/versi 2, 2 ditambah/);

      const agency = await createAgency(t.database);
      const p = await signIn(t, ['producer'], agency.id);
      expect(
        (await t.app.inject({ url: '/admin/code-lists', headers: { cookie: p.cookie } })).statusCode,
      ).toBe(403);
      expect((await t.app.inject({ url: '/admin/code-lists' })).statusCode).toBe(302);
    });
  });
}
