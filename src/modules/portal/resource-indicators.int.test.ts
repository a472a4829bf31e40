import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import { ctxFor } from '../../../test/support/catalog-fixtures.js';
import {
  createDatastoreTable,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../test/support/datastore-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import { keyIndicatorSave } from './indicators/key-indicator-save.js';

const CLOSED_VALUE = '3520000000000001';

for (const kind of DIALECTS) {
  for (const sqlSetting of ['off', 'on'] as const) {
    describe(`resource pages and ${keyIndicatorSave.name} on ${kind}, DATASTORE_SQL=${sqlSetting}`, () => {
      let t: TestApp;
      let pub: Awaited<ReturnType<typeof createDatastoreTable>>;
      let hidden: Awaited<ReturnType<typeof createDatastoreTable>>;
      const get = (url: string) => t.app.inject({ method: 'GET', url });

      beforeAll(async () => {
        t = await createTestApp(kind, { DATASTORE_SQL: sqlSetting });
        pub = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
          title: 'Penduduk Halaman Berkas',
        });
        hidden = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
          private: true,
        });
      });
      afterAll(() => t?.close());

      it('shows format, versions, the column dictionary, downloads and Data API examples that run', async () => {
        const url = `/dataset/${pub.datasetName}/resource/${pub.resourceId}`;
        const res = await get(url);
        expect(res.statusCode).toBe(200);
        const html = res.body;
        expect(html).toContain('<h1>Tabel data</h1>');
        expect(html).toContain('Kamus kolom');
        expect(html).toContain('<code>jumlah_penduduk</code>');
        expect(html).toContain('jiwa');
        expect(html).toContain('Versi 1');
        for (const f of ['csv', 'xlsx', 'json']) expect(html).toContain(`${url}/download.${f}`);
        // The closed column is in no part of the page.
        expect(html).not.toContain('nik_petugas');
        expect(html).not.toContain(CLOSED_VALUE);
        const curl = html.match(/data-example="curl"><code>curl &#39;([^&]+(?:&amp;[^&#]+)*)&#39;/)?.[1];
        expect(curl).toBeDefined();
        const apiUrl = new URL((curl ?? '').replace(/&amp;/g, '&'));
        const api = await get(`${apiUrl.pathname}${apiUrl.search}`);
        expect(api.statusCode).toBe(200);
        const body = api.json() as { success: boolean; result: { records: Record<string, unknown>[] } };
        expect(body.success).toBe(true);
        expect(body.result.records).toHaveLength(5);
        expect(body.result.records[0]).not.toHaveProperty('nik_petugas');
        expect(html).toContain('import requests');
        expect(html).toContain('library(jsonlite)');
        // The SQL example only where the site serves datastore_search_sql.
        expect(html.includes('datastore_search_sql')).toBe(sqlSetting === 'on');
        if (sqlSetting === 'on') {
          const sqlCurl = html.match(/data-example="curl-sql"><code>curl &#39;([^&]+)&#39;/)?.[1] ?? '';
          const sqlUrl = new URL(sqlCurl);
          const sqlRes = await get(`${sqlUrl.pathname}${sqlUrl.search}`);
          expect(sqlRes.statusCode).toBe(200);
          expect((sqlRes.json() as { result: { records: unknown[] } }).result.records).toHaveLength(5);
        }
        const en = (await get(`${url}?lang=en`)).body;
        expect(en).toContain('Column dictionary');
        expect(en).toContain('Read this table through the API');
      });

      it('a private dataset’s resource page is not found for the public', async () => {
        expect((await get(`/dataset/${hidden.datasetName}/resource/${hidden.resourceId}`)).statusCode).toBe(
          404,
        );
        expect((await get(`/dataset/${pub.datasetName}/resource/${hidden.resourceId}`)).statusCode).toBe(404);
      });

      it(`${keyIndicatorSave.name}: the custodian picks an open number column; the pages show latest value and change`, async () => {
        const custodian = await buildUser(t.database, { roles: ['custodian'] });
        const ctx = ctxFor(t.database, custodian.actor);
        const base = {
          name: 'jumlah-penduduk',
          title: 'Jumlah Penduduk',
          title_en: 'Population',
          resource_id: pub.resourceId,
          period_field: 'tahun',
          definition: 'Banyaknya penduduk yang tinggal di wilayah ini.',
        };
        await expect(
          executeAction(ctx, keyIndicatorSave, { ...base, value_field: 'nik_petugas' }),
        ).rejects.toThrow(/tidak valid/);
        await expect(
          executeAction(ctx, keyIndicatorSave, {
            ...base,
            resource_id: hidden.resourceId,
            value_field: 'jumlah_penduduk',
          }),
        ).rejects.toThrow(/tidak valid/);
        const producer = await buildUser(t.database, { roles: ['producer'], agencyId: pub.agencyId });
        await expect(
          executeAction(ctxFor(t.database, producer.actor), keyIndicatorSave, {
            ...base,
            value_field: 'jumlah_penduduk',
          }),
        ).rejects.toThrow(/Akses ditolak/);
        await executeAction(ctx, keyIndicatorSave, { ...base, value_field: 'jumlah_penduduk' });

        const list = (await get('/indikator')).body;
        // 2023: 31500 + 45800 + (null) + 100 = 77400; 2022: 31000 + 45000 + 50000 = 126000.
        expect(list).toContain('77.400 jiwa');
        expect(list).toContain('Terbaru (2023)');
        expect(list).toContain('Perubahan dari 2022: -48.600 jiwa');
        expect(list).toContain(`href="/dataset/${pub.datasetName}"`);
        expect(list).toContain('<svg class="sparkline"');
        const one = (await get('/indikator/jumlah-penduduk?lang=en')).body;
        expect(one).toContain('<h1>Population</h1>');
        expect(one).toContain('Values by period');
        expect(one).toContain('Banyaknya penduduk');
        const home = (await get('/')).body;
        expect(home).toContain('Indikator utama');
        expect(home).toContain('href="/indikator/jumlah-penduduk"');
        expect((await get('/indikator/tidak-ada')).statusCode).toBe(404);
      });
    });
  }
}
