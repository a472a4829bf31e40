import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDatastoreVersion,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../test/support/datastore-fixtures.js';
import { type DisseminationWorld, disseminationWorld } from '../../../test/support/dissemination-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { ANONYMOUS } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { NotAuthorizedError } from '../../kernel/errors.js';
import { chartCreate, chartShow, chartUpdate } from './actions/chart-actions.js';

for (const kind of DIALECTS) {
  describe(`dissemination: a saved chart, its text alternative and its versions (${kind})`, () => {
    let w: DisseminationWorld;

    beforeAll(async () => {
      w = await disseminationWorld(kind);
    }, 120_000);

    afterAll(async () => {
      await w?.t.close();
    });

    it('a saved chart has a text alternative in its SVG, a PNG, and keeps showing its data version after new data', async () => {
      await expect(
        executeAction(w.as(w.producerOther), chartCreate, {
          resource_id: w.pop.resourceId,
          type: 'bar',
          category: 'nama_wilayah',
          value: 'jumlah_penduduk',
          title: 'Bukan datanya',
        }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
      const created = await executeAction(w.as(w.staff), chartCreate, {
        resource_id: w.pop.resourceId,
        type: 'bar',
        category: 'nama_wilayah',
        value: 'jumlah_penduduk',
        filters: [{ field: 'tahun', value: '2023' }],
        title: 'Penduduk 2023 menurut kecamatan',
        source: w.agencyName,
      });
      const shown = await executeAction(w.as(ANONYMOUS), chartShow, { name: created.name });
      const ids = `${created.name}-1`;
      expect(shown.svg).toMatch(
        new RegExp(`^<svg[^>]* role="img" aria-labelledby="title-${ids} desc-${ids}">`),
      );
      expect(shown.svg).toContain(`<title id="title-${ids}">Penduduk 2023 menurut kecamatan</title>`);
      const desc = /<desc id="desc-[^"]+">([^<]*)<\/desc>/.exec(shown.svg)?.[1] ?? '';
      expect(desc).toContain('Grafik batang');
      expect(desc).toContain('Parang 45.800');
      expect(desc).toContain('Tertinggi Parang');
      const png = await w.t.app.inject({ method: 'GET', url: `/grafik/${created.name}.png` });
      expect(png.statusCode).toBe(200);
      expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
      const page = await w.t.app.inject({ method: 'GET', url: `/grafik/${created.name}` });
      expect(page.body).toContain('class="chart-text"');
      expect(page.body).toContain('&lt;iframe src=');

      // New data: a new chart version; the old URL keeps showing the old number.
      const rows = POPULATION_ROWS.map((r) =>
        r[1] === 'Parang' && r[2] === 2023 ? [...r.slice(0, 3), 99999, ...r.slice(4)] : r,
      );
      await addDatastoreVersion(w.t.database, w.pop.resourceId, POPULATION_SCHEMA, rows);
      const updated = await executeAction(w.as(w.staff), chartUpdate, { name: created.name });
      expect(updated).toMatchObject({ version: 2, data_version: 2 });
      const v1 = await w.t.app.inject({ method: 'GET', url: `/grafik/${created.name}/v/1.svg` });
      expect(v1.body).toContain('Parang 45.800');
      const v2 = await executeAction(w.as(ANONYMOUS), chartShow, { name: created.name });
      expect(v2.description).toContain('Parang 99.999');
      // Put the original data back for the book tests.
      await addDatastoreVersion(w.t.database, w.pop.resourceId, POPULATION_SCHEMA, POPULATION_ROWS);
    });
  });
}
