import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAction,
  createAgency,
  resultOf,
  uniq,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Agency } from '../../kernel/db/schema.js';
import { datasetConformity } from './conformity.js';

interface Result {
  score: number;
  checks: { key: string; met: boolean; applicable: boolean; detail_id: string; detail_en: string }[];
}

for (const kind of DIALECTS) {
  describe(`package_conformity_show on ${kind}`, () => {
    let t: TestApp;
    let agency: Agency;
    let custodian: string;
    let producer: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      agency = await createAgency(t.database);
      custodian = (await userWithToken(t.database, 'custodian')).token;
      producer = (await userWithToken(t.database, 'producer', agency.id)).token;
    });
    afterAll(() => t.close());

    const met = (r: Result) => Object.fromEntries(r.checks.map((c) => [c.key, c.met]));

    it('reads the dataset, its resources, metadata, uploads and code lists from the database', async () => {
      const d = await resultOf<{ id: string; name: string }>(
        callAction(t.app, 'package_create', {
          token: custodian,
          body: {
            name: `sekolah-${uniq()}`,
            title: 'Jumlah sekolah',
            owner_org: agency.code,
            license_id: 'CC-BY-4.0',
            private: false,
            resources: [{ url: 'https://data.example.go.id/sekolah.csv', format: 'CSV', name: 'Tabel' }],
          },
        }),
      );
      const first = await resultOf<Result>(
        callAction(t.app, 'package_conformity_show', { query: { id: d.name } }),
      );
      expect(met(first)).toMatchObject({
        standard_linked: false,
        activity_metadata_complete: false,
        open_format: false,
        open_license: true,
        reference_codes_valid: false,
      });
      expect(first.checks.find((c) => c.key === 'indicator_metadata_complete')?.applicable).toBe(false);
      const shown = await resultOf<{ sdi_conformity_score: number }>(
        callAction(t.app, 'package_show', { query: { id: d.name } }),
      );
      expect(shown.sdi_conformity_score).toBe(first.score);

      // Link a standard; give the table a schema with a bound coded column, a loaded version
      // and a clean validation report.
      const standard = `std-${uniq()}`;
      await resultOf(
        callAction(t.app, 'data_standard_create', {
          token: custodian,
          body: {
            name: standard,
            title: 'Sekolah',
            concept: 'Konsep',
            definition: 'Definisi',
            source_kind: 'bps',
          },
        }),
      );
      await resultOf(
        callAction(t.app, 'package_standard_set', {
          token: producer,
          body: { id: d.id, standard_id: standard },
        }),
      );
      const db = t.database.db;
      const resource = await db
        .selectFrom('resource')
        .select('id')
        .where('dataset_id', '=', d.id)
        .executeTakeFirstOrThrow();
      const version = await db
        .insertInto('resource_version')
        .values({
          resource_id: resource.id,
          number: 1,
          storage_key: 'x',
          file_name: 'sekolah.csv',
          format: 'CSV',
          state: 'complete',
          report: JSON.stringify({
            valid: true,
            row_count: 1,
            error_count: 0,
            warning_count: 0,
            errors: [],
            warnings: [],
          }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('resource')
        .set({
          datastore_version_id: version.id,
          table_schema: JSON.stringify({
            fields: [
              { name: 'kode_kecamatan', type: 'string', 'x-classification': 'open' },
              { name: 'jumlah', type: 'integer', 'x-classification': 'open' },
            ],
            foreignKeys: [
              { fields: 'kode_kecamatan', reference: { resource: 'region:district', fields: 'code' } },
            ],
          }),
        })
        .where('id', '=', resource.id)
        .execute();

      const second = await datasetConformity(db, d.id);
      expect(met(second)).toMatchObject({
        standard_linked: true,
        open_format: true,
        open_license: true,
        reference_codes_bound: true,
        reference_codes_valid: true,
        classification_set: true,
        variable_metadata_complete: false,
      });
      expect(second.score).toBeGreaterThan(first.score);
      const vars = second.checks.find((c) => c.key === 'variable_metadata_complete');
      expect(vars?.detail_en).toContain('Tabel › kode_kecamatan');
    });

    it('is hidden with the dataset: a restricted dataset is not found for the public', async () => {
      const d = await resultOf<{ id: string }>(
        callAction(t.app, 'package_create', {
          token: producer,
          body: { name: `rahasia-${uniq()}`, title: 'Rahasia', owner_org: agency.code, private: true },
        }),
      );
      await resultOf(
        callAction(t.app, 'dataset_classification_set', {
          token: producer,
          body: { id: d.id, classification: 'closed' },
        }),
      );
      expect((await callAction(t.app, 'package_conformity_show', { query: { id: d.id } })).statusCode).toBe(
        404,
      );
      const own = await resultOf<Result>(
        callAction(t.app, 'package_conformity_show', { token: producer, query: { id: d.id } }),
      );
      expect(own.checks).toHaveLength(9);
    });
  });
}
