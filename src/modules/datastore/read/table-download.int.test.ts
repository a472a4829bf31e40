import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../../test/factories/index.js';
import {
  createAgency,
  createLinkResource,
  userWithToken,
} from '../../../../test/support/catalog-fixtures.js';
import {
  addDatastoreVersion,
  createDatastoreTable,
  type DatastoreFixture,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../../test/support/datastore-fixtures.js';
import { createTestApp, login, type TestApp } from '../../../../test/support/test-app.js';
import { DIALECTS } from '../../../../test/support/test-database.js';
import type { Actor } from '../../../kernel/access/policy.js';

const FIELD_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'date',
  'time',
  'datetime',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'any',
];
const NAME = /^[a-z0-9._-]+$/;

/** The Data Package spec's (v1) required structure, checked by hand (no network, no validator). */
function dataPackageProblems(pkg: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (pkg.name !== undefined && !(typeof pkg.name === 'string' && NAME.test(pkg.name))) problems.push('name');
  const resources = pkg.resources;
  if (!Array.isArray(resources) || resources.length === 0) return [...problems, 'resources'];
  const names = new Set<string>();
  for (const [i, r] of (resources as Record<string, unknown>[]).entries()) {
    if (typeof r.name !== 'string' || !NAME.test(r.name)) problems.push(`resources[${i}].name`);
    else if (names.has(r.name)) problems.push(`resources[${i}].name unique`);
    else names.add(r.name);
    const hasPath = typeof r.path === 'string' || (Array.isArray(r.path) && r.path.length > 0);
    if (hasPath === (r.data !== undefined)) problems.push(`resources[${i}] path xor data`);
    if (
      typeof r.path === 'string' &&
      !/^https?:\/\//.test(r.path) &&
      (r.path.startsWith('/') || r.path.includes('..'))
    )
      problems.push(`resources[${i}].path`);
    if (r.bytes !== undefined && !(Number.isInteger(r.bytes) && (r.bytes as number) >= 0))
      problems.push(`resources[${i}].bytes`);
    if (r.profile === 'tabular-data-resource') {
      const schema = r.schema as
        | { fields?: { name?: unknown; type?: unknown }[]; primaryKey?: unknown }
        | undefined;
      if (!schema || !Array.isArray(schema.fields) || schema.fields.length === 0)
        problems.push(`resources[${i}].schema`);
      for (const f of schema?.fields ?? []) {
        if (typeof f.name !== 'string') problems.push(`resources[${i}].schema.fields.name`);
        if (typeof f.type !== 'string' || !FIELD_TYPES.includes(f.type))
          problems.push(`resources[${i}].schema.fields.type`);
      }
      const fieldNames = (schema?.fields ?? []).map((f) => f.name);
      for (const k of [schema?.primaryKey ?? []].flat())
        if (!fieldNames.includes(k as string)) problems.push(`resources[${i}].schema.primaryKey`);
    }
  }
  for (const [i, l] of ((pkg.licenses as Record<string, unknown>[] | undefined) ?? []).entries())
    if (typeof l.name !== 'string' && typeof l.path !== 'string') problems.push(`licenses[${i}]`);
  if (pkg.profile !== undefined && !['data-package', 'tabular-data-package'].includes(pkg.profile as string))
    problems.push('profile');
  return problems;
}

for (const kind of DIALECTS) {
  describe(`table downloads and datapackage.json on ${kind}`, () => {
    let t: TestApp;
    let pub: DatastoreFixture;
    let priv: DatastoreFixture;
    let big: DatastoreFixture;
    let ownerCookie: string;
    let outsiderCookie: string;

    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await createAgency(t.database);
      const custodian = await userWithToken(t.database, 'custodian');
      pub = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        agencyId: agency.id,
        owner: custodian.actor as Actor,
      });
      await createLinkResource(t.database, custodian.actor, pub.datasetId, {
        name: 'Metodologi',
        format: 'PDF',
      });
      priv = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        agencyId: agency.id,
        owner: custodian.actor as Actor,
        private: true,
      });
      const rows = Array.from({ length: 4_500 }, (_, i) => [
        `35${i}`,
        `Desa ${i}`,
        2000 + (i % 20),
        i,
        i / 4,
        i % 2 === 0,
        '2024-01-01',
        'x',
      ]);
      big = await createDatastoreTable(t.database, POPULATION_SCHEMA, rows, {
        agencyId: agency.id,
        owner: custodian.actor,
      });
      const owner = await userWithToken(t.database, 'producer', agency.id);
      ownerCookie = await login(t.app, owner.username, TEST_PASSWORD);
      const outsider = await userWithToken(t.database, 'producer', (await createAgency(t.database)).id);
      outsiderCookie = await login(t.app, outsider.username, TEST_PASSWORD);
    }, 90_000);
    afterAll(async () => t?.close());

    const url = (f: DatastoreFixture, ext: string, qs = '') =>
      `/dataset/${f.datasetName}/resource/${f.resourceId}/download.${ext}${qs}`;
    const get = (u: string, cookie?: string) =>
      t.app.inject({ method: 'GET', url: u, headers: cookie ? { cookie } : {} });

    it('CSV: UTF-8 with header, numbers as numbers, formulas neutralised, closed columns left out', async () => {
      const res = await get(url(pub, 'csv'));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+-v1\.csv"/);
      const lines = res.body.split('\r\n');
      expect(lines[0]).toBe('kode_wilayah,nama_wilayah,tahun,jumlah_penduduk,kepadatan,kota,tanggal');
      expect(lines[1]).toBe('3520010,Poncol,2022,31000,410.5,false,2022-12-31');
      expect(lines[6]).toBe('3520030,Magetan Kota,2023,,1210,true,2023-12-31');
      expect(lines[7]).toBe(`3520040,"'=HYPERLINK(""http://evil"")",2023,100,-5.5,false,2023-06-30`);
      expect(res.body.charCodeAt(0)).not.toBe(0xfeff);
      const bom = await get(url(pub, 'csv', '?bom=1'));
      expect(bom.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const owner = await get(url(pub, 'csv'), ownerCookie);
      expect(owner.body.split('\r\n')[0]).toContain('nik_petugas');
      expect(owner.body).toContain(`'+62811`);
    });

    it('XLSX: read back with exceljs, numbers stay numbers and text formulas are neutralised', async () => {
      const res = await get(url(pub, 'xlsx'));
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(sheet?.getRow(1).values).toEqual([
        undefined,
        'kode_wilayah',
        'nama_wilayah',
        'tahun',
        'jumlah_penduduk',
        'kepadatan',
        'kota',
        'tanggal',
      ]);
      const evil = sheet?.getRow(8);
      expect(evil?.getCell(2).value).toBe(`'=HYPERLINK("http://evil")`);
      expect(evil?.getCell(2).formula).toBeUndefined();
      expect(evil?.getCell(5).value).toBe(-5.5);
      expect(sheet?.getRow(2).getCell(4).value).toBe(31000);
      expect(sheet?.getRow(2).getCell(1).value).toBe('3520010');
      expect(sheet?.rowCount).toBe(8);
    });

    it('JSON: an array of objects; version=N reads an earlier version', async () => {
      const res = await get(url(pub, 'json'));
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const rows = res.json() as Record<string, unknown>[];
      expect(rows).toHaveLength(7);
      expect(rows[0]).toEqual({
        kode_wilayah: '3520010',
        nama_wilayah: 'Poncol',
        tahun: 2022,
        jumlah_penduduk: 31000,
        kepadatan: 410.5,
        kota: false,
        tanggal: '2022-12-31',
      });
      await addDatastoreVersion(t.database, pub.resourceId, POPULATION_SCHEMA, POPULATION_ROWS.slice(0, 2));
      expect((await get(url(pub, 'json'))).json()).toHaveLength(2);
      expect((await get(url(pub, 'json', '?version=1'))).json()).toHaveLength(7);
      expect((await get(url(pub, 'json', '?version=9'))).statusCode).toBe(404);
      expect((await get(url(pub, 'json', '?version=x'))).statusCode).toBe(404);
    });

    it('streams tables larger than one batch in order, in every format', async () => {
      const csv = (await get(url(big, 'csv'))).body.split('\r\n').filter(Boolean);
      expect(csv).toHaveLength(4_501);
      expect(csv[4_500]).toMatch(/^354499,Desa 4499,/);
      const json = (await get(url(big, 'json'))).json() as { jumlah_penduduk: number }[];
      expect(json.map((r) => r.jumlah_penduduk)).toEqual(Array.from({ length: 4_500 }, (_, i) => i));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await get(url(big, 'xlsx'))).rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0]?.rowCount).toBe(4_501);
    });

    it('private datasets: 404 for anonymous and other agencies, served to their own agency', async () => {
      for (const ext of ['csv', 'xlsx', 'json']) {
        expect((await get(url(priv, ext))).statusCode, ext).toBe(404);
        expect((await get(url(priv, ext), outsiderCookie)).statusCode, ext).toBe(404);
        expect((await get(url(priv, ext), ownerCookie)).statusCode, ext).toBe(200);
      }
      const dp = `/dataset/${priv.datasetName}/datapackage.json`;
      expect((await get(dp)).statusCode).toBe(404);
      expect((await get(dp, outsiderCookie)).statusCode).toBe(404);
      expect((await get(dp, ownerCookie)).statusCode).toBe(200);
      // A resource id under another dataset's name is not found either.
      expect(
        (await get(`/dataset/${pub.datasetName}/resource/${priv.resourceId}/download.csv`, ownerCookie))
          .statusCode,
      ).toBe(404);
    });

    it('datapackage.json is a valid Data Package with each table resource and its Table Schema', async () => {
      const res = await get(`/dataset/${pub.datasetName}/datapackage.json`);
      expect(res.statusCode).toBe(200);
      const pkg = res.json() as Record<string, unknown> & { resources: Record<string, unknown>[] };
      expect(dataPackageProblems(pkg)).toEqual([]);
      expect(pkg.name).toBe(pub.datasetName);
      expect(pkg.profile).toBe('data-package');
      const [table, pdf] = pkg.resources;
      expect(table).toMatchObject({
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
      });
      expect(table?.path).toMatch(
        new RegExp(`/dataset/${pub.datasetName}/resource/${pub.resourceId}/download\\.csv$`),
      );
      const schema = table?.schema as { fields: { name: string }[]; primaryKey: string[] };
      expect(schema.fields.map((f) => f.name)).not.toContain('nik_petugas');
      expect(schema.primaryKey).toEqual(['kode_wilayah', 'tahun']);
      expect(pdf).toMatchObject({ profile: 'data-resource', format: 'pdf' });
      const owner = (
        await get(`/dataset/${pub.datasetName}/datapackage.json`, ownerCookie)
      ).json() as typeof pkg;
      expect(
        (owner.resources[0]?.schema as { fields: { name: string }[] } | undefined)?.fields.map((f) => f.name),
      ).toContain('nik_petugas');
      // The path it names serves the CSV the schema describes.
      const csvPath = new URL(table?.path as string).pathname;
      const csv = await get(csvPath);
      expect(csv.body.split('\r\n')[0]?.split(',')).toEqual(schema.fields.map((f) => f.name));
      // The checker itself catches broken packages.
      expect(dataPackageProblems({ resources: [{ name: 'Bad Name', path: '/etc/passwd' }] })).toEqual([
        'resources[0].name',
        'resources[0].path',
      ]);
    });
  });
}
