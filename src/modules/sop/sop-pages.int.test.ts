import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { uniq } from '../../../test/support/catalog-fixtures.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { activeDefinition } from '../workflows/definitions.js';
import { SHIPPED_PRESETS } from '../workflows/domain/presets/index.js';

/** The public SOP list (`sop_list`) and the SOP documents (`sop_show`), public and staff. */
const PDF_LINK = /href="(\/sop\/[0-9a-f-]{36}\.pdf)"/g;

for (const kind of DIALECTS) {
  describe(`SOP pages on ${kind}`, () => {
    let t: TestApp;
    let adminCookie = '';
    let csrf = '';
    beforeAll(async () => {
      t = await createTestApp(kind);
      const { user } = await buildUser(t.database, { roles: ['administrator'] });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const page = await t.app.inject({ url: '/account', headers: { cookie } });
      adminCookie = cookieHeader(page, cookie);
      csrf = csrfFrom(page.body);
    });
    afterAll(() => t.close());

    it('sop_list: /sop lists the SOPs in force with number, effective date and a working PDF link each', async () => {
      const res = await t.app.inject({ url: '/sop' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('SOP yang berlaku');
      // The demo region's defaults (issue #17 item 10): Magetan's own SOP, national ones elsewhere.
      for (const key of [
        'nasional-siklus-daftar-data',
        'magetan-statistik-sektoral',
        'nasional-diseminasi-infografis',
        'nasional-layanan-permintaan-data',
      ]) {
        const name = SHIPPED_PRESETS.find((p) => p.key === key)?.identity?.name ?? '';
        expect(res.body).toContain(name);
      }
      expect(res.body).toContain('500.14.4/1086 /403.113/2024');
      expect(res.body).toContain('Oktober 2024 (tanggal pengesahan)');
      expect(res.body).not.toMatch(/Jawa Tengah|Banyuwangi|Gubernur/);
      const links = [...res.body.matchAll(PDF_LINK)].map((m) => m[1] as string);
      expect(links).toHaveLength(4);
      for (const url of links) {
        const pdf = await t.app.inject({ url });
        expect(pdf.statusCode).toBe(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      const api = await t.app.inject({ url: '/api/3/action/sop_list' });
      expect(api.statusCode).toBe(200);
      expect(api.json().result).toHaveLength(4);
      const en = await t.app.inject({ url: '/sop', headers: { cookie: 'sd_lang=en' } });
      expect(en.body).toContain('SOPs in force');
      expect(en.body).toContain('Data request service');
    });

    it('sop_show: a version not in force is a staff document only; unknown ids are 404', async () => {
      const active = await activeDefinition(t.database.db, 'dataset_collection');
      const copied = await t.app.inject({
        method: 'POST',
        url: `/admin/workflows/${active.id}/copy`,
        headers: { cookie: adminCookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: csrf,
          new_key: `magetan-${uniq()}`,
          title: 'Salinan',
        }).toString(),
      });
      expect(copied.statusCode).toBe(303);
      const copyId = (copied.headers.location as string).split('/')[3] as string;
      expect((await t.app.inject({ url: `/sop/${copyId}.pdf` })).statusCode).toBe(404);
      const staff = await t.app.inject({
        url: `/admin/workflows/${copyId}/sop.pdf`,
        headers: { cookie: adminCookie },
      });
      expect(staff.statusCode).toBe(200);
      expect(staff.headers['content-type']).toBe('application/pdf');
      const anonymous = await t.app.inject({ url: `/admin/workflows/${copyId}/sop.pdf` });
      expect(anonymous.statusCode).toBe(302);
      expect((await t.app.inject({ url: '/sop/00000000-0000-4000-8000-000000000000.pdf' })).statusCode).toBe(
        404,
      );
      expect((await t.app.inject({ url: '/sop/not-a-uuid.pdf' })).statusCode).toBe(404);
      const show = await t.app.inject({
        url: `/admin/workflows/${copyId}`,
        headers: { cookie: adminCookie },
      });
      expect(show.body).toContain(`/admin/workflows/${copyId}/sop.pdf`);
      expect(show.body).toContain('500.14.4/1086 /403.113/2024');
    });
  });
}
