/**
 * Issue #17, declaring a resource's Table Schema from the data standard it fulfils: a standard
 * may carry a Table Schema (data_standard_create / data_standard_update, checked as
 * resource_schema_update checks one); a resource of a dataset following the standard, with no
 * schema of its own, has its first upload checked against it and keeps it once loaded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../test/factories/index.js';
import { callAction, resultOf, uniq, userWithToken } from '../../../test/support/catalog-fixtures.js';
import { ingestSetup } from '../../../test/support/ingest-fixtures.js';
import { login } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import type { ValidationReport } from '../datastore/index.js';

/** The producer's file of the issue (as first-upload.int.test.ts has it): `tidak ada data` in a numeric column, an unknown district. */
const BAD_CSV = Buffer.from(
  'kode_kecamatan,nama_kecamatan,jumlah_penduduk\n3520010,Poncol,32451\n3520020,Parang,tidak ada data\n3520999,Entah,1200\n',
);
/** The same table, right: numbers, and district codes as the region table keeps them. */
const GOOD_CSV = Buffer.from(
  'kode_kecamatan,nama_kecamatan,jumlah_penduduk\n352001,Poncol,32451\n352002,Parang,41020\n',
);

const STANDARD_SCHEMA: TableSchema = {
  fields: [
    { name: 'kode_kecamatan', type: 'string', title: 'Kode kecamatan', 'title:en': 'District code' },
    { name: 'nama_kecamatan', type: 'string', title: 'Nama <kecamatan>' },
    { name: 'jumlah_penduduk', type: 'integer', title: 'Jumlah penduduk', unit: 'jiwa' },
  ],
  foreignKeys: [{ fields: 'kode_kecamatan', reference: { resource: 'region:district', fields: 'code' } }],
};

const STANDARD = {
  title: 'Jumlah penduduk per kecamatan',
  concept: 'Penduduk',
  definition: 'Orang yang berdomisili di wilayah itu',
  source_kind: 'regional',
};

for (const kind of DIALECTS) {
  describe(`a data standard's Table Schema declares the first upload's columns on ${kind}`, () => {
    const s = ingestSetup(kind);
    const { upload, status, resourceRow, datastoreTables } = s;
    let custodian = '';
    beforeAll(async () => {
      custodian = (await userWithToken(s.ctx.t.database, 'custodian')).token;
    });

    const latestReport = async (resourceId: string) =>
      (
        await s.ctx.t.database.db
          .selectFrom('resource_version')
          .select('report')
          .where('resource_id', '=', resourceId)
          .orderBy('number', 'desc')
          .executeTakeFirstOrThrow()
      ).report as ValidationReport;

    /** A standard with the schema, and a new dataset of the producer following it. */
    async function datasetFollowingStandard() {
      const std = await resultOf<{ id: string; name: string }>(
        callAction(s.ctx.t.app, 'data_standard_create', {
          body: { ...STANDARD, name: `penduduk-${uniq()}`, table_schema: JSON.stringify(STANDARD_SCHEMA) },
          token: custodian,
        }),
      );
      const d = await resultOf<{ id: string; name: string }>(
        callAction(s.ctx.t.app, 'package_create', {
          body: { name: `ds-${uniq()}`, title: 'Penduduk', owner_org: 'dinkes' },
          token: s.ctx.producer,
        }),
      );
      await resultOf(
        callAction(s.ctx.t.app, 'package_standard_set', {
          body: { id: d.id, standard_id: std.id },
          token: s.ctx.producer,
        }),
      );
      return { std, d };
    }

    it('data_standard_create/update take a Table Schema, checked like resource_schema_update, with an audit row', async () => {
      const { std } = await datasetFollowingStandard();
      const row = await s.ctx.t.database.db
        .selectFrom('data_standard')
        .select('table_schema')
        .where('id', '=', std.id)
        .executeTakeFirstOrThrow();
      expect(row.table_schema).toEqual(STANDARD_SCHEMA);

      const badName = await callAction(s.ctx.t.app, 'data_standard_update', {
        body: { ...STANDARD, id: std.id, table_schema: { fields: [{ name: 'Bad Name', type: 'string' }] } },
        token: custodian,
      });
      expect(badName.statusCode).toBe(409);
      expect(badName.json().error).toHaveProperty(['table_schema.fields.0.name']);
      const unknownList = await callAction(s.ctx.t.app, 'data_standard_update', {
        body: {
          ...STANDARD,
          id: std.id,
          table_schema: {
            fields: [{ name: 'kode', type: 'string' }],
            foreignKeys: [{ fields: 'kode', reference: { resource: 'codelist:tidak-ada', fields: 'code' } }],
          },
        },
        token: custodian,
      });
      expect(unknownList.statusCode).toBe(409);
      expect(unknownList.json().error).toHaveProperty(['table_schema.foreignKeys']);

      // Left out, the schema stays; changed, the audit row names the new columns.
      await resultOf(
        callAction(s.ctx.t.app, 'data_standard_update', {
          body: { ...STANDARD, id: std.id, unit: 'jiwa' },
          token: custodian,
        }),
      );
      const kept = await resultOf<{ table_schema: TableSchema; version: number }>(
        callAction(s.ctx.t.app, 'data_standard_show', { query: { id: std.id }, token: custodian }),
      );
      expect(kept.table_schema).toEqual(STANDARD_SCHEMA);
      const fewer: TableSchema = { fields: STANDARD_SCHEMA.fields.slice(1) };
      await resultOf(
        callAction(s.ctx.t.app, 'data_standard_update', {
          body: { ...STANDARD, id: std.id, table_schema: fewer },
          token: custodian,
        }),
      );
      const audit = await s.ctx.t.database.db
        .selectFrom('audit_log')
        .select(['action', 'summary'])
        .where('subject_id', '=', std.id)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'data_standard_create',
        'data_standard_update',
        'data_standard_update',
      ]);
      expect(audit[2]?.summary).toMatchObject({
        changed: { table_schema: ['nama_kecamatan:string', 'jumlah_penduduk:integer'] },
      });
    });

    it('the bad first upload to a resource whose dataset fulfils the standard is refused by row and column, nothing loads', async () => {
      const { d } = await datasetFollowingStandard();
      const tablesBefore = (await datastoreTables()).length;
      // propose_schema as the producer's page sends it: the standard's schema is declared, so nothing is proposed.
      const r = await resultOf<{ id: string }>(
        upload('resource_create', { package_id: d.id, propose_schema: 'true' }, 'penduduk.csv', BAD_CSV),
      );
      await s.ctx.runner.runUntilIdle();
      expect((await status(r.id)).state).toBe('error');
      const report = await latestReport(r.id);
      const examples = report.errors.flatMap((g) => g.examples.map((e) => ({ kind: g.kind, ...e })));
      expect(examples).toContainEqual(
        expect.objectContaining({
          kind: 'type-error',
          row: 3,
          column: 'jumlah_penduduk',
          value: 'tidak ada data',
        }),
      );
      expect(examples).toContainEqual(
        expect.objectContaining({
          kind: 'foreign-key-error',
          row: 4,
          column: 'kode_kecamatan',
          value: '3520999',
        }),
      );
      const resource = await resourceRow(r.id);
      expect(resource.datastore_version_id).toBeNull();
      expect(resource.table_schema).toBeNull();
      expect((await datastoreTables()).length).toBe(tablesBefore);
    });

    it("the good first upload loads with the standard's types, which become the resource's schema", async () => {
      const { d } = await datasetFollowingStandard();
      const r = await resultOf<{ id: string }>(
        upload('resource_create', { package_id: d.id, propose_schema: 'true' }, 'penduduk.csv', GOOD_CSV),
      );
      await s.ctx.runner.runUntilIdle();
      expect(await latestReport(r.id)).toMatchObject({ errors: [] });
      expect((await status(r.id)).state).toBe('complete');
      const resource = await resourceRow(r.id);
      expect(resource.table_schema).toEqual(STANDARD_SCHEMA);
      const info = await resultOf<{ fields: { id: string; type: string }[] }>(
        callAction(s.ctx.t.app, 'datastore_search', {
          query: { resource_id: r.id, limit: '1' },
          token: s.ctx.producer,
        }),
      );
      expect(info.fields.find((f) => f.id === 'jumlah_penduduk')?.type).toMatch(/^int/);
    });

    it("the standard's page lists its columns in both languages, escaped; the producer's upload form says where the columns come from", async () => {
      const { std, d } = await datasetFollowingStandard();
      const { username } = await userWithToken(s.ctx.t.database, 'custodian');
      const cookie = await login(s.ctx.t.app, username, TEST_PASSWORD);
      const id = await s.ctx.t.app.inject({ url: `/workspace/standards/${std.name}`, headers: { cookie } });
      expect(id.statusCode).toBe(200);
      expect(id.body).toContain('Kolom tabel');
      expect(id.body).toContain('Kode kecamatan');
      expect(id.body).toContain('Wilayah: kecamatan');
      expect(id.body).toContain('Bilangan bulat');
      expect(id.body).toContain('Nama &lt;kecamatan');
      expect(id.body).not.toContain('Nama <kecamatan>');
      const en = await s.ctx.t.app.inject({
        url: `/workspace/standards/${std.name}?lang=en`,
        headers: { cookie },
      });
      expect(en.body).toContain('Table columns');
      expect(en.body).toContain('District code');
      expect(en.body).toContain('Whole number');

      const producer = await userWithToken(s.ctx.t.database, 'producer', (await agencyOf(d.id)) ?? null);
      const pc = await login(s.ctx.t.app, producer.username, TEST_PASSWORD);
      const edit = await s.ctx.t.app.inject({
        url: `/workspace/datasets/${d.name}/edit`,
        headers: { cookie: pc },
      });
      expect(edit.statusCode).toBe(200);
      expect(edit.body).toContain(`Kolom tabel diambil dari standar data «${STANDARD.title}»`);
      expect(edit.body).toContain('Kode kecamatan, Nama &lt;kecamatan>, Jumlah penduduk');
    });

    const agencyOf = async (datasetId: string) =>
      (
        await s.ctx.t.database.db
          .selectFrom('dataset')
          .select('agency_id')
          .where('id', '=', datasetId)
          .executeTakeFirstOrThrow()
      ).agency_id;
  });
}
