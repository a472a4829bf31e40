/**
 * Table Schema on a resource (issue #4 item 2): resource_schema_show / resource_schema_update
 * over the CKAN API and the reference code lookup against the real tables, on PGlite and
 * PostgreSQL. (The schema editor page: pages/table-schema-page.int.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf } from '../../../test/support/catalog-fixtures.js';
import { SCHEMA, tableSchemaSetup } from '../../../test/support/table-schema-fixtures.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { createTableValidator } from './domain/validation/table-validator.js';
import { loadReferenceLookup } from './reference-codes.repository.js';

for (const kind of DIALECTS) {
  describe(`table schema on ${kind}`, () => {
    const { ctx, createCodeList, update } = tableSchemaSetup(kind);
    let t: TestApp;
    let producer: string;
    let otherProducer: string;
    let custodian: string;
    let producerUsername: string;
    let resourceId: string;
    beforeAll(() => {
      ({ t, producer, otherProducer, custodian, producerUsername, resourceId } = ctx);
    });

    it('resource_schema_show gives null before any schema', async () => {
      const shown = await resultOf<{ table_schema: unknown }>(
        callAction(t.app, 'resource_schema_show', { query: { id: resourceId }, token: producer }),
      );
      expect(shown.table_schema).toBeNull();
    });

    it('resource_schema_update refuses a code list that does not exist, bilingually', async () => {
      const res = await update(producer, SCHEMA);
      expect(res.statusCode).toBe(409);
      expect(res.json().error['table_schema.foreignKeys']).toEqual(["Daftar kode 'jenjang-uji' tidak ada"]);
      const en = await callAction(t.app, 'resource_schema_update', {
        body: { id: resourceId, table_schema: SCHEMA },
        token: producer,
        query: { lang: 'en' },
      });
      expect(en.statusCode).toBe(409);
      expect(en.json().error['table_schema.foreignKeys']).toEqual(["Code list 'jenjang-uji' does not exist"]);
    });

    it('resource_schema_update refuses an invalid schema, naming the field', async () => {
      const res = await update(producer, { ...SCHEMA, primaryKey: ['kode', 'tahun'] });
      expect(res.statusCode).toBe(409);
      expect(res.json().error['table_schema.primaryKey']).toEqual(["Kolom 'kode' tidak ada di skema"]);
    });

    it('refuses a producer of another agency and an anonymous caller, and changes nothing', async () => {
      await createCodeList('jenjang-uji', [{ code: 'SD' }, { code: 'SMP' }, { code: 'SLTP', retired: true }]);
      // The dataset is private: another agency's producer may not even know it exists.
      expect((await update(otherProducer, SCHEMA)).statusCode).toBe(404);
      expect(
        (await callAction(t.app, 'resource_schema_show', { query: { id: resourceId }, token: otherProducer }))
          .statusCode,
      ).toBe(404);
      expect((await update(undefined, SCHEMA)).statusCode).toBe(403);
      const row = await t.database.db
        .selectFrom('resource')
        .select('table_schema')
        .where('id', '=', resourceId)
        .executeTakeFirstOrThrow();
      expect(row.table_schema).toBeNull();
    });

    it('the producer of the agency stores the schema, with an audit row; show returns it', async () => {
      const saved = await resultOf<{ table_schema: TableSchema }>(update(producer, SCHEMA));
      expect(saved.table_schema).toEqual(SCHEMA);
      const shown = await resultOf<{ table_schema: TableSchema }>(
        callAction(t.app, 'resource_schema_show', { query: { id: resourceId }, token: producer }),
      );
      expect(shown.table_schema).toEqual(SCHEMA);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'resource_schema_update')
        .where('subject_id', '=', resourceId)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actor_name).toBe(producerUsername);
    });

    it('the custodian may update any agency’s resource schema, also sent as JSON text', async () => {
      const res = await update(custodian, JSON.stringify({ ...SCHEMA, 'x-change-warning-percent': 30 }));
      expect(res.statusCode).toBe(200);
      expect(res.json().result.table_schema['x-change-warning-percent']).toBe(30);
      await resultOf(update(producer, SCHEMA));
    });

    it('loadReferenceLookup loads region codes of the level and current code list items only', async () => {
      const lookup = await loadReferenceLookup(t.database.db, SCHEMA);
      expect(lookup.has('region:district', '35.20.01')).toBe(true);
      expect(lookup.has('region:district', '35.20')).toBe(false);
      expect(lookup.has('codelist:jenjang-uji', 'SD')).toBe(true);
      expect(lookup.has('codelist:jenjang-uji', 'SLTP')).toBe(false);
      expect(lookup.has('region:village', '35.20.01.2001')).toBe(false);

      const validator = createTableValidator(SCHEMA, lookup);
      validator.checkHeader(['Kode Kecamatan', 'tahun', 'laki', 'perempuan', 'jumlah', 'jenjang']);
      expect(validator.checkRow({ rowNumber: 2, cells: ['352001', '2024', '10', '12', '22', 'SD'] })).toEqual(
        ['35.20.01', '2024', '10', '12', '22', 'SD'],
      );
      expect(
        validator.checkRow({ rowNumber: 3, cells: ['35.20.99', '2024', '1', '1', '2', 'SLTP'] }),
      ).toBeUndefined();
      const report = validator.finish();
      expect(report.errors).toEqual([expect.objectContaining({ kind: 'foreign-key-error', count: 2 })]);
    });
  });
}
