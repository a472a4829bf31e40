import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../../../../test/e2e/support/browser.js';
import { TEST_PASSWORD } from '../../../../test/factories/index.js';
import { createAgency, userWithToken } from '../../../../test/support/catalog-fixtures.js';
import {
  createDatastoreTable,
  type DatastoreFixture,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../../test/support/datastore-fixtures.js';
import { createTestApp, login, type TestApp } from '../../../../test/support/test-app.js';
import { DIALECTS } from '../../../../test/support/test-database.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';

const MANY_SCHEMA: TableSchema = {
  fields: [
    { name: 'kecamatan', type: 'string', title: 'Kecamatan' },
    { name: 'tahun', type: 'year', title: 'Tahun' },
    { name: 'jumlah', type: 'integer', title: 'Jumlah' },
  ],
};
const MANY_ROWS = Array.from({ length: 45 }, (_, i) => [`Kec ${String(i % 5)}`, 2015 + (i % 9), i * 10]);

/** Serious or critical axe-core violations inside the preview section (the rest of the page is not ours). */
async function previewA11yViolations(page: Page): Promise<string[]> {
  const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate<boolean>("typeof axe !== 'undefined'"))) await page.evaluate(axe);
  return page.evaluate<
    string[]
  >(`axe.run({ include: [['.ds-section']] }, { resultTypes: ['violations'] }).then((r) =>
    r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.map((n) => JSON.stringify(n.target)).join(' ')))`);
}

/** Text of the table cells of the preview (the first .ds-table). */
function previewCells(html: string): string[][] {
  const table = html.slice(html.indexOf('<table class="ds-table">'));
  const body = table.slice(table.indexOf('<tbody>'), table.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) =>
    [...(m[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1] ?? ''),
  );
}

for (const kind of DIALECTS) {
  describe(`dataset page table preview and chart on ${kind}`, () => {
    let t: TestApp;
    let pub: DatastoreFixture;
    let many: DatastoreFixture;
    let priv: DatastoreFixture;
    let ownerCookie: string;

    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await createAgency(t.database);
      const custodian = await userWithToken(t.database, 'custodian');
      pub = await createDatastoreTable(
        t.database,
        POPULATION_SCHEMA,
        [...POPULATION_ROWS, ['3520050', '<script>alert(1)</script>', 2023, 7, 1, false, '2023-01-01', 'z']],
        { agencyId: agency.id, owner: custodian.actor },
      );
      many = await createDatastoreTable(t.database, MANY_SCHEMA, MANY_ROWS, {
        agencyId: agency.id,
        owner: custodian.actor,
      });
      priv = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        agencyId: agency.id,
        owner: custodian.actor,
        private: true,
      });
      const owner = await userWithToken(t.database, 'producer', agency.id);
      ownerCookie = await login(t.app, owner.username, TEST_PASSWORD);
    }, 90_000);
    afterAll(async () => t?.close());

    const page = async (path: string, cookie?: string) => {
      const res = await t.app.inject({ method: 'GET', url: path, headers: cookie ? { cookie } : {} });
      expect(res.statusCode, path).toBe(200);
      // The preview section only (other sections of the page are not this test's subject).
      const at = res.body.indexOf('<section aria-labelledby="tabel-title"');
      expect(at, path).toBeGreaterThan(0);
      return res.body.slice(at, res.body.indexOf('<section aria-labelledby="info-title"'));
    };

    it('shows the first page with open columns only, escaped values, download links and a chart', async () => {
      const html = await page(`/dataset/${pub.datasetName}`);
      expect(html).toContain('Pratinjau tabel');
      expect(html).toContain(`id="tabel-${pub.resourceId}"`);
      expect(html).toContain('Baris 1–8 dari 8');
      expect(html).not.toContain('nik_petugas');
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('<td>&lt;script>alert(1)&lt;/script></td>');
      expect(previewCells(html)[0]).toEqual([
        '3520010',
        'Poncol',
        '2022',
        // Numbers as Indonesians write them (issue #17 item 7).
        '31.000',
        '410,5',
        'false',
        '2022-12-31',
      ]);
      for (const ext of ['csv', 'csv?bom=1', 'xlsx', 'json'])
        expect(html).toContain(`/dataset/${pub.datasetName}/resource/${pub.resourceId}/download.${ext}`);
      expect(html).toContain(`/dataset/${pub.datasetName}/datapackage.json`);
      // Chart: server-rendered SVG with a text alternative and its data as a table.
      expect(html).toMatch(
        /<div class="ds-chart-svg" role="img" aria-label="Grafik Jumlah penduduk menurut Tahun: 2022: [^"]+">\s*<svg/,
      );
      expect(html).toContain('<summary>Data grafik</summary>');
      const en = await page(`/dataset/${pub.datasetName}?lang=en`);
      expect(en).toContain('Table preview');
      expect(en).toContain('Rows 1–8 of 8');
    });

    it('sorts, filters and searches through query parameters', async () => {
      const base = `/dataset/${pub.datasetName}?tabel=${pub.resourceId}`;
      const sorted = await page(`${base}&urut=kepadatan&arah=turun`);
      expect(previewCells(sorted).map((r) => r[4])).toEqual([
        '1.210',
        '1.200,5',
        '520',
        '512,75',
        '417,25',
        '410,5',
        '1',
        '-5,5',
      ]);
      expect(sorted).toContain('aria-sort="descending"');
      const filtered = await page(`${base}&kolom=nama_wilayah&nilai=Parang`);
      expect(filtered).toContain('Baris 1–2 dari 2');
      const searched = await page(`${base}&cari=poncol`);
      expect(searched).toContain('Baris 1–2 dari 2');
      // Text in a year column is no error: no year contains it (the filter is "contains").
      const none = await page(`${base}&kolom=tahun&nilai=abc`);
      expect(none).toContain('Tidak ada baris yang cocok.');
      // A hidden column cannot be filtered or sorted by the public.
      const hidden = await page(`${base}&kolom=nik_petugas&nilai=3520000000000001&urut=nik_petugas`);
      expect(hidden).toContain('Baris 1–8 dari 8');
      expect(hidden).not.toContain('3520000000000001');
    });

    it('filters forgivingly: any case, any part of the value; wildcards and quotes are only text (issue #17 item 7)', async () => {
      const base = `/dataset/${pub.datasetName}?tabel=${pub.resourceId}`;
      expect(await page(`${base}&kolom=nama_wilayah&nilai=parang`)).toContain('Baris 1–2 dari 2');
      expect(await page(`${base}&kolom=nama_wilayah&nilai=ARA`)).toContain('Baris 1–2 dari 2');
      // A number column: its digits as written in the table.
      expect(await page(`${base}&kolom=tahun&nilai=202`)).toContain('Baris 1–8 dari 8');
      for (const text of ['%', '_', "' or '1'='1", "x'); drop table datastore.x; --", '\\'])
        expect(await page(`${base}&kolom=nama_wilayah&nilai=${encodeURIComponent(text)}`), text).toContain(
          'Tidak ada baris yang cocok.',
        );
      // The chart follows the filter.
      expect(
        await page(`${base}&kolom=nama_wilayah&nilai=poncol&grafik=jumlah_penduduk&sumbu=tahun`),
      ).toMatch(/aria-label="Grafik Jumlah penduduk menurut Tahun: 2022: 31\.000; 2023: 31\.500"/);
    });

    it('says on a phone that the number columns scroll sideways; no doubled words in the chart texts', async () => {
      const html = await page(`/dataset/${pub.datasetName}`);
      expect(html).toContain('geser ke samping untuk melihat kolom angka');
      expect(html).toContain(`aria-describedby="tabel-geser-${pub.resourceId}"`);
      const en = await page(`/dataset/${pub.datasetName}?lang=en`);
      expect(en).toContain('scroll sideways to see the number columns');
      for (const body of [html, en, await page(`/dataset/${many.datasetName}`)]) {
        const chartTexts = [...body.matchAll(/aria-label="(Grafik|Chart)[^"]*"|<figcaption>([^<]*)</g)].map(
          (m) => m[0],
        );
        expect(chartTexts.length).toBeGreaterThan(0);
        for (const text of chartTexts) expect(text).not.toMatch(/\b(\p{L}+)\s+\1\b/iu);
      }
    });

    it('"(versi N)" counts the uploads that loaded, not the failed ones', async () => {
      const db = t.database.db;
      const loaded = await db
        .selectFrom('resource_version')
        .select(['id', 'storage_key'])
        .where('resource_id', '=', many.resourceId)
        .executeTakeFirstOrThrow();
      // Two failed uploads before the one that loaded: it is the resource's first loaded version.
      await db.updateTable('resource_version').set({ number: 3 }).where('id', '=', loaded.id).execute();
      for (const number of [1, 2])
        await db
          .insertInto('resource_version')
          .values({
            resource_id: many.resourceId,
            number,
            storage_key: loaded.storage_key,
            file_name: 'rusak.csv',
            format: 'CSV',
            state: 'error',
            error: JSON.stringify({ message: 'Berkas rusak' }),
          })
          .execute();
      const html = await page(`/dataset/${many.datasetName}`);
      expect(html).toMatch(/<caption[^>]*>[^<]*\(versi 1\)<\/caption>/);
    });

    it('pages on the server and draws the chart over the chosen axis', async () => {
      const first = await page(`/dataset/${many.datasetName}`);
      expect(first).toContain('Baris 1–20 dari 45');
      expect(first).toContain(`hal=2`);
      const third = await page(`/dataset/${many.datasetName}?tabel=${many.resourceId}&hal=3`);
      expect(third).toContain('Baris 41–45 dari 45');
      expect(previewCells(third)).toHaveLength(5);
      const byRegion = await page(
        `/dataset/${many.datasetName}?tabel=${many.resourceId}&grafik=jumlah&sumbu=kecamatan`,
      );
      // Sum per kecamatan: i % 5 groups of 0..440 step 10.
      expect(byRegion).toMatch(/aria-label="Grafik Jumlah menurut Kecamatan: Kec 0: 1\.800; Kec 1: 1\.890;/);
    });

    it('private datasets: preview only for those who may see the dataset; closed columns for its agency', async () => {
      expect((await t.app.inject({ method: 'GET', url: `/dataset/${priv.datasetName}` })).statusCode).toBe(
        404,
      );
      const owner = await page(`/dataset/${priv.datasetName}`, ownerCookie);
      expect(owner).toContain('Pratinjau tabel');
      expect(owner).toContain('nik_petugas');
    });

    it.runIf(hasBrowser && kind === 'pglite')(
      'is axe-clean in Chromium',
      async () => {
        await t.app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = t.app.server.address() as AddressInfo;
        const browser = await launchBrowser();
        try {
          const p = await browser.newPage();
          await p.goto(
            `http://127.0.0.1:${port}/dataset/${many.datasetName}?tabel=${many.resourceId}&hal=2&urut=jumlah`,
          );
          expect(await p.locator('.ds-table').first().isVisible()).toBe(true);
          expect(await previewA11yViolations(p)).toEqual([]);
          await p.goto(`http://127.0.0.1:${port}/dataset/${pub.datasetName}?lang=en`);
          expect(await p.locator('.ds-chart-svg svg').count()).toBe(1);
          expect(await previewA11yViolations(p)).toEqual([]);
          // At desktop width the scroll hint is hidden; on a phone it shows, and the page stays axe-clean.
          expect(await p.locator('.ds-scroll-hint').first().isVisible()).toBe(false);
          await p.setViewportSize({ width: 375, height: 812 });
          await p.goto(`http://127.0.0.1:${port}/dataset/${pub.datasetName}`);
          expect(await p.locator('.ds-scroll-hint').first().isVisible()).toBe(true);
          expect(await previewA11yViolations(p)).toEqual([]);
        } finally {
          await browser.close();
        }
      },
      90_000,
    );
  });
}
