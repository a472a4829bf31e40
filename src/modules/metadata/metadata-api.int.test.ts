import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAction,
  createAgency,
  resultOf,
  uniq,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import {
  createTabularDataset,
  MS_IND_ANSWERS,
  type MetadataPkg as Pkg,
  TABLE_SCHEMA,
} from '../../../test/support/metadata-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Agency } from '../../kernel/db/schema.js';

for (const kind of DIALECTS) {
  describe(`statistical metadata through the API on ${kind}`, () => {
    let t: TestApp;
    let dinkes: Agency;
    let producer: string;
    let otherProducer: string;
    let custodian: string;
    const post = (name: string, body: Record<string, unknown>, token?: string) =>
      callAction(t.app, name, { body, ...(token ? { token } : {}) });
    const show = (id: string, token?: string) =>
      resultOf<Pkg>(callAction(t.app, 'package_show', { query: { id }, ...(token ? { token } : {}) }));

    /** A public dataset of dinkes with one tabular resource carrying a Table Schema. */
    const tabularDataset = () => createTabularDataset(t, dinkes.id, custodian);

    beforeAll(async () => {
      t = await createTestApp(kind);
      dinkes = await createAgency(t.database, { code: `dinkes-${uniq()}`, name: 'Dinas Kesehatan' });
      const disdik = await createAgency(t.database, { code: `disdik-${uniq()}`, name: 'Dinas Pendidikan' });
      producer = (await userWithToken(t.database, 'producer', dinkes.id)).token;
      otherProducer = (await userWithToken(t.database, 'producer', disdik.id)).token;
      custodian = (await userWithToken(t.database, 'custodian')).token;
    });
    afterAll(() => t?.close());

    it('versions a data standard (data_standard_create/update/show/list) and datasets show the new version', async () => {
      const name = `jumlah-puskesmas-${uniq()}`;
      const base = {
        title: 'Jumlah Puskesmas',
        concept: 'Puskesmas',
        definition: 'Unit pelaksana teknis dinas kesehatan',
        classification: 'Wilayah',
        measure: 'Jumlah',
        unit: 'Unit',
        source_kind: 'ministry',
        source_reference: 'Permenkes 43/2019',
        sdsn_code: 'SP00055.00.00',
      };
      expect((await post('data_standard_create', { ...base, name }, producer)).statusCode).toBe(403);
      const bad = await post('data_standard_create', { ...base, name, sdsn_code: 'SP55.0.0' }, custodian);
      expect(bad.statusCode).toBe(409);
      expect(bad.json().error.sdsn_code).toBeDefined();
      const s = await resultOf<{ id: string; version: number }>(
        post('data_standard_create', { ...base, name }, custodian),
      );
      expect(s.version).toBe(1);

      const pkg = await tabularDataset();
      await resultOf(post('package_standard_set', { id: pkg.name, standard_id: name }, producer));
      expect((await show(pkg.id)).sdi_metadata.data_standard).toMatchObject({
        name,
        version: 1,
        sdsn_code: 'SP00055.00.00',
      });

      const v2 = await resultOf<{ version: number }>(
        post('data_standard_update', { ...base, id: s.id, unit: 'Puskesmas' }, custodian),
      );
      expect(v2.version).toBe(2);
      expect((await show(pkg.id)).sdi_metadata.data_standard?.version).toBe(2);
      const shown = await resultOf<{ versions: { version: number; content: { unit: string } }[] }>(
        callAction(t.app, 'data_standard_show', { query: { id: name } }),
      );
      expect(shown.versions.map((v) => [v.version, v.content.unit])).toEqual([
        [2, 'Puskesmas'],
        [1, 'Unit'],
      ]);
      const list = await resultOf<{ name: string }[]>(
        callAction(t.app, 'data_standard_list', { query: { q: name } }),
      );
      expect(list.map((x) => x.name)).toEqual([name]);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', s.id)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['data_standard_create', 'data_standard_update']);
    });

    it('never lists a restricted or closed column in package_show, schema.org or DCAT', async () => {
      const pkg = await tabularDataset();
      const r = pkg.resources[0];
      if (!r) throw new Error('no resource');
      const schema = {
        fields: [
          ...TABLE_SCHEMA.fields,
          { name: 'nik_petugas', type: 'string', title: 'NIK petugas', 'x-classification': 'closed' },
          { name: 'catatan_internal', type: 'string', 'x-classification': 'restricted' },
        ],
      };
      await t.database.db
        .updateTable('resource')
        .set({ table_schema: JSON.stringify(schema) })
        .where('id', '=', r.id)
        .execute();
      for (const token of [undefined, custodian]) {
        const m = (await show(pkg.id, token)).sdi_metadata;
        expect(m.variables.map((v) => v.name)).toEqual(['kecamatan', 'jumlah']);
      }
      const page = await t.app.inject({ url: `/dataset/${pkg.name}` });
      expect(page.body).not.toContain('nik_petugas');
      expect(page.body).not.toContain('catatan_internal');
      const ttl = await t.app.inject({ url: `/dataset/${pkg.name}.ttl` });
      expect(ttl.body).not.toContain('nik_petugas');
      const dp = (await t.app.inject({ url: `/dataset/${pkg.name}/datapackage.json` })).json() as {
        'x-sdi-metadata': { variables: { name: string }[] };
      };
      expect(dp['x-sdi-metadata'].variables.map((v) => v.name)).toEqual(['kecamatan', 'jumlah']);
    });

    it('reuses one activity across the years of a series and refreshes every year on change', async () => {
      const a = await resultOf<{ id: string }>(
        post(
          'statistical_activity_create',
          { title: 'Survei Gizi', ms_keg: { tahun_kegiatan: '2024' } },
          producer,
        ),
      );
      const y1 = await tabularDataset();
      const y2 = await tabularDataset();
      for (const d of [y1, y2])
        await resultOf(post('package_activity_set', { id: d.id, activity_id: a.id }, producer));
      await resultOf(
        post('statistical_activity_update', { id: a.id, title: 'Survei Gizi Balita', ms_keg: {} }, producer),
      );
      for (const d of [y1, y2])
        expect((await show(d.id)).sdi_metadata.statistical_activity).toMatchObject({
          id: a.id,
          title: 'Survei Gizi Balita',
        });
      const listed = await resultOf<{ id: string }[]>(
        callAction(t.app, 'statistical_activity_list', { query: { agency_id: dinkes.id } }),
      );
      expect(listed.map((x) => x.id)).toContain(a.id);
      const one = await resultOf<{ title: string }>(
        callAction(t.app, 'statistical_activity_show', { query: { id: a.id } }),
      );
      expect(one.title).toBe('Survei Gizi Balita');
    });

    it('refuses bad answers naming the form and field, and columns the Table Schema lacks', async () => {
      const pkg = await tabularDataset();
      const bad = await post(
        'statistical_activity_create',
        { title: 'Uji', ms_keg: { cara_pengumpulan: 'telepati', jadwal_desain_mulai: '2025-02-30' } },
        producer,
      );
      expect(bad.statusCode).toBe(409);
      expect(Object.keys(bad.json().error)).toEqual(
        expect.arrayContaining(['ms_keg.cara_pengumpulan', 'ms_keg.jadwal_desain_mulai']),
      );
      const col = await post(
        'variable_metadata_update',
        { resource_id: pkg.resources[0]?.id, variables: { tidak_ada: { konsep: 'x' } } },
        producer,
      );
      expect(col.statusCode).toBe(409);
      expect(JSON.stringify(col.json().error)).toContain('tidak_ada');
      const ind = await post(
        'indicator_metadata_create',
        { package_id: pkg.id, ms_ind: { konsep: 'x' } },
        producer,
      );
      expect(ind.json().error['ms_ind.nama_indikator']).toBeDefined();
      const other = await post(
        'indicator_metadata_create',
        { package_id: pkg.id, ms_ind: MS_IND_ANSWERS },
        otherProducer,
      );
      expect(other.statusCode).toBe(403);
    });

    it('updates and shows an indicator (indicator_metadata_update, indicator_metadata_show)', async () => {
      const pkg = await tabularDataset();
      const i = await resultOf<{ id: string }>(
        post('indicator_metadata_create', { package_id: pkg.id, ms_ind: MS_IND_ANSWERS }, producer),
      );
      await resultOf(
        post(
          'indicator_metadata_update',
          { id: i.id, ms_ind: { ...MS_IND_ANSWERS, nama_indikator: 'Rasio baru' } },
          producer,
        ),
      );
      const shown = await resultOf<{ name: string }>(
        callAction(t.app, 'indicator_metadata_show', { query: { id: i.id } }),
      );
      expect(shown.name).toBe('Rasio baru');
      expect((await show(pkg.id)).sdi_metadata.indicators.map((x) => x.name)).toEqual(['Rasio baru']);
    });
  });
}
