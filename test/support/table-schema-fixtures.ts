/**
 * The shared setup of the Table Schema tests (src/modules/datastore/table-schema*.int.test.ts):
 * an app with two agencies' producers and a custodian, a producer's dataset with one link
 * resource, and a schema with a region and a code list reference. Call `tableSchemaSetup(kind)`
 * inside a `describe`; `ctx` is filled in its beforeAll.
 */
import { afterAll, beforeAll } from 'vitest';
import type { DriverKind } from '../../src/kernel/db/database.js';
import type { TableSchema } from '../../src/kernel/table-schema/table-schema.js';
import { callAction, createAgency, resultOf, uniq, userWithToken } from './catalog-fixtures.js';
import { createTestApp, type TestApp } from './test-app.js';

export const SCHEMA: TableSchema = {
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

export interface TableSchemaContext {
  t: TestApp;
  producer: string;
  otherProducer: string;
  custodian: string;
  producerUsername: string;
  otherUsername: string;
  datasetName: string;
  resourceId: string;
}

export function tableSchemaSetup(kind: DriverKind) {
  const ctx = {} as TableSchemaContext;

  beforeAll(async () => {
    const t = await createTestApp(kind);
    ctx.t = t;
    const dinkes = await createAgency(t.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
    const disdik = await createAgency(t.database, { code: 'disdik', name: 'Dinas Pendidikan' });
    const p = await userWithToken(t.database, 'producer', dinkes.id);
    const o = await userWithToken(t.database, 'producer', disdik.id);
    ctx.producer = p.token;
    ctx.otherProducer = o.token;
    ctx.producerUsername = p.username;
    ctx.otherUsername = o.username;
    ctx.custodian = (await userWithToken(t.database, 'custodian')).token;
    ctx.datasetName = `penduduk-${uniq()}`;
    const dataset = await resultOf<{ id: string }>(
      callAction(t.app, 'package_create', {
        body: { name: ctx.datasetName, title: 'Penduduk per Kecamatan', owner_org: 'dinkes' },
        token: ctx.producer,
      }),
    );
    const resource = await resultOf<{ id: string }>(
      callAction(t.app, 'resource_create', {
        body: {
          package_id: dataset.id,
          url: 'https://data.example.go.id/penduduk.csv',
          name: 'Tabel penduduk',
        },
        token: ctx.producer,
      }),
    );
    ctx.resourceId = resource.id;
  });
  afterAll(() => ctx.t?.close());

  async function createCodeList(name: string, codes: { code: string; retired?: boolean }[]) {
    const list = await ctx.t.database.db
      .insertInto('code_list')
      .values({ name, title: `Daftar ${name}`, version: 2 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.t.database.db
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
    callAction(ctx.t.app, 'resource_schema_update', {
      body: { id: ctx.resourceId, table_schema: schema },
      token,
    });

  return { ctx, createCodeList, update };
}
