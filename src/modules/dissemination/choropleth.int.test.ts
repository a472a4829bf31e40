import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createAgency, ctxFor } from '../../../test/support/catalog-fixtures.js';
import {
  createDatastoreTable,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../test/support/datastore-fixtures.js';
import { createTestApp, csrfFrom, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { type Actor, ANONYMOUS } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { NotAuthorizedError, ValidationError } from '../../kernel/errors.js';
import { regionBoundariesSet, regionBoundariesShow } from './actions/boundaries-actions.js';
import { chartCreate, chartShow } from './actions/chart-actions.js';
import { svgToPng } from './charts.js';

const square = (x: number) => [
  [
    [x, -7.6],
    [x + 0.1, -7.6],
    [x + 0.1, -7.7],
    [x, -7.7],
    [x, -7.6],
  ],
];
/** Three of the fixture's kecamatan (codes as the population table writes them) and one without data. */
const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    ['3520010', 'Poncol'],
    ['3520020', 'Parang'],
    ['3520030', 'Magetan Kota'],
    ['3520099', 'Tanpa Data'],
  ].map(([kode, nama], i) => ({
    type: 'Feature',
    properties: { kode, nama },
    geometry: { type: 'Polygon', coordinates: square(111.2 + i * 0.1) },
  })),
});

for (const kind of DIALECTS) {
  describe(`dissemination: choropleth maps from the region’s uploaded boundaries (${kind})`, () => {
    let t: TestApp;
    let admin: Actor;
    let adminUser: { username: string };
    let staff: Actor;
    let agencyId: string;
    let pop: Awaited<ReturnType<typeof createDatastoreTable>>;
    const as = (a: Actor) => ctxFor(t.database, a);

    async function positioned(role: 'custodian' | 'leader', position: string) {
      const { user, actor } = await buildUser(t.database, { roles: [role] });
      await t.database.db.insertInto('user_position').values({ user_id: user.id, role, position }).execute();
      return actor;
    }

    beforeAll(async () => {
      t = await createTestApp(kind);
      agencyId = (await createAgency(t.database, { name: 'Dinas Kependudukan Peta' })).id;
      const a = await buildUser(t.database, { roles: ['administrator'] });
      admin = a.actor;
      adminUser = a.user;
      staff = await positioned('custodian', 'staff');
      pop = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        agencyId,
        title: 'Penduduk per Kecamatan (peta)',
      });
    }, 120_000);

    afterAll(() => t?.close());

    it('region_boundaries_set validates the GeoJSON; region_boundaries_show lists the districts; a choropleth colours them', async () => {
      const mapSpec = {
        resource_id: pop.resourceId,
        type: 'choropleth',
        category: 'kode_wilayah',
        value: 'jumlah_penduduk',
        filters: [{ field: 'tahun', value: '2022' }],
        title: 'Penduduk 2022 per kecamatan',
      };
      // No boundaries yet: no map is offered, and one cannot be saved.
      expect(await executeAction(as(ANONYMOUS), regionBoundariesShow, {})).toEqual({
        uploaded: false,
        districts: [],
      });
      await expect(executeAction(as(staff), chartCreate, mapSpec)).rejects.toBeInstanceOf(ValidationError);
      // Only those who keep the reference code lists (codelist:manage: administrator, custodian)
      // set them; a bad file changes nothing.
      const producer = (await buildUser(t.database, { roles: ['producer'], agencyId })).actor;
      await expect(
        executeAction(as(producer), regionBoundariesSet, { geojson: GEOJSON }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
      const refused = await executeAction(as(admin), regionBoundariesSet, {
        geojson: JSON.stringify({
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: {} }],
        }),
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect(JSON.stringify((refused as ValidationError).fields)).toContain('Polygon or MultiPolygon');
      expect((await executeAction(as(ANONYMOUS), regionBoundariesShow, {})).uploaded).toBe(false);

      const set = await executeAction(as(admin), regionBoundariesSet, {
        geojson: GEOJSON,
        file_name: 'kec.geojson',
      });
      expect(set.districts).toBe(4);
      const shown = await executeAction(as(ANONYMOUS), regionBoundariesShow, {});
      expect(shown.districts).toContainEqual({ code: '3520020', name: 'Parang' });
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('summary')
        .where('action', '=', 'region_boundaries_set')
        .execute();
      expect(audit).toHaveLength(1);

      const chart = await executeAction(as(staff), chartCreate, mapSpec);
      const c = await executeAction(as(ANONYMOUS), chartShow, { name: chart.name });
      expect(c.svg).toMatch(/^<svg[^>]* role="img" aria-labelledby="title-[^"]+ desc-[^"]+">/);
      expect(c.description).toBe(
        'Peta tematik per kecamatan: Penduduk 2022 per kecamatan. Poncol 31.000; Parang 45.000; Magetan Kota 50.000. Tertinggi Magetan Kota (50.000), terendah Poncol (31.000).',
      );
      const fills = [...c.svg.matchAll(/<path d="M[^"]*" fill="([^"]+)" stroke="#444"/g)].map((m) => m[1]);
      expect(fills).toHaveLength(4);
      expect(new Set(fills.slice(0, 3)).size).toBe(3);
      expect(fills[3]).toBe('#f2f2f2');
      expect(svgToPng(c.svg).subarray(1, 4).toString()).toBe('PNG');
      // The page shows the names in its data table (not the codes).
      const page = await t.app.inject({ url: `/grafik/${chart.name}` });
      expect(page.body).toMatch(/<th scope="row">Parang<\/th>/);
    });

    it('the administrator page uploads boundaries as a file and shows refusals beside the form; the builder then offers the map', async () => {
      const cookie = await login(t.app, adminUser.username, TEST_PASSWORD);
      const form = await t.app.inject({ url: '/admin/batas-wilayah', headers: { cookie } });
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('id="boundaries-districts"');
      const boundary = '----peta';
      const field = (name: string, value: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      const post = (content: string) =>
        t.app.inject({
          method: 'POST',
          url: '/admin/batas-wilayah',
          headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload: `${field('_csrf', csrfFrom(form.body))}${field('code_property', 'kode')}${field('name_property', 'nama')}--${boundary}\r\nContent-Disposition: form-data; name="geojson"; filename="kec.geojson"\r\nContent-Type: application/geo+json\r\n\r\n${content}\r\n--${boundary}--\r\n`,
        });
      const bad = await post('{"type":"FeatureCollection","features":[]}');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('FeatureCollection tidak berisi wilayah');
      const ok = await post(GEOJSON.replace('Tanpa Data', 'Kecamatan Baru'));
      expect(ok.statusCode).toBe(303);
      expect((await executeAction(as(ANONYMOUS), regionBoundariesShow, {})).districts).toContainEqual({
        code: '3520099',
        name: 'Kecamatan Baru',
      });
      // Others may not open the setting.
      const staffCookie = await login(
        t.app,
        (await buildUser(t.database, { roles: ['producer'], agencyId })).user.username,
        TEST_PASSWORD,
      );
      expect(
        (await t.app.inject({ url: '/admin/batas-wilayah', headers: { cookie: staffCookie } })).statusCode,
      ).toBe(403);
      const custodian = await login(
        t.app,
        (await buildUser(t.database, { roles: ['custodian'] })).user.username,
        TEST_PASSWORD,
      );
      const builder = await t.app.inject({
        url: `/grafik/baru?resource=${pop.resourceId}`,
        headers: { cookie: custodian },
      });
      expect(builder.body).toContain('<option value="choropleth"');
    });
  });
}
