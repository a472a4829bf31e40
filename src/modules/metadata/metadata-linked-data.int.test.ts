import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, type Quad, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
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
  MS_KEG_ANSWERS,
  type MetadataPkg as Pkg,
} from '../../../test/support/metadata-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Agency } from '../../kernel/db/schema.js';

const DCT = 'http://purl.org/dc/terms/';
const ADMS = 'http://www.w3.org/ns/adms#';
const PROV = 'http://www.w3.org/ns/prov#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
/** DCAT-AP 3.0.1 shapes, when the shared standards folder is present (optional, as in linked-data tests). */
const DCAT_AP_3 = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/standards/dcat-ap/3.0.1',
);
const SHAPES = [
  'shapes.ttl',
  'shapes_recommended.ttl',
  'range.ttl',
  'dcat-ap-SHACL.ttl',
  'ranges.ttl',
  'deprecateduris.ttl',
];

/** sh:Violation results of the DCAT-AP shapes on the data; null when the shapes are absent. */
async function dcatApViolations(data: Quad[]): Promise<string[] | null> {
  if (!existsSync(DCAT_AP_3)) return null;
  const shapes = (await Promise.all(SHAPES.map((f) => readFile(path.join(DCAT_AP_3, f), 'utf8')))).flatMap(
    (t) => new Parser().parse(t),
  );
  const report = await new SHACLValidator(new Store(shapes), { importGraph: () => new Store() }).validate(
    new Store(data),
  );
  return report.results
    .filter((r) => r.severity?.value.endsWith('Violation'))
    .map((r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join('; ')}`);
}

for (const kind of DIALECTS) {
  describe(`statistical metadata in package_show, DCAT and schema.org on ${kind}`, () => {
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

    it('fills MS-Keg, MS-Var and MS-Ind and reads them back from package_show, DCAT and schema.org', async () => {
      const pkg = await tabularDataset();
      const code = `3520.${uniq()}`;
      const activity = await resultOf<{ id: string }>(
        post(
          'statistical_activity_create',
          {
            title: 'Pendataan Fasilitas Kesehatan',
            activity_code: code,
            recommendation_status: 'recommended',
            recommendation_number: 'B-123/35200/VS.300/2025',
            recommendation_date: '2025-01-10',
            ms_keg: MS_KEG_ANSWERS,
          },
          producer,
        ),
      );
      expect(
        (
          await post(
            'statistical_activity_update',
            { id: activity.id, title: 'X', ms_keg: {} },
            otherProducer,
          )
        ).statusCode,
      ).toBe(403);
      await resultOf(post('package_activity_set', { id: pkg.id, activity_id: activity.id }, producer));
      const resourceId = pkg.resources[0]?.id;
      await resultOf(
        post(
          'variable_metadata_update',
          {
            resource_id: resourceId,
            variables: {
              kecamatan: {
                referensi_waktu: 'Tahun 2025',
                konsep: 'Wilayah administrasi',
                aksesibilitas_publik: 'ya',
              },
              jumlah: {
                referensi_waktu: 'Tahun 2025',
                konsep: 'Fasilitas kesehatan',
                ukuran: 'Jumlah',
                aksesibilitas_publik: 'ya',
              },
            },
          },
          producer,
        ),
      );
      await resultOf(
        post('indicator_metadata_create', { package_id: pkg.id, ms_ind: MS_IND_ANSWERS }, producer),
      );
      const std = await resultOf<{ id: string }>(
        post(
          'data_standard_create',
          {
            name: `faskes-${uniq()}`,
            title: 'Fasilitas Kesehatan',
            concept: 'Fasilitas kesehatan',
            definition: 'Tempat pelayanan kesehatan',
            source_kind: 'regional',
            sdsn_code: 'UL00001.00.00',
          },
          custodian,
        ),
      );
      await resultOf(post('package_standard_set', { id: pkg.id, standard_id: std.id }, producer));

      const dict = await show(pkg.id);
      const m = dict.sdi_metadata;
      expect(m.statistical_activity).toMatchObject({
        activity_code: code,
        ms_keg: { ...MS_KEG_ANSWERS, wilayah_kegiatan: ['Kabupaten Magetan'] },
      });
      expect(m.variables.map((v) => v.name)).toEqual(['kecamatan', 'jumlah']);
      expect(m.variables[1]?.ms_var).toMatchObject({
        nama_variabel: 'Jumlah Puskesmas',
        alias: 'jumlah',
        tipe_data: 'numerik',
        definisi: 'Banyaknya puskesmas',
        satuan: 'unit',
        aturan_validasi: '≥ 0',
        konsep: 'Fasilitas kesehatan',
        identitas_kegiatan: `Pendataan Fasilitas Kesehatan – ${code}`,
        penyelenggara: 'Dinas Kesehatan Kabupaten Magetan',
      });
      expect(m.indicators[0]?.ms_ind).toMatchObject(MS_IND_ANSWERS);
      const revisions = await t.database.db
        .selectFrom('dataset_revision')
        .select('action')
        .where('dataset_id', '=', pkg.id)
        .orderBy('id')
        .execute();
      expect(revisions.map((r) => r.action)).toEqual(
        expect.arrayContaining([
          'package_activity_set',
          'variable_metadata_update',
          'indicator_metadata_create',
          'package_standard_set',
        ]),
      );
      const cols = await resultOf<{ name: string; ms_var: { konsep?: string } }[]>(
        callAction(t.app, 'variable_metadata_show', { query: { resource_id: resourceId } }),
      );
      expect(cols.map((c) => [c.name, c.ms_var.konsep])).toEqual([
        ['kecamatan', 'Wilayah administrasi'],
        ['jumlah', 'Fasilitas kesehatan'],
      ]);

      const full = await resultOf<{
        completeness: { ms_keg: { complete: boolean }[]; ms_ind: { missing: string[] }[] };
      }>(callAction(t.app, 'package_metadata_show', { query: { id: pkg.name } }));
      expect(full.completeness.ms_keg.every((b) => b.complete)).toBe(true);
      expect(full.completeness.ms_ind[0]?.missing).toEqual([]);

      const ttl = await t.app.inject({ url: `/dataset/${pkg.id}.ttl` });
      expect(ttl.statusCode).toBe(200);
      const quads: Quad[] = new Parser().parse(ttl.body);
      const objects = (s: string, p: string) =>
        quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
      const dsUri =
        quads.find(
          (q) => q.predicate.value === RDF_TYPE && q.object.value === 'http://www.w3.org/ns/dcat#Dataset',
        )?.subject.value ?? '';
      expect(dsUri.endsWith(`/dataset/${pkg.id}`)).toBe(true);
      const stdNode = objects(dsUri, `${DCT}conformsTo`)[0]?.value ?? '';
      expect(objects(stdNode, RDF_TYPE).map((o) => o.value)).toEqual([`${DCT}Standard`]);
      expect(objects(stdNode, `${DCT}identifier`).map((o) => o.value)).toEqual(['UL00001.00.00']);
      const idNode = objects(dsUri, `${ADMS}identifier`)[0];
      expect(idNode).toBeDefined();
      expect(objects(idNode?.value ?? '', `${SKOS}notation`).map((o) => o.value)).toEqual([code]);
      const activityNode = objects(dsUri, `${PROV}wasGeneratedBy`)[0]?.value ?? '';
      expect(objects(activityNode, RDF_TYPE).map((o) => o.value)).toContain(`${PROV}Activity`);
      expect(objects(dsUri, `${DCT}accrualPeriodicity`).length).toBe(1);
      const violations = await dcatApViolations(quads);
      if (violations) expect(violations).toEqual([]);

      const page = await t.app.inject({ url: `/dataset/${pkg.name}` });
      const json = page.body.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? '{}';
      const org = JSON.parse(json) as {
        variableMeasured?: { propertyID: string; unitText?: string }[];
        measurementTechnique?: string[];
      };
      expect(org.variableMeasured?.map((v) => v.propertyID)).toEqual(['kecamatan', 'jumlah']);
      expect(org.variableMeasured?.[1]?.unitText).toBe('unit');
      expect(org.measurementTechnique).toContain('Kompilasi Produk Administrasi');
    });
  });
}
