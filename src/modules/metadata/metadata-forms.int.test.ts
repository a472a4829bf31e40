import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { ctxFor, uniq } from '../../../test/support/catalog-fixtures.js';
import { MS_IND_ANSWERS, TABLE_SCHEMA } from '../../../test/support/metadata-fixtures.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { Agency } from '../../kernel/db/schema.js';
import { packageCreate } from '../catalog/index.js';
import { MS_IND } from './domain/ms-ind.js';
import { MS_VAR } from './domain/ms-var.js';

const FORM = 'application/x-www-form-urlencoded';
type Browser = { cookie: string; csrf: string };

async function readXlsx(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

/** Cell texts of a sheet, row by row. */
function rows(sheet: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c) => cells.push(c.text));
    out.push(cells);
  });
  return out;
}

for (const kind of DIALECTS) {
  describe(`metadata forms and exports on ${kind}`, () => {
    let t: TestApp;
    let agency: Agency;
    let producer: Browser;
    let datasetName: string;

    async function signIn(opts: Parameters<typeof buildUser>[1]): Promise<Browser> {
      const { user } = await buildUser(t.database, opts);
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const page = await t.app.inject({ url: '/account', headers: { cookie } });
      return { cookie: cookieHeader(page, cookie), csrf: csrfFrom(page.body) };
    }
    const get = (b: Browser | null, url: string) =>
      t.app.inject({ url, headers: b ? { cookie: b.cookie } : {} });
    function post(b: Browser, url: string, fields: Record<string, string | string[]>) {
      const body = new URLSearchParams({ _csrf: b.csrf });
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: b.cookie, 'content-type': FORM },
        payload: body.toString(),
      });
    }

    beforeAll(async () => {
      t = await createTestApp(kind);
      agency = await buildAgency(t.database, { name: 'Dinas Kesehatan' });
      const custodian = await buildUser(t.database, { roles: ['custodian'] });
      datasetName = `faskes-${uniq()}`;
      const dict = await executeAction(ctxFor(t.database, custodian.actor), packageCreate, {
        name: datasetName,
        title: 'Fasilitas Kesehatan',
        owner_org: agency.id,
        private: false,
        state: 'active',
        resources: [{ name: 'Tabel faskes', url: 'https://data.example.go.id/f.csv', format: 'CSV' }],
      });
      await t.database.db
        .updateTable('resource')
        .set({ table_schema: JSON.stringify(TABLE_SCHEMA) })
        .where('id', '=', dict?.resources[0]?.id ?? '')
        .execute();
      producer = await signIn({ roles: ['producer'], agencyId: agency.id });
    });
    afterAll(() => t?.close());

    const base = () => `/workspace/datasets/${datasetName}/metadata`;

    it('fills MS-Keg, MS-Var and MS-Ind through the forms and package_show carries them', async () => {
      const overview = await get(producer, base());
      expect(overview.statusCode).toBe(200);
      expect(overview.body).toContain('MS-Keg');

      const bad = await post(producer, `${base()}/ms-keg`, {
        keg_judul_kegiatan: 'Pendataan Faskes',
        keg_tahun_kegiatan: '20x5',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('ms_keg.tahun_kegiatan');

      const keg = await post(producer, `${base()}/ms-keg`, {
        keg_judul_kegiatan: 'Pendataan Faskes',
        activity_code: `K-${uniq()}`,
        recommendation_status: 'submitted',
        keg_tahun_kegiatan: '2025',
        keg_cara_pengumpulan: 'kompilasi_administrasi',
        keg_metode_pengumpulan: ['data_sekunder', 'lainnya'],
        keg_variabel_dikumpulkan: 'Kecamatan\nJumlah',
        keg_instansi_penyelenggara: 'Dinas Kesehatan',
      });
      expect(keg.statusCode).toBe(303);

      const varPage = await get(producer, `${base()}/ms-var`);
      expect(varPage.body).toContain('var1_konsep');
      const vars = await post(producer, `${base()}/ms-var`, {
        var0_konsep: 'Wilayah',
        var0_referensi_waktu: '2025',
        var0_aksesibilitas_publik: 'ya',
        var1_konsep: 'Fasilitas kesehatan',
        var1_ukuran: 'Jumlah',
        var1_referensi_waktu: '2025',
        var1_aksesibilitas_publik: 'ya',
      });
      expect(vars.statusCode).toBe(303);

      const ind: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(MS_IND_ANSWERS)) ind[`ind_${k}`] = v;
      expect((await post(producer, `${base()}/ms-ind`, ind)).statusCode).toBe(303);

      const shown = await t.app.inject({ url: `/api/3/action/package_show?id=${datasetName}` });
      const m = shown.json().result.sdi_metadata;
      expect(m.statistical_activity.title).toBe('Pendataan Faskes');
      expect(m.statistical_activity.ms_keg.metode_pengumpulan).toEqual(['data_sekunder', 'lainnya']);
      expect(m.statistical_activity.ms_keg.variabel_dikumpulkan).toEqual(['Kecamatan', 'Jumlah']);
      expect(m.variables[1].ms_var).toMatchObject({
        konsep: 'Fasilitas kesehatan',
        ukuran: 'Jumlah',
        satuan: 'unit',
      });
      expect(m.indicators[0].name).toBe(MS_IND_ANSWERS.nama_indikator);
      const activityPage = await get(null, `/kegiatan-statistik/${m.statistical_activity.id}`);
      expect(activityPage.statusCode).toBe(200);
      expect(activityPage.body).toContain('Pendataan Faskes');
      expect(activityPage.body).toContain('Pengumpulan Data Sekunder');

      const publicPage = await get(null, `/dataset/${datasetName}`);
      expect(publicPage.body).toContain('Metadata statistik');
      expect(publicPage.body).toContain('Pendataan Faskes');
      expect(publicPage.body).toContain('Fasilitas kesehatan');
      expect(publicPage.body).toContain(MS_IND_ANSWERS.interpretasi);
    });

    it('exports MS-Keg, MS-Var and MS-Ind as XLSX in BPS order and wording, and all of it as JSON', async () => {
      const kegRes = await get(producer, `${base()}/ms-keg.xlsx`);
      expect(kegRes.statusCode).toBe(200);
      expect(kegRes.headers['content-type']).toContain('spreadsheetml');
      const keg = rows(await readXlsx(kegRes.rawPayload));
      const labels = keg.map((r) => r[1] ?? '');
      const order = [
        'IDENTITAS KEGIATAN',
        'I. PENYELENGGARA',
        'II. PENANGGUNG JAWAB',
        'III. PERENCANAAN DAN PERSIAPAN',
        'IV. DESAIN KEGIATAN',
        'V. DESAIN SAMPEL',
        'VI. PENJAMINAN KUALITAS',
        'VII. PENGOLAHAN DAN ANALISIS',
        'VIII. DISEMINASI HASIL',
      ];
      const at = order.map((h) => labels.indexOf(h));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      const byKey = new Map(keg.map((r) => [r[3], r[2]]));
      expect(byKey.get('judul_kegiatan')).toBe('Pendataan Faskes');
      expect(byKey.get('cara_pengumpulan')).toBe('Kompilasi Produk Administrasi');
      expect(byKey.get('metode_pengumpulan')).toBe('Pengumpulan Data Sekunder; Lainnya');
      expect(byKey.get('recommendation_status')).toBe('Diajukan ke BPS');

      const varSheet = rows(await readXlsx((await get(producer, `${base()}/ms-var.xlsx`)).rawPayload));
      const head = varSheet.find((r) => r[0] === 'No') ?? [];
      expect(head.slice(1).map((h) => h.replace(/ \*$/, ''))).toEqual(MS_VAR.fields.map((f) => f.label.id));
      const keys = varSheet[varSheet.indexOf(head) + 1] ?? [];
      const line = varSheet[varSheet.indexOf(head) + 3] ?? [];
      const cell = (k: string) => line[keys.indexOf(k)];
      expect(cell('alias')).toBe('jumlah');
      expect(cell('tipe_data')).toBe('Numerik');
      expect(cell('konsep')).toBe('Fasilitas kesehatan');
      expect(varSheet.find((r) => r[0] === 'Nama Kegiatan')?.[1]).toBe('Pendataan Faskes');

      const indSheet = rows(await readXlsx((await get(producer, `${base()}/ms-ind.xlsx`)).rawPayload));
      const indHead = indSheet.find((r) => r[0] === 'No') ?? [];
      expect(indHead.slice(1, 17).map((h) => h.replace(/ \*$/, ''))).toEqual(
        MS_IND.fields.filter((f) => !f.extension).map((f) => f.label.id),
      );
      expect(indSheet[indSheet.indexOf(indHead) + 2]?.[1]).toBe(MS_IND_ANSWERS.nama_indikator);

      const json = await get(producer, `/workspace/datasets/${datasetName}/metadata.json`);
      expect(json.json()).toMatchObject({
        name: datasetName,
        statistical_activity: { title: 'Pendataan Faskes' },
      });
    });

    it("keeps another agency's producer out, and lets only the custodian manage standards", async () => {
      const other = await signIn({ roles: ['producer'], agencyId: (await buildAgency(t.database)).id });
      expect((await get(other, base())).statusCode).toBe(403);
      expect((await post(other, `${base()}/ms-ind`, { ind_nama_indikator: 'x' })).statusCode).toBe(403);
      expect((await get(producer, '/workspace/standards/new')).statusCode).toBe(403);
      expect((await get(null, base())).statusCode).toBe(302);

      const custodian = await signIn({ roles: ['custodian'] });
      const name = `std-${uniq()}`;
      const created = await post(custodian, '/workspace/standards/new', {
        name,
        title: 'Jumlah Faskes',
        concept: 'Fasilitas kesehatan',
        definition: 'Tempat pelayanan kesehatan',
        source_kind: 'regional',
        sdsn_code: 'UL00002.00.00',
      });
      expect(created.statusCode).toBe(303);
      const bad = await post(custodian, `/workspace/standards/${name}`, {
        title: 'Jumlah Faskes',
        concept: 'Fasilitas kesehatan',
        definition: 'Tempat pelayanan kesehatan',
        source_kind: 'regional',
        sdsn_code: 'nope',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('AA99999.99.99');
      const std = await t.database.db
        .selectFrom('data_standard')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      expect((await post(producer, `${base()}/standard`, { standard_id: std.id })).statusCode).toBe(303);
      expect((await get(producer, '/workspace/standards')).body).toContain('Jumlah Faskes');
      const shown = await t.app.inject({ url: `/api/3/action/package_show?id=${datasetName}` });
      expect(shown.json().result.sdi_metadata.data_standard.sdsn_code).toBe('UL00002.00.00');
      const standardPage = await get(null, `/standar-data/${name}`);
      expect(standardPage.statusCode).toBe(200);
      expect(standardPage.body).toContain('UL00002.00.00');
      expect((await get(null, '/standar-data/tidak-ada')).statusCode).toBe(404);
    });
  });
}
