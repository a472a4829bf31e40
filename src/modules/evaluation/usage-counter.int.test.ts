import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  type PortalCatalog,
  PRIVATE_NAME,
  PUBLIC_NAME,
  setUpPortalCatalog,
} from '../../../test/support/portal-fixtures.js';
import { login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { performance } from './evaluation.js';
import { countInMemory, dayIn, flushPortalUsage, isBot } from './usage-counter.js';

/** A date column as 'YYYY-MM-DD' whichever driver read it. */
const isoDay = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

describe(isBot.name, () => {
  it('takes crawlers, scripted clients and a missing agent for bots, browsers not', () => {
    for (const ua of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0)',
      'facebookexternalhit/1.1',
      'curl/8.5.0',
      'python-requests/2.31',
      'Mozilla/5.0 HeadlessChrome/120.0',
      '',
      undefined,
    ])
      expect(isBot(ua), String(ua)).toBe(true);
    expect(isBot(BROWSER)).toBe(false);
    expect(isBot('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1')).toBe(
      false,
    );
  });
});

describe(dayIn.name, () => {
  it("counts a hit on the region's day, not UTC's", () => {
    const at = new Date('2025-12-31T17:30:00Z');
    expect(dayIn(at, 'Asia/Jakarta')).toBe('2026-01-01');
    expect(dayIn(at, 'UTC')).toBe('2025-12-31');
    expect(dayIn(new Date('2026-03-01T15:30:00Z'), 'Asia/Jayapura')).toBe('2026-03-02');
  });
});

for (const kind of DIALECTS) {
  describe(`portal use counted from the public pages on ${kind}`, () => {
    let t: TestApp;
    let c: PortalCatalog;
    let resourceId: string;
    const today = () => dayIn(new Date(), 'Asia/Jakarta');
    const get = (url: string, headers: Record<string, string> = { 'user-agent': BROWSER }) =>
      t.app.inject({ method: 'GET', url, headers });
    const usage = async () =>
      (
        await t.database.db
          .selectFrom('portal_usage')
          .select(['day', 'kind', 'count'])
          .where('dataset_id', '=', c.publicId)
          .orderBy('kind')
          .execute()
      ).map((r) => ({ day: isoDay(r.day), kind: r.kind, count: r.count }));

    beforeAll(async () => {
      c = await setUpPortalCatalog(kind);
      t = c.t;
      const r = await t.database.db
        .selectFrom('resource')
        .select('id')
        .where('dataset_id', '=', c.publicId)
        .executeTakeFirstOrThrow();
      resourceId = r.id;
    });
    afterAll(() => t?.close());

    it('a page view or download writes nothing until the counter is flushed, then one row per day and kind', async () => {
      expect((await get(`/dataset/${PUBLIC_NAME}`)).statusCode).toBe(200);
      expect((await get(`/dataset/${PUBLIC_NAME}`)).statusCode).toBe(200);
      expect(
        (await get(`/dataset/${c.publicId}/resource/${resourceId}/download/penduduk.csv`)).statusCode,
      ).toBe(302);
      // Bots and agentless clients are not counted.
      await get(`/dataset/${PUBLIC_NAME}`, { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' });
      await get(`/dataset/${PUBLIC_NAME}`, { 'user-agent': '' });
      expect(await usage()).toEqual([]);
      await flushPortalUsage(t.database.db);
      expect(await usage()).toEqual([
        { day: today(), kind: 'download', count: 1 },
        { day: today(), kind: 'view', count: 2 },
      ]);
      // A second batch adds to the same rows.
      await get(`/dataset/${PUBLIC_NAME}`);
      await flushPortalUsage(t.database.db);
      expect((await usage()).find((u) => u.kind === 'view')?.count).toBe(3);
    });

    it('staff reading a private dataset is not portal use; a dataset gone since the hit is skipped', async () => {
      const cookie = await login(t.app, c.custodian.user.username, TEST_PASSWORD);
      const res = await t.app.inject({
        method: 'GET',
        url: `/dataset/${PRIVATE_NAME}`,
        headers: { 'user-agent': BROWSER, cookie },
      });
      expect(res.statusCode).toBe(200);
      countInMemory(t.database.db, {
        datasetId: '00000000-0000-4000-8000-000000000000',
        kind: 'view',
        userAgent: BROWSER,
        timeZone: 'Asia/Jakarta',
        at: new Date(),
      });
      await flushPortalUsage(t.database.db);
      const rows = await t.database.db
        .selectFrom('portal_usage')
        .innerJoin('dataset', 'dataset.id', 'portal_usage.dataset_id')
        .select('dataset.name')
        .distinct()
        .execute();
      expect(rows.map((r) => r.name)).toEqual([PUBLIC_NAME]);
    });

    it("the evaluation's usage figures read what the pages counted", async () => {
      const year = Number(today().slice(0, 4));
      const p = await performance(t.database.db, { year });
      const row = p.usage.find((u) => u.dataset_id === c.publicId);
      expect(row).toMatchObject({ month: today().slice(0, 7), views: 3, downloads: 1, api_calls: 0 });
      // The performance page shows the same counts in its usage table, with its exports.
      const cookie = await login(t.app, c.custodian.user.username, TEST_PASSWORD);
      const res = await t.app.inject({ method: 'GET', url: `/evaluasi?tahun=${year}`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const usageTable = res.body.slice(res.body.indexOf('<table id="usage">'));
      expect(usageTable).toContain(`<td>${today().slice(0, 7)}</td><td>Jumlah Penduduk Kecamatan Uji</td>`);
      expect(usageTable).toMatch(/<td>3<\/td><td>1<\/td><td>0<\/td>/);
      expect(res.body).toContain(`ekspor.csv?tahun=${year}&angka=pemakaian`);
      // Nothing planned on the release calendar: punctuality is "not recorded yet".
      expect(res.body).toMatch(/id="h-rel"[\s\S]*?Belum tercatat di platform\./);
    });
  });
}
