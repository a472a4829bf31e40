/**
 * Table Schema on a resource (issue #4 item 2): resource_schema_show / resource_schema_update
 * over the CKAN API, the reference code lookup against the real tables, and the back-office
 * schema editor page — on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableSchema } from '../../../src/kernel/table-schema/table-schema.js';
import { loadReferenceLookup } from '../../../src/modules/datastore/domain/validation/reference-lookup.js';
import { createTableValidator } from '../../../src/modules/datastore/domain/validation/table-validator.js';
import { buildUser, TEST_PASSWORD } from '../../factories/index.js';
import { callAction, createAgency, resultOf, uniq, userWithToken } from '../../support/catalog-fixtures.js';
import { createTestApp, csrfFrom, login, type TestApp } from '../../support/test-app.js';
import { DIALECTS } from '../../support/test-database.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const SCHEMA: TableSchema = {
  fields: [
    { name: 'kode_kec', type: 'string', title: 'Kode Kecamatan', constraints: { required: true } },
    { name: 'tahun', type: 'year' },
    { name: 'laki', type: 'integer', unit: 'jiwa' },
    { name: 'perempuan', type: 'integer', unit: 'jiwa' },
    { name: 'jumlah', type: 'integer', unit: 'jiwa', 'x-sum-of': ['laki', 'perempuan'] },
    { name: 'jenjang', type: 'string' },
  ],
  primaryKey: ['kode_kec', 'tahun'],
  foreignKeys: [
    { fields: 'kode_kec', reference: { resource: 'region:district', fields: 'code' } },
    { fields: 'jenjang', reference: { resource: 'codelist:jenjang-uji', fields: 'code' } },
  ],
};

for (const kind of DIALECTS) {
  describe(`table schema on ${kind}`, () => {
    let t: TestApp;
    let producer: string;
    let otherProducer: string;
    let custodian: string;
    let producerUsername: string;
    let otherUsername: string;
    let datasetName: string;
    let resourceId: string;

    beforeAll(async () => {
      t = await createTestApp(kind);
      const dinkes = await createAgency(t.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
      const disdik = await createAgency(t.database, { code: 'disdik', name: 'Dinas Pendidikan' });
      const p = await userWithToken(t.database, 'producer', dinkes.id);
      const o = await userWithToken(t.database, 'producer', disdik.id);
      producer = p.token;
      otherProducer = o.token;
      producerUsername = p.username;
      otherUsername = o.username;
      custodian = (await userWithToken(t.database, 'custodian')).token;
      datasetName = `penduduk-${uniq()}`;
      const dataset = await resultOf<{ id: string }>(
        callAction(t.app, 'package_create', {
          body: { name: datasetName, title: 'Penduduk per Kecamatan', owner_org: 'dinkes' },
          token: producer,
        }),
      );
      const resource = await resultOf<{ id: string }>(
        callAction(t.app, 'resource_create', {
          body: {
            package_id: dataset.id,
            url: 'https://data.example.go.id/penduduk.csv',
            name: 'Tabel penduduk',
          },
          token: producer,
        }),
      );
      resourceId = resource.id;
    });
    afterAll(() => t?.close());

    async function createCodeList(name: string, codes: { code: string; retired?: boolean }[]) {
      const list = await t.database.db
        .insertInto('code_list')
        .values({ name, title: `Daftar ${name}`, version: 2 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('code_list_item')
        .values(
          codes.map((c, i) => ({
            code_list_id: list.id,
            code: c.code,
            label: `Kode ${c.code}`,
            position: i,
            added_in_version: 1,
            retired_in_version: c.retired ? 2 : null,
          })),
        )
        .execute();
    }

    const update = (token: string | undefined, schema: unknown) =>
      callAction(t.app, 'resource_schema_update', { body: { id: resourceId, table_schema: schema }, token });

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
