/**
 * The public dataset page's table and default chart (issue #17 item 7): a per-district table of
 * one year is charted by district, not as a single dot over the year; numbers are written as the
 * reader writes them, in the grid, the chart's axis and its data table; a table with nothing to
 * chart gets no chart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import { createDatastoreTable } from '../../../test/support/datastore-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';

const ONE_YEAR: TableSchema = {
  fields: [
    { name: 'kecamatan', type: 'string', title: 'Kecamatan' },
    { name: 'tahun', type: 'year', title: 'Tahun' },
    { name: 'jumlah', type: 'integer', title: 'Jumlah' },
    { name: 'rasio', type: 'number', title: 'Rasio' },
  ],
};
const ONE_YEAR_ROWS = [
  ['Poncol', 2024, 16232, 1234.5],
  ['Parang', 2024, 350000, 0.25],
  ['Lembeyan', 2024, 21000, 7],
];

const NO_AXIS: TableSchema = {
  fields: [
    { name: 'uraian', type: 'string', title: 'Uraian' },
    { name: 'nilai', type: 'integer', title: 'Nilai' },
  ],
};

for (const kind of DIALECTS) {
  describe(`dataset page default chart and number formats on ${kind}`, () => {
    let t: TestApp;
    let oneYear: Awaited<ReturnType<typeof createDatastoreTable>>;
    let noAxis: Awaited<ReturnType<typeof createDatastoreTable>>;

    /** The preview section of a dataset page. */
    const preview = async (url: string) => {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(200);
      const at = res.body.indexOf('<section aria-labelledby="tabel-title"');
      expect(at).toBeGreaterThan(0);
      return res.body.slice(at, res.body.indexOf('<section aria-labelledby="info-title"'));
    };

    beforeAll(async () => {
      t = await createTestApp(kind);
      const owner = (await buildUser(t.database, { roles: ['custodian'] })).actor;
      oneYear = await createDatastoreTable(t.database, ONE_YEAR, ONE_YEAR_ROWS, {
        owner,
        title: 'Satu Tahun',
      });
      noAxis = await createDatastoreTable(
        t.database,
        NO_AXIS,
        [
          ['a', 1],
          ['b', 2],
        ],
        { owner, title: 'Tanpa Sumbu' },
      );
    }, 120_000);
    afterAll(() => t?.close());

    it('charts a one-year per-district table by district, captioned once, numbers in Indonesian', async () => {
      const html = await preview(`/dataset/${oneYear.datasetName}`);
      expect(html).toMatch(/aria-label="Grafik Jumlah menurut Kecamatan: /);
      expect(html).toContain('Parang: 350.000');
      expect(html).toContain('<figcaption>Jumlah</figcaption>');
      expect(html).not.toContain('Jumlah jumlah');
      expect(html).not.toMatch(/Grafik jumlah Jumlah/i);
      // The grid and the value axis of the SVG.
      expect(html).toContain('<td class="num">16.232</td>');
      expect(html).toContain('<td class="num">1.234,5</td>');
      expect(html).toMatch(/<text[^>]*>[^<]*\d\.000<\/text>/);
    });

    it('writes the same numbers the English way in English', async () => {
      const html = await preview(`/dataset/${oneYear.datasetName}?lang=en`);
      expect(html).toContain('<td class="num">16,232</td>');
      expect(html).toContain('<td class="num">1,234.5</td>');
      expect(html).toContain('Parang: 350,000');
    });

    it('the reader can still ask for the chart over the year', async () => {
      const html = await preview(
        `/dataset/${oneYear.datasetName}?tabel=${oneYear.resourceId}&grafik=jumlah&sumbu=tahun`,
      );
      expect(html).toMatch(/aria-label="Grafik Jumlah menurut Tahun: 2024: 387\.232"/);
    });

    it('a table with no period or region column gets the grid and no chart', async () => {
      const html = await preview(`/dataset/${noAxis.datasetName}`);
      expect(html).toContain('ds-table');
      expect(html).not.toContain('class="ds-chart-svg"');
    });
  });
}
