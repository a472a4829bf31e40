/**
 * Issue #17: a declared Table Schema is enforced on the very first upload, whichever way it was
 * declared (the API's `schema` on resource_create / resource_update, as an object or JSON text;
 * resource_schema_update before any upload); an undeclared first upload asked to be proposed is
 * held with its inferred schema and loads only after resource_schema_confirm.
 */
import { describe, expect, it } from 'vitest';
import { callAction, resultOf } from '../../../test/support/catalog-fixtures.js';
import { ingestSetup } from '../../../test/support/ingest-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import type { ValidationReport } from './domain/validation/validation-report.js';
import type { ProposalReport } from './first-upload.js';

/** The producer's file of the issue: `tidak ada data` in a numeric column, an unknown district. */
const BAD_CSV = Buffer.from(
  'kode_kecamatan,nama_kecamatan,jumlah_penduduk\n3520010,Poncol,32451\n3520020,Parang,tidak ada data\n3520999,Entah,1200\n',
);

const DECLARED: TableSchema = {
  fields: [
    { name: 'kode_kecamatan', type: 'string' },
    { name: 'nama_kecamatan', type: 'string' },
    { name: 'jumlah_penduduk', type: 'integer' },
  ],
  foreignKeys: [{ fields: 'kode_kecamatan', reference: { resource: 'region:district', fields: 'code' } }],
};

/** 40 districts' rows, one of them `tidak ada data`: numeric in 97.5% of rows. */
function mostlyNumericCsv(): Buffer {
  const lines = ['kecamatan,jumlah_penduduk'];
  for (let i = 1; i <= 40; i++) lines.push(`Kecamatan ${i},${i === 17 ? 'tidak ada data' : 1000 + i}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

for (const kind of DIALECTS) {
  describe(`first upload against a declared or proposed schema on ${kind}`, () => {
    const s = ingestSetup(kind);
    const { dataset, upload, status, resourceRow, datastoreTables } = s;

    /** The stored version behind the latest upload of a resource. */
    const latestVersion = async (resourceId: string) =>
      s.ctx.t.database.db
        .selectFrom('resource_version')
        .selectAll()
        .where('resource_id', '=', resourceId)
        .orderBy('number', 'desc')
        .executeTakeFirstOrThrow();

    /** Both errors of the bad file, each named by its row and column, and nothing loaded. */
    async function expectBothErrorsAndNothingLoaded(resourceId: string) {
      const tablesBefore = (await datastoreTables()).length;
      await s.ctx.runner.runUntilIdle();
      const st = await status(resourceId);
      expect(st.state).toBe('error');
      const report = (await latestVersion(resourceId)).report as ValidationReport;
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
      expect((await resourceRow(resourceId)).datastore_version_id).toBeNull();
      expect((await datastoreTables()).length).toBe(tablesBefore);
    }

    it('resource_create with `schema` as JSON text beside the upload refuses the bad first upload', async () => {
      const d = await dataset();
      const r = await resultOf<{ id: string }>(
        upload(
          'resource_create',
          { package_id: d.id, schema: JSON.stringify(DECLARED) },
          'penduduk.csv',
          BAD_CSV,
        ),
      );
      expect((await resourceRow(r.id)).table_schema).toEqual(DECLARED);
      await expectBothErrorsAndNothingLoaded(r.id);
    });

    it('resource_create with `schema` as a JSON object, then resource_update uploading, refuses the bad file', async () => {
      const d = await dataset();
      const r = await resultOf<{ id: string }>(
        callAction(s.ctx.t.app, 'resource_create', {
          body: { package_id: d.id, url: 'https://data.magetan.go.id/penduduk.csv', schema: DECLARED },
          token: s.ctx.producer,
        }),
      );
      await resultOf(upload('resource_update', { id: r.id }, 'penduduk.csv', BAD_CSV));
      await expectBothErrorsAndNothingLoaded(r.id);
    });

    it('resource_update with `schema` and the upload together refuses the bad file', async () => {
      const d = await dataset();
      const r = await resultOf<{ id: string }>(
        callAction(s.ctx.t.app, 'resource_create', {
          body: { package_id: d.id, url: 'https://data.magetan.go.id/penduduk.csv' },
          token: s.ctx.producer,
        }),
      );
      await resultOf(
        upload('resource_update', { id: r.id, schema: JSON.stringify(DECLARED) }, 'penduduk.csv', BAD_CSV),
      );
      await expectBothErrorsAndNothingLoaded(r.id);
    });

    // ckan/logic/action/patch.py (2.11.5) `resource_patch` L56: resource_show merged with the given
    // fields, then resource_update; ckanext-validation (f0c43e0) jobs.py L92-97 reads a `schema`
    // given as a string with json.loads. So a `schema` patched in (JSON text) binds the next upload.
    it('resource_patch with `schema` as JSON text, then an upload, refuses the bad file', async () => {
      const d = await dataset();
      const r = await resultOf<{ id: string }>(
        callAction(s.ctx.t.app, 'resource_create', {
          body: { package_id: d.id, url: 'https://data.magetan.go.id/penduduk.csv' },
          token: s.ctx.producer,
        }),
      );
      const patched = await resultOf<{ id: string; url: string }>(
        callAction(s.ctx.t.app, 'resource_patch', {
          body: { id: r.id, schema: JSON.stringify(DECLARED) },
          token: s.ctx.producer,
        }),
      );
      expect(patched.url).toBe('https://data.magetan.go.id/penduduk.csv');
      expect((await resourceRow(r.id)).table_schema).toEqual(DECLARED);
      await resultOf(upload('resource_update', { id: r.id }, 'penduduk.csv', BAD_CSV));
      await expectBothErrorsAndNothingLoaded(r.id);
    });

    it('a schema declared with resource_schema_update (the column editor) before any upload is enforced on the first', async () => {
      const d = await dataset();
      const r = await resultOf<{ id: string }>(
        callAction(s.ctx.t.app, 'resource_create', {
          body: { package_id: d.id, url: 'https://data.magetan.go.id/penduduk.csv' },
          token: s.ctx.producer,
        }),
      );
      await resultOf(
        callAction(s.ctx.t.app, 'resource_schema_update', {
          body: { id: r.id, table_schema: DECLARED },
          token: s.ctx.producer,
        }),
      );
      await resultOf(
        upload('resource_update', { id: r.id, propose_schema: 'true' }, 'penduduk.csv', BAD_CSV),
      );
      await expectBothErrorsAndNothingLoaded(r.id);
    });

    it('refuses a `schema` that is not a Table Schema, and creates nothing', async () => {
      const d = await dataset();
      const res = await upload(
        'resource_create',
        { package_id: d.id, schema: '{"fields":[{"name":"Bad Name"}]}' },
        'p.csv',
        BAD_CSV,
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toHaveProperty(['schema.fields.0.name']);
      const shown = await resultOf<{ resources: unknown[] }>(
        callAction(s.ctx.t.app, 'package_show', { query: { id: d.id }, token: s.ctx.producer }),
      );
      expect(shown.resources).toEqual([]);
    });

    it('resource_schema_confirm: an undeclared first upload is proposed (95% numeric → number, the other row reported) and loads only when confirmed', async () => {
      const d = await dataset();
      const r = await resultOf<{ id: string }>(
        upload(
          'resource_create',
          { package_id: d.id, propose_schema: 'true' },
          'penduduk.csv',
          mostlyNumericCsv(),
        ),
      );
      await s.ctx.runner.runUntilIdle();
      expect((await status(r.id)).state).toBe('proposed');
      const held = await latestVersion(r.id);
      expect(held.table_schema?.fields.find((f) => f.name === 'jumlah_penduduk')?.type).toBe('integer');
      const proposal = held.report as ProposalReport;
      expect(proposal.exceptions).toEqual([
        expect.objectContaining({
          field: 'jumlah_penduduk',
          count: 1,
          filled: 40,
          examples: [{ row: 18, value: 'tidak ada data' }],
        }),
      ]);
      expect((await resourceRow(r.id)).table_schema).toBeNull();
      expect((await resourceRow(r.id)).datastore_version_id).toBeNull();

      // Confirmed as proposed: the row that is no number refuses the load, by row and column.
      await resultOf(
        callAction(s.ctx.t.app, 'resource_schema_confirm', { body: { id: r.id }, token: s.ctx.producer }),
      );
      expect((await resourceRow(r.id)).table_schema?.fields[1]?.type).toBe('integer');
      await s.ctx.runner.runUntilIdle();
      expect((await status(r.id)).state).toBe('error');
      const report = (await latestVersion(r.id)).report as ValidationReport;
      expect(report.errors[0]?.examples[0]).toMatchObject({ row: 18, column: 'jumlah_penduduk' });
      const again = await callAction(s.ctx.t.app, 'resource_schema_confirm', {
        body: { id: r.id },
        token: s.ctx.producer,
      });
      expect(again.statusCode).toBe(409);
    });

    it('resource_schema_confirm with a changed type loads the held upload with it', async () => {
      const d = await dataset();
      const r = await resultOf<{ id: string }>(
        upload(
          'resource_create',
          { package_id: d.id, propose_schema: 'true' },
          'penduduk.csv',
          mostlyNumericCsv(),
        ),
      );
      await s.ctx.runner.runUntilIdle();
      const other = await callAction(s.ctx.t.app, 'resource_schema_confirm', {
        body: { id: r.id },
        token: s.ctx.otherProducer,
      });
      expect(other.statusCode).toBe(404); // a draft of another agency is not known to exist
      await resultOf(
        callAction(s.ctx.t.app, 'resource_schema_confirm', {
          body: { id: r.id, types: { jumlah_penduduk: 'string' } },
          token: s.ctx.producer,
        }),
      );
      await s.ctx.runner.runUntilIdle();
      const st = await status(r.id);
      expect(st).toMatchObject({ state: 'complete', version: 1 });
      expect((await resourceRow(r.id)).datastore_version_id).toBe(st.version_id);
      const audit = await s.ctx.t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', r.id)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'resource_create',
        'resource_schema_confirm',
        'resource_ingest',
      ]);
    });
  });
}
