/**
 * Closed data have one rule (issue 11, findings 1, 6, 7 and 12): only the producing agency and the
 * custodian (`dataset:read_closed`) read them — a closed dataset, a closed column through the
 * datastore, and an uploaded file holding a closed column alike. Everybody else gets the file
 * generated from the datastore without that column, in the upload's format; closing a column
 * after loading applies at once; an agency a restricted dataset is shared with reads its table.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAction,
  createAgency,
  multipartBody,
  resultOf,
  uniq,
  userWithToken,
} from '../../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { DIALECTS } from '../../../../test/support/test-database.js';
import type { GrantableRole } from '../../../kernel/access/roles.js';
import { JobRunner } from '../../../kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../../kernel/storage/file-store.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';

const NIK = '3520011203850001';
const CSV = Buffer.from(`nik,nama,jumlah,catatan\n${NIK},Siti,3,=SUM(A1)\n3520015507900002,Budi,4,biasa\n`);

async function xlsxWithNik(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Data');
  sheet.addRow(['nik', 'nama', 'jumlah']);
  sheet.addRow([NIK, 'Siti', 3]);
  sheet.addRow(['3520015507900002', 'Budi', 4]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Who = 'anonymous' | 'ownerProducer' | 'otherProducer' | Exclude<GrantableRole, 'producer'>;
/** Who may read closed data: the producing agency and the custodian, nobody else. */
const READS_CLOSED: Record<Who, boolean> = {
  anonymous: false,
  ownerProducer: true,
  otherProducer: false,
  custodian: true,
  supervisor: false,
  secretariat: false,
  leader: false,
  administrator: false,
};

interface Res {
  id: string;
  url: string;
}
interface Pkg {
  id: string;
  name: string;
  resources: Res[];
}

for (const kind of DIALECTS) {
  describe(`closed data, one rule, on ${kind}`, () => {
    let t: TestApp;
    let runner: JobRunner;
    const tokens = {} as Record<Who, string | undefined>;
    let ownerCode: string;
    let sharedToken: string;
    let open: Pkg;
    let openXlsx: Pkg;
    let closed: Pkg;
    let restricted: Pkg;

    const asWho = (who: Who): { token?: string } => {
      const token = tokens[who];
      return token ? { token } : {};
    };

    async function makeDataset(
      classification: 'open' | 'restricted' | 'closed',
      file: { name: string; content: Buffer },
      sharedWith: string[] = [],
      load = true,
    ): Promise<Pkg> {
      const owner = tokens.ownerProducer;
      const created = await resultOf<Pkg>(
        callAction(t.app, 'package_create', {
          token: owner,
          body: { name: `ds-${uniq()}`, title: 'Penerima', owner_org: ownerCode, private: true },
        }),
      );
      const body = multipartBody(
        { package_id: created.id, name: 'Penerima' },
        { field: 'upload', name: file.name, type: 'application/octet-stream', content: file.content },
      );
      await resultOf(
        t.app.inject({
          method: 'POST',
          url: '/api/3/action/resource_create',
          headers: { ...body.headers, authorization: owner },
          payload: body.payload,
        }),
      );
      if (load) await runner.runUntilIdle();
      await resultOf(
        callAction(t.app, 'dataset_classification_set', {
          token: owner,
          body: { id: created.id, classification, shared_with: sharedWith },
        }),
      );
      if (classification === 'open')
        await resultOf(
          callAction(t.app, 'package_patch', {
            token: tokens.custodian,
            body: { id: created.id, private: false },
          }),
        );
      return resultOf<Pkg>(
        callAction(t.app, 'package_show', { token: tokens.custodian, query: { id: created.id } }),
      );
    }

    const search = (auth: { token?: string }, id: string, extra: Record<string, string> = {}) =>
      callAction(t.app, 'datastore_search', { ...auth, query: { resource_id: id, ...extra } });
    const download = (who: Who, r: Res) =>
      t.app.inject({
        url: r.url.slice(t.config.siteUrl.length),
        headers: tokens[who] ? { authorization: tokens[who] as string } : {},
      });

    beforeAll(async () => {
      t = await createTestApp(kind);
      runner = new JobRunner({ db: t.database.db, driver: t.kind, files: fileStoreFor(t.config) });
      const owner = await createAgency(t.database);
      const shared = await createAgency(t.database);
      const other = await createAgency(t.database);
      ownerCode = owner.code;
      tokens.anonymous = undefined;
      tokens.ownerProducer = (await userWithToken(t.database, 'producer', owner.id)).token;
      tokens.otherProducer = (await userWithToken(t.database, 'producer', other.id)).token;
      for (const role of ['custodian', 'supervisor', 'secretariat', 'leader', 'administrator'] as const)
        tokens[role] = (await userWithToken(t.database, role)).token;
      sharedToken = (await userWithToken(t.database, 'producer', shared.id)).token;
      open = await makeDataset('open', { name: 'penerima.csv', content: CSV });
      openXlsx = await makeDataset('open', { name: 'penerima.xlsx', content: await xlsxWithNik() });
      closed = await makeDataset('closed', { name: 'tertutup.csv', content: Buffer.from('a,b\n1,2\n') });
      restricted = await makeDataset(
        'restricted',
        { name: 'terbatas.csv', content: Buffer.from('a,b\n1,2\n') },
        [shared.code],
      );
    });
    afterAll(() => t?.close());

    for (const who of Object.keys(READS_CLOSED) as Who[]) {
      const reads = READS_CLOSED[who];
      it(`${who} ${reads ? 'reads' : 'does not read'} closed data: the dataset, the column, the original file`, async () => {
        expect(
          (await callAction(t.app, 'package_show', { ...asWho(who), query: { id: closed.id } })).statusCode,
        ).toBe(reads ? 200 : 404);
        const found = await resultOf<{ fields: { id: string }[]; records: Record<string, unknown>[] }>(
          search(asWho(who), open.resources[0]?.id as string),
        );
        expect(found.fields.map((f) => f.id).includes('nik')).toBe(reads);
        expect(JSON.stringify(found.records).includes(NIK)).toBe(reads);
        const file = await download(who, open.resources[0] as Res);
        expect(file.statusCode).toBe(200);
        expect(file.body.includes(NIK)).toBe(reads);
        if (reads) expect(file.rawPayload.equals(CSV)).toBe(true);
        else expect(file.body.split('\r\n')[0]).toBe('nama,jumlah,catatan');
        if (!reads) expect(file.headers['content-type']).toMatch(/^text\/csv/);
      });
    }

    it('an XLSX upload with a closed column: the public gets an XLSX without it, the producer the original', async () => {
      const r = openXlsx.resources[0] as Res;
      const pub = await download('anonymous', r);
      expect(pub.statusCode).toBe(200);
      expect(pub.headers['content-type']).toMatch(/spreadsheetml/);
      expect(pub.headers['cache-control']).toBe('private, no-store');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(pub.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect((sheet?.getRow(1).values as unknown[] | undefined)?.slice(1)).toEqual(['nama', 'jumlah']);
      expect(JSON.stringify(sheet?.getSheetValues())).not.toContain(NIK);
      const own = await download('ownerProducer', r);
      expect(own.rawPayload.equals(await downloadBytes('custodian', r))).toBe(true);
      const shown = await resultOf<Pkg>(callAction(t.app, 'package_show', { query: { id: openXlsx.id } }));
      expect(shown.resources[0]?.url).toBe(r.url);
    });
    const downloadBytes = async (who: Who, r: Res) => (await download(who, r)).rawPayload;

    it('closing a loaded column applies at once to datastore_search and every download', async () => {
      const ds = await makeDataset('open', { name: 'dua.csv', content: CSV });
      const r = ds.resources[0] as Res;
      const shown = await resultOf<{ table_schema: TableSchema }>(
        callAction(t.app, 'resource_schema_show', { token: tokens.custodian, query: { id: r.id } }),
      );
      const schema = {
        ...shown.table_schema,
        fields: shown.table_schema.fields.map((f) =>
          f.name === 'nama' ? { ...f, 'x-classification': 'closed' as const } : f,
        ),
      };
      await resultOf(
        callAction(t.app, 'resource_schema_update', {
          token: tokens.custodian,
          body: { id: r.id, table_schema: schema },
        }),
      );
      const found = await resultOf<{ fields: { id: string }[]; records: Record<string, unknown>[] }>(
        search({}, r.id),
      );
      expect(found.fields.map((f) => f.id)).toEqual(['_id', 'jumlah', 'catatan']);
      const table = await t.app.inject({ url: `/dataset/${ds.name}/resource/${r.id}/download.csv` });
      expect(table.body).not.toContain('Siti');
      expect(table.headers['cache-control']).toBe('private, no-store');
      const file = await download('anonymous', r);
      expect(file.body.split('\r\n')[0]).toBe('jumlah,catatan');
      expect(file.body).not.toContain('Siti');
      expect((await download('custodian', r)).body).toContain('Siti');
    });

    it('an upload not yet checked for personal data reaches only who may read closed data', async () => {
      const ds = await makeDataset('open', { name: 'baru.csv', content: CSV }, [], false);
      const r = ds.resources[0] as Res;
      const pub = await download('anonymous', r);
      expect(pub.statusCode).toBe(404);
      expect(pub.body).toContain('belum selesai diperiksa');
      expect(pub.body).not.toContain(NIK);
      expect((await download('ownerProducer', r)).rawPayload.equals(CSV)).toBe(true);
      await runner.runUntilIdle();
      const loaded = await download('anonymous', r);
      expect(loaded.statusCode).toBe(200);
      expect(loaded.body).not.toContain(NIK);
    });

    it('an agency a restricted dataset is shared with reads its table; other agencies do not', async () => {
      const id = restricted.resources[0]?.id as string;
      expect((await search({ token: sharedToken }, id)).statusCode).toBe(200);
      expect((await search(asWho('otherProducer'), id)).statusCode).toBe(404);
      expect((await search({}, id)).statusCode).toBe(404);
      const file = await t.app.inject({
        url: (restricted.resources[0] as Res).url.slice(t.config.siteUrl.length),
        headers: { authorization: sharedToken },
      });
      expect(file.statusCode).toBe(200);
      const table = await t.app.inject({
        url: `/dataset/${restricted.name}/resource/${id}/download.csv`,
        headers: { authorization: sharedToken },
      });
      expect(table.statusCode).toBe(200);
    });

    it('datastore_search records_format=csv and tsv neutralise formula cells', async () => {
      const id = open.resources[0]?.id as string;
      for (const format of ['csv', 'tsv']) {
        const found = await resultOf<{ records: string }>(
          search({}, id, { records_format: format, fields: 'nama,catatan', sort: '_id' }),
        );
        const sep = format === 'csv' ? ',' : '\t';
        expect(found.records).toBe(`Siti${sep}'=SUM(A1)\nBudi${sep}biasa\n`);
      }
    });
  });
}
