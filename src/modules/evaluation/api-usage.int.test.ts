import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createAgency, createLinkResource } from '../../../test/support/catalog-fixtures.js';
import {
  addDatastoreVersion,
  createDatastoreTable,
  type DatastoreFixture,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../test/support/datastore-fixtures.js';
import { createTestApp, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { apiCallTarget, isCrawler } from './api-usage-counter.js';
import { performance } from './evaluation.js';
import { flushPortalUsage } from './usage-counter.js';
import { dayIn } from './usage-day.js';

describe(isCrawler.name, () => {
  it('leaves out crawlers and monitors, not the scripted clients that are the API’s users', () => {
    for (const ua of ['Mozilla/5.0 (compatible; Googlebot/2.1)', 'bingbot/2.0', 'UptimeRobot/2.0'])
      expect(isCrawler(ua), ua).toBe(true);
    for (const ua of ['curl/8.5.0', 'python-requests/2.31', 'R (4.3.1)', undefined, ''])
      expect(isCrawler(ua), String(ua)).toBe(false);
  });
});

describe(apiCallTarget.name, () => {
  it('reads the dataset of package_show and resource_show, the resource of the datastore calls', () => {
    const d1 = '0b6f3c1e-2f4a-4c8e-9d1b-6a7e5f4d3c21';
    const r1 = '7c2d9e4f-1a3b-4c5d-8e6f-9a0b1c2d3e4f';
    expect(apiCallTarget('package_show', { id: d1 })).toEqual({ datasetId: d1 });
    expect(apiCallTarget('resource_show', { id: r1, package_id: d1 })).toEqual({ datasetId: d1 });
    expect(apiCallTarget('datastore_search', { resource_id: r1 })).toEqual({ resourceId: r1 });
    expect(apiCallTarget('datastore_info', { meta: { id: r1 } })).toEqual({ resourceId: r1 });
    // An alias or CKAN's table list is not one resource's use (and is no uuid to write).
    expect(apiCallTarget('datastore_search', { resource_id: '_table_metadata' })).toBeNull();
    expect(apiCallTarget('datastore_search', { resource_id: 'penduduk-2024' })).toBeNull();
    expect(apiCallTarget('package_search', { results: [] })).toBeNull();
    expect(apiCallTarget('package_show', null)).toBeNull();
  });
});

for (const kind of DIALECTS) {
  describe(`API calls counted as portal use on ${kind}`, () => {
    let t: TestApp;
    let ds: DatastoreFixture;
    let second: string;
    let username: string;
    const call = (name: string, qs: string, ua?: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/3/action/${name}?${qs}`,
        headers: ua === undefined ? {} : { 'user-agent': ua },
      });

    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await createAgency(t.database);
      const custodian = await buildUser(t.database, { roles: ['custodian'] });
      username = custodian.user.username;
      ds = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        agencyId: agency.id,
        owner: custodian.actor,
        title: 'Penduduk Lewat API',
      });
      // A second table of the same dataset: its calls add to the same dataset's count.
      const res = (await createLinkResource(t.database, custodian.actor, ds.datasetId, {
        name: 'Tabel kedua',
        format: 'CSV',
      })) as { id: string };
      second = res.id;
      await addDatastoreVersion(t.database, second, POPULATION_SCHEMA, POPULATION_ROWS.slice(0, 2));
    }, 60_000);
    afterAll(() => t?.close());

    it('N answered calls of package_show, resource_show, datastore_search and datastore_info make N', async () => {
      const ok = [
        await call('package_show', `id=${ds.datasetName}`, 'curl/8.5.0'),
        await call('package_show', `id=${ds.datasetId}`, 'python-requests/2.31'),
        // A repeat answered from the page cache counts as the call would have.
        await call('package_show', `id=${ds.datasetName}`, 'curl/8.5.0'),
        await call('resource_show', `id=${ds.resourceId}`),
        await call('datastore_search', `resource_id=${ds.resourceId}&limit=1`, 'curl/8.5.0'),
        await call('datastore_search', `resource_id=${second}`, 'curl/8.5.0'),
        await call('datastore_info', `id=${second}`, 'python-httpx/0.27'),
      ];
      for (const r of ok) expect(r.statusCode, r.body).toBe(200);
      expect(ok[2]?.headers['x-page-cache']).toBe('hit');
      // Not counted: a crawler, a refused call, a call that reads no single dataset.
      expect((await call('package_show', `id=${ds.datasetId}`, 'Googlebot/2.1')).statusCode).toBe(200);
      expect((await call('package_show', 'id=tidak-ada', 'curl/8.5.0')).statusCode).toBe(404);
      expect((await call('package_search', 'q=penduduk', 'curl/8.5.0')).statusCode).toBe(200);
      await flushPortalUsage(t.database.db);

      const today = dayIn(new Date(), 'Asia/Jakarta');
      const p = await performance(t.database.db, { year: Number(today.slice(0, 4)) });
      expect(p.usage.filter((u) => u.dataset_id === ds.datasetId)).toEqual([
        expect.objectContaining({
          month: today.slice(0, 7),
          agency_id: ds.agencyId,
          views: 0,
          downloads: 0,
          api_calls: ok.length,
        }),
      ]);
      // The agency's filter shows the same figure.
      const own = await performance(t.database.db, {
        year: Number(today.slice(0, 4)),
        agencyId: ds.agencyId,
      });
      expect(own.usage.reduce((s, u) => s + u.api_calls, 0)).toBe(ok.length);

      // The performance page shows it in the usage table.
      const cookie = await login(t.app, username, TEST_PASSWORD);
      const page = await t.app.inject({
        method: 'GET',
        url: `/evaluasi?tahun=${today.slice(0, 4)}`,
        headers: { cookie },
      });
      expect(page.statusCode).toBe(200);
      const usageTable = page.body.slice(page.body.indexOf('<table id="usage">'));
      expect(usageTable).toContain(`<td>${today.slice(0, 7)}</td><td>Penduduk Lewat API</td>`);
      expect(usageTable).toMatch(new RegExp(`<td>0</td><td>0</td><td>${ok.length}</td>`));
    });
  });
}
