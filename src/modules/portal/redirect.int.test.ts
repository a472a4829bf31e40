import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createAgency, createDataset, createLinkResource } from '../../../test/support/catalog-fixtures.js';
import { cookieHeader, createTestApp, csrfFrom, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { ValidationError } from '../../kernel/errors.js';
import { safeNext } from './pages/portal.routes.js';

/** `next` values that leave the site, or cannot go in a Location header (issue 11, finding 10). */
const HOSTILE = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/\u3002evil.example',
  '/。/evil.example',
  '//evil.example',
  '/\\evil.example',
  '/.//evil.example',
  '/a/..//evil.example',
  '/%2e//evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  ' /workspace',
];

describe('safeNext', () => {
  it('keeps paths on this site and sends everything else home', () => {
    expect(safeNext('/dataset?q=air#hasil', '/')).toBe('/dataset?q=air#hasil');
    expect(safeNext('/dataset/a%20b', '/')).toBe('/dataset/a%20b');
    for (const next of HOSTILE) expect(safeNext(next, '/home'), JSON.stringify(next)).toBe('/home');
  });
});

for (const kind of DIALECTS) {
  describe(`redirect targets taken from the request on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t?.close());

    it('/lang/:locale goes home for a next that leaves the site, never a 500', async () => {
      for (const next of [
        '/%09/evil.example',
        '/%0A/evil.example',
        '/%E3%80%82evil.example',
        '//evil.example',
      ]) {
        const res = await t.app.inject({ url: `/lang/id?next=${next}` });
        expect(res.statusCode, next).toBe(302);
        expect(res.headers.location, next).toBe('/');
      }
      const ok = await t.app.inject({ url: '/lang/en?next=%2Fdataset%3Fq%3Dair' });
      expect(ok.headers.location).toBe('/dataset?q=air');
    });

    it('POST /login goes to the workspace for a next that leaves the site, never a 500', async () => {
      for (const next of ['/\t/evil.example', '/\n/evil.example', '/\u3002evil.example', '/dataset']) {
        const { user } = await buildUser(t.database, { roles: ['custodian'] });
        const page = await t.app.inject({ url: '/login' });
        const res = await t.app.inject({
          method: 'POST',
          url: '/login',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(page) },
          payload: new URLSearchParams({
            _csrf: csrfFrom(page.body),
            username: user.username,
            password: TEST_PASSWORD,
            next,
          }).toString(),
        });
        expect(res.statusCode, JSON.stringify(next)).toBe(303);
        expect(res.headers.location, JSON.stringify(next)).toBe(
          next === '/dataset' ? '/dataset' : '/workspace',
        );
      }
    });

    it('a link resource redirect never carries a line break or tab to another host, never a 500 (same cause)', async () => {
      const agency = await createAgency(t.database);
      const { actor } = await buildUser(t.database, { roles: ['producer'], agencyId: agency.id });
      const ds = await createDataset(t.database, actor, { owner_org: agency.code, private: true });
      // Published as the custodian would (a producer may not publish).
      await t.database.db.updateTable('dataset').set({ private: false }).where('id', '=', ds.id).execute();
      for (const url of ['https://data.example/\t/evil.example', 'https://data.example/a\nb', 'https://a b'])
        await expect(
          createLinkResource(t.database, actor, ds.id, { url }),
          JSON.stringify(url),
        ).rejects.toBeInstanceOf(ValidationError);
      const r = await createLinkResource(t.database, actor, ds.id, {
        url: 'https://data.example.go.id/x.csv',
      });
      const download = () => t.app.inject({ url: `/dataset/${ds.name}/resource/${r.id}/download/x.csv` });
      expect((await download()).headers.location).toBe('https://data.example.go.id/x.csv');
      // A URL stored before links were checked: parsed, so no raw line break reaches Location.
      for (const stored of ['https://data.example.go.id/\n/x.csv', 'https:/\t/evil.example/x']) {
        await t.database.db.updateTable('resource').set({ url: stored }).where('id', '=', r.id).execute();
        const res = await download();
        expect(res.statusCode, JSON.stringify(stored)).toBeLessThan(500);
        expect(String(res.headers.location ?? ''), JSON.stringify(stored)).not.toMatch(/[\s]/);
      }
    });
  });
}
