/**
 * The back-office Table Schema editor (issue #4 item 2): the form shows a resource's schema in
 * both languages, saves an edit without JavaScript, shows a refused edit's errors, and is closed
 * to others — on PGlite and PostgreSQL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../../test/factories/index.js';
import { callAction, resultOf } from '../../../../test/support/catalog-fixtures.js';
import { SCHEMA, tableSchemaSetup } from '../../../../test/support/table-schema-fixtures.js';
import { csrfFrom, login, type TestApp } from '../../../../test/support/test-app.js';
import { DIALECTS } from '../../../../test/support/test-database.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

for (const kind of DIALECTS) {
  describe(`table schema on ${kind}`, () => {
    const { ctx, createCodeList, update } = tableSchemaSetup(kind);
    let t: TestApp;
    let producer: string;
    let producerUsername: string;
    let otherUsername: string;
    let datasetName: string;
    let resourceId: string;
    beforeAll(async () => {
      ({ t, producer, producerUsername, otherUsername, datasetName, resourceId } = ctx);
      // The state the API tests leave: the code list exists and the producer stored SCHEMA.
      await createCodeList('jenjang-uji', [{ code: 'SD' }, { code: 'SMP' }, { code: 'SLTP', retired: true }]);
      await resultOf(update(producer, SCHEMA));
    });

    describe('the schema editor page', () => {
      let cookie: string;
      let otherCookie: string;
      const pageUrl = () => `/workspace/datasets/${datasetName}/resources/${resourceId}/schema`;

      beforeAll(async () => {
        cookie = await login(t.app, producerUsername, TEST_PASSWORD);
        otherCookie = await login(t.app, otherUsername, TEST_PASSWORD);
      });

      async function post(fields: Record<string, string>) {
        const page = await t.app.inject({ url: pageUrl(), headers: { cookie } });
        const body = new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields });
        return t.app.inject({
          method: 'POST',
          url: pageUrl(),
          headers: { ...FORM, cookie },
          payload: body.toString(),
        });
      }

      /** The form as the browser would post it unchanged, from the stored schema. */
      function unchanged(): Record<string, string> {
        const fields: Record<string, string> = { field_count: String(SCHEMA.fields.length + 1) };
        SCHEMA.fields.forEach((f, i) => {
          fields[`field-${i}-original`] = f.name;
          fields[`field-${i}-name`] = f.name;
          fields[`field-${i}-type`] = f.type;
          fields[`field-${i}-title`] = f.title ?? '';
          fields[`field-${i}-unit`] = f.unit ?? '';
          if (f.constraints?.required) fields[`field-${i}-required`] = 'true';
          const fk = SCHEMA.foreignKeys?.find((k) => k.fields === f.name);
          if (fk) fields[`field-${i}-reference`] = fk.reference.resource;
        });
        fields.primary_key = 'kode_kec, tahun';
        return fields;
      }

      it('shows the fields, types and references in both languages', async () => {
        const id = await t.app.inject({ url: pageUrl(), headers: { cookie } });
        expect(id.statusCode).toBe(200);
        expect(id.body).toContain('Skema tabel');
        expect(id.body).toContain('value="kode_kec"');
        expect(id.body).toContain('<option value="region:district" selected>Wilayah: kecamatan</option>');
        expect(id.body).toContain('Daftar kode: Daftar jenjang-uji');
        const en = await t.app.inject({ url: pageUrl(), headers: { cookie: `${cookie}; sd_lang=en` } });
        expect(en.body).toContain('Table schema');
        expect(en.body).toContain('Region: district');
      });

      it('saves an edit without JavaScript and keeps what the form does not show', async () => {
        const fields = unchanged();
        fields['field-2-title'] = 'Laki-laki';
        fields['field-2-title_en'] = 'Male';
        fields['field-2-minimum'] = '0';
        fields['field-6-name'] = 'keterangan';
        fields['field-6-type'] = 'string';
        const res = await post(fields);
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toBe(`${pageUrl()}?done=saved`);
        const shown = await resultOf<{ table_schema: TableSchema }>(
          callAction(t.app, 'resource_schema_show', { query: { id: resourceId }, token: producer }),
        );
        const schema = shown.table_schema;
        expect(schema.fields.map((f) => f.name)).toEqual([...SCHEMA.fields.map((f) => f.name), 'keterangan']);
        expect(schema.fields[2]).toEqual({
          name: 'laki',
          type: 'integer',
          title: 'Laki-laki',
          'title:en': 'Male',
          unit: 'jiwa',
          constraints: { minimum: 0 },
        });
        expect(schema.fields[4]?.['x-sum-of']).toEqual(['laki', 'perempuan']);
        expect(schema.primaryKey).toEqual(['kode_kec', 'tahun']);
        expect(schema.foreignKeys).toEqual(SCHEMA.foreignKeys);
        const page = await t.app.inject({ url: `${pageUrl()}?done=saved`, headers: { cookie } });
        expect(page.body).toContain('Skema tersimpan.');
      });

      it('shows the errors of a refused edit and keeps what was typed', async () => {
        const fields = unchanged();
        fields['field-2-minimum'] = '10';
        fields['field-2-maximum'] = '5';
        const res = await post(fields);
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('Batas bawah 10 melebihi batas atas 5');
        expect(res.body).toContain('name="field-2-maximum" value="5"');
      });

      it('is refused to a producer of another agency and sends a visitor to log in', async () => {
        const other = await t.app.inject({ url: pageUrl(), headers: { cookie: otherCookie } });
        expect([403, 404]).toContain(other.statusCode);
        const anonymous = await t.app.inject({ url: pageUrl() });
        expect(anonymous.statusCode).toBe(302);
        expect(anonymous.headers.location).toContain('/login?next=');
      });

      it('answers 404 for a resource of another dataset', async () => {
        const { actor } = await buildUser(t.database, { roles: ['producer'] });
        expect(actor).toBeDefined();
        const res = await t.app.inject({
          url: `/workspace/datasets/${datasetName}/resources/00000000-0000-0000-0000-000000000000/schema`,
          headers: { cookie },
        });
        expect(res.statusCode).toBe(404);
      });
    });
  });
}
