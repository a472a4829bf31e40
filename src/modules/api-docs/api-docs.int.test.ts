import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { ACTION_REGISTRY } from '../../kernel/actions/registry.js';
import { DOCUMENTED_ACTIONS } from './pages/api-docs.examples.js';

const decode = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

for (const kind of DIALECTS) {
  describe(`API documentation page (GET /api) on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, { SITE_URL: 'https://data.magetan.go.id' });
    });
    afterAll(() => t?.close());

    it('is in Indonesian by default, with curl examples against the site URL', async () => {
      const res = await t.app.inject({ url: '/api' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const html = decode(res.body);
      expect(html).toContain('<html lang="id">');
      expect(html).toContain('API Data');
      expect(html).toContain('Autentikasi');
      expect(html).toContain('curl https://data.magetan.go.id/api/3/action/status_show');
      expect(html).toContain('-H "Authorization: $SATUDATA_TOKEN"');
      expect(html).toContain('-F upload=@rekap-2024.csv');
      expect(html).toContain('sort=id asc');
      expect(html).toContain('metadata_modified:[2024-01-01T00:00:00Z TO *]');
      for (const type of ['Authorization Error', 'Not Found Error', 'Validation Error', 'Search Query Error'])
        expect(html).toContain(type);
      expect(html).toContain('"success": false');
    });

    it('is in English with ?lang=en', async () => {
      const res = await t.app.inject({ url: '/api?lang=en' });
      expect(res.statusCode).toBe(200);
      const html = decode(res.body);
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('Data API');
      expect(html).toContain('Authentication');
      expect(html).toContain('Paging and limits');
      expect(html).not.toContain('Autentikasi');
    });

    it('documents the datastore bounds in both languages, and whether SQL is on here', async () => {
      const idHtml = decode((await t.app.inject({ url: '/api' })).body);
      const enHtml = decode((await t.app.inject({ url: '/api?lang=en' })).body);
      expect(idHtml).toContain('Batas data tabel (datastore)');
      expect(idHtml).toContain('dihentikan setelah 5 detik');
      expect(idHtml).toContain(`Di server ini: ${kind === 'pglite' ? 'mati' : 'nyala'}`);
      expect(enHtml).toContain('Table data limits (datastore)');
      expect(enHtml).toContain('the length argument of lpad and rpad must be a constant of at most 1,000');
      expect(enHtml).toContain(`On this server: ${kind === 'pglite' ? 'off' : 'on'}`);
    });

    it('follows the language switch cookie', async () => {
      const sw = await t.app.inject({ url: '/lang/en?next=/api' });
      const cookie = sw.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await t.app.inject({ url: '/api', headers: { cookie } });
      expect(res.body).toContain('<html lang="en">');
    });

    it('documents every catalog action in full and lists every registered action', async () => {
      const html = decode((await t.app.inject({ url: '/api' })).body);
      for (const name of Object.keys(ACTION_REGISTRY)) expect(html, name).toContain(`id="${name}"`);
      for (const name of [
        'package_search',
        'package_show',
        'package_list',
        'current_package_list_with_resources',
        'resource_show',
        'organization_list',
        'organization_show',
        'group_list',
        'group_show',
        'tag_list',
        'license_list',
        'package_create',
        'package_update',
        'package_patch',
        'package_delete',
        'resource_create',
        'resource_update',
        'resource_delete',
      ]) {
        expect(DOCUMENTED_ACTIONS, name).toContain(name);
        expect(html, name).toContain(`https://data.magetan.go.id/api/3/action/${name}`);
      }
    });

    it('does not disturb the action routes under /api/', async () => {
      expect((await t.app.inject({ url: '/api/3/action/status_show' })).statusCode).toBe(200);
    });
  });
}
