import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { callAction, createAgency, uniq, userWithToken } from '../../../test/support/catalog-fixtures.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import {
  createWorksheetDataset,
  fill,
  requiredAnswers,
  sheetKeys,
  stored,
  worksheetDownload,
  worksheetUpload,
} from '../../../test/support/worksheet-fixtures.js';
import type { Agency } from '../../kernel/db/schema.js';
import { loadDatasetMetadata } from './dataset-metadata.js';
import { ACTIVITY_SHEET, INDICATOR_SHEET, SHEET, VARIABLE_SHEET } from './worksheet-layout.js';

for (const kind of DIALECTS) {
  describe(`metadata & SDS worksheet on ${kind}`, () => {
    let t: TestApp;
    let agency: Agency;
    let custodian: string;
    let producer: string;
    let dataset: { id: string; name: string };
    const download = (token: string, query: Record<string, string>) => worksheetDownload(t, token, query);
    const upload = (token: string, wb: ExcelJS.Workbook, scope: Record<string, string>) =>
      worksheetUpload(t, token, wb, scope);

    beforeAll(async () => {
      t = await createTestApp(kind);
      agency = await createAgency(t.database);
      custodian = (await userWithToken(t.database, 'custodian')).token;
      producer = (await userWithToken(t.database, 'producer', agency.id)).token;
      ({ dataset } = await createWorksheetDataset(t, agency.code, producer));
    });
    afterAll(() => t.close());

    it('round trip: download, fill with exceljs, upload; the metadata equals the filled values', async () => {
      const wb = await download(custodian, { dataset: dataset.name });
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        SHEET.instructions,
        SHEET.lists,
        SHEET.dataset,
        SHEET.standard,
        SHEET.msKeg,
        SHEET.msVar,
        SHEET.msInd,
      ]);
      // Choice columns carry a validation list.
      const dsSheet = wb.getWorksheet(SHEET.dataset) as ExcelJS.Worksheet;
      const clsCol = sheetKeys(dsSheet).indexOf('classification');
      expect(dsSheet.getCell(3, clsCol).dataValidation?.type).toBe('list');
      expect(dsSheet.getCell(3, sheetKeys(dsSheet).indexOf('dataset')).value).toBe(dataset.name);

      const std = `std-${uniq()}`;
      const standard = {
        name: std,
        title: 'Jumlah penduduk',
        concept: 'Penduduk adalah …',
        definition: 'Banyaknya penduduk',
        measure: 'Jumlah',
        unit: 'jiwa',
        source_kind: 'bps',
        sdsn_code: 'SP00055.00.00',
      };
      fill(wb.getWorksheet(SHEET.standard) as ExcelJS.Worksheet, 3, standard);
      const keg = requiredAnswers(ACTIVITY_SHEET, 'Keg');
      fill(wb.getWorksheet(SHEET.msKeg) as ExcelJS.Worksheet, 3, {
        ref: 'K1',
        title: 'Registrasi penduduk',
        recommendation_status: 'none',
        ...keg,
      });
      fill(dsSheet, 3, { classification: 'restricted', data_standard: std, activity: 'K1' });
      const varSheet = wb.getWorksheet(SHEET.msVar) as ExcelJS.Worksheet;
      expect(varSheet.getCell(3, sheetKeys(varSheet).indexOf('column')).value).toBe('kecamatan');
      const var1 = requiredAnswers(VARIABLE_SHEET, 'Var1');
      const var2 = requiredAnswers(VARIABLE_SHEET, 'Var2');
      fill(varSheet, 3, var1);
      fill(varSheet, 4, var2);
      const ind = requiredAnswers(INDICATOR_SHEET, 'Ind');
      fill(wb.getWorksheet(SHEET.msInd) as ExcelJS.Worksheet, 3, {
        dataset: dataset.name,
        name: 'Kepadatan penduduk',
        ...ind,
      });

      const res = await upload(custodian, wb, { dataset: dataset.name });
      expect(res.statusCode, res.body.slice(0, 2000)).toBe(200);
      expect(res.json().result).toMatchObject({
        datasets: 1,
        standards: 1,
        activities: 1,
        variables: 2,
        indicators: 1,
      });

      const m = await loadDatasetMetadata(t.database.db, dataset.id);
      expect(m.data_standard).toMatchObject({ ...standard, version: 1 });
      expect(m.statistical_activity?.title).toBe('Registrasi penduduk');
      expect(m.statistical_activity?.ms_keg).toMatchObject({
        ...stored(ACTIVITY_SHEET, keg),
        judul_kegiatan: 'Registrasi penduduk',
      });
      const byColumn = Object.fromEntries(m.variables.map((v) => [v.field_name, v.ms_var]));
      expect(byColumn.kecamatan).toEqual(stored(VARIABLE_SHEET, var1));
      expect(byColumn.jumlah).toEqual(stored(VARIABLE_SHEET, var2));
      expect(m.indicators).toHaveLength(1);
      expect(m.indicators[0]).toMatchObject({
        name: 'Kepadatan penduduk',
        ms_ind: stored(INDICATOR_SHEET, ind),
      });
      const row = await t.database.db
        .selectFrom('dataset')
        .select('classification')
        .where('id', '=', dataset.id)
        .executeTakeFirstOrThrow();
      expect(row.classification).toBe('restricted');

      // Downloading again shows the same values; uploading it unchanged changes nothing.
      const again = await download(producer, { organization: agency.code });
      const kegSheet = again.getWorksheet(SHEET.msKeg) as ExcelJS.Worksheet;
      expect(kegSheet.getCell(3, sheetKeys(kegSheet).indexOf('title')).value).toBe('Registrasi penduduk');
      const indSheet = again.getWorksheet(SHEET.msInd) as ExcelJS.Worksheet;
      expect(indSheet.getCell(3, sheetKeys(indSheet).indexOf('name')).value).toBe('Kepadatan penduduk');
      const second = await upload(producer, again, { organization: agency.code });
      expect(second.statusCode, second.body.slice(0, 2000)).toBe(200);
      expect(second.json().result).toMatchObject({ standards: 0, indicators: 1 });
      const after = await loadDatasetMetadata(t.database.db, dataset.id);
      expect(after.indicators).toHaveLength(1);
      expect(after.data_standard?.version).toBe(1);
    });

    it('refuses a worksheet with missing required fields or bad codes, naming sheet, row and column; nothing is saved', async () => {
      const before = await loadDatasetMetadata(t.database.db, dataset.id);
      const wb = await download(custodian, { dataset: dataset.name });
      fill(wb.getWorksheet(SHEET.dataset) as ExcelJS.Worksheet, 3, { classification: 'rahasia' });
      const stdSheet = wb.getWorksheet(SHEET.standard) as ExcelJS.Worksheet;
      fill(stdSheet, 4, {
        name: `baru-${uniq()}`,
        title: 'Baru',
        concept: 'K',
        definition: 'D',
        source_kind: 'swasta',
      });
      const varSheet = wb.getWorksheet(SHEET.msVar) as ExcelJS.Worksheet;
      fill(varSheet, 3, { konsep: '' });
      fill(wb.getWorksheet(SHEET.msInd) as ExcelJS.Worksheet, 4, {
        dataset: dataset.name,
        name: 'Tanpa isian',
        konsep: 'ada',
      });

      const res = await upload(custodian, wb, { dataset: dataset.name });
      expect(res.statusCode).toBe(409);
      const error = res.json().error as Record<string, unknown>;
      const keys = Object.keys(error);
      expect(keys).toContain('Dataset › baris 3 › classification');
      expect(keys).toContain('Standar Data › baris 4 › source_kind');
      expect(keys).toContain('MS-Var › baris 3 › konsep');
      expect(keys.some((k) => k.startsWith('MS-Ind › baris 4 › '))).toBe(true);
      expect(String(error['Dataset › baris 3 › classification'])).toContain('rahasia');
      expect(error.__type).toBe('Validation Error');

      const after = await loadDatasetMetadata(t.database.db, dataset.id);
      expect(after).toEqual(before);

      // Not an XLSX at all.
      const junk = await callAction(t.app, 'metadata_worksheet_upload', {
        token: custodian,
        body: { dataset: dataset.name, file: Buffer.from('bukan xlsx').toString('base64') },
      });
      expect(junk.statusCode).toBe(409);
      expect(JSON.stringify(junk.json().error)).toMatch(/XLSX yang dapat dibaca/);
    });

    it('producers may not change data standards through the worksheet; other agencies may not upload', async () => {
      const wb = await download(producer, { dataset: dataset.name });
      fill(wb.getWorksheet(SHEET.standard) as ExcelJS.Worksheet, 3, { title: 'Diubah produsen' });
      const res = await upload(producer, wb, { dataset: dataset.name });
      expect(res.statusCode).toBe(409);
      expect(Object.keys(res.json().error)).toContain('Standar Data › baris 3');
      const other = await createAgency(t.database);
      const stranger = (await userWithToken(t.database, 'producer', other.id)).token;
      const denied = await upload(stranger, wb, { dataset: dataset.name });
      expect([403, 404]).toContain(denied.statusCode);
      const anon = await callAction(t.app, 'metadata_worksheet_download', {
        query: { dataset: dataset.name },
      });
      expect(anon.statusCode).toBe(403);
    });

    it('back office page: download the XLSX, upload it, see the report of a refused upload', async () => {
      const { user } = await buildUser(t.database, { roles: ['producer'], agencyId: agency.id });
      let cookie = await login(t.app, user.username, TEST_PASSWORD);
      const page = await t.app.inject({
        url: `/workspace/worksheet?dataset=${dataset.name}`,
        headers: { cookie },
      });
      expect(page.statusCode).toBe(200);
      cookie = cookieHeader(page, cookie);
      expect(page.body).toContain(`href="/workspace/worksheet.xlsx?dataset=${dataset.name}"`);
      const xlsx = await t.app.inject({
        url: `/workspace/worksheet.xlsx?dataset=${dataset.name}`,
        headers: { cookie },
      });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      fill(wb.getWorksheet(SHEET.msVar) as ExcelJS.Worksheet, 3, { konsep: '' });

      const post = async (content: Buffer) => {
        const action = `/workspace/worksheet?dataset=${dataset.name}`;
        const boundary = `----sd${uniq()}`;
        const payload = Buffer.concat([
          // The CSRF token is the form's first field (never in the URL).
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfFrom(page.body)}\r\n` +
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lk.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          ),
          content,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        return t.app.inject({
          method: 'POST',
          url: action,
          headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload,
        });
      };
      const refused = await post(Buffer.from(await wb.xlsx.writeBuffer()));
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toMatch(/<td>MS-Var<\/td><td>3<\/td><td>konsep<\/td>/);
      fill(wb.getWorksheet(SHEET.msVar) as ExcelJS.Worksheet, 3, { konsep: 'Konsep kecamatan' });
      const saved = await post(Buffer.from(await wb.xlsx.writeBuffer()));
      expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303);
      const done = await t.app.inject({ url: saved.headers.location as string, headers: { cookie } });
      expect(done.body).toContain('Lembar kerja tersimpan');
      const m = await loadDatasetMetadata(t.database.db, dataset.id);
      expect(m.variables.find((v) => v.field_name === 'kecamatan')?.ms_var.konsep).toBe('Konsep kecamatan');
    });

    it('agency names in the scope list are escaped (an agency named <script> is text, not markup)', async () => {
      const hostile = await createAgency(t.database, { name: '<script>alert(1)</script>' });
      const { user } = await buildUser(t.database, { roles: ['producer'], agencyId: hostile.id });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const page = await t.app.inject({ url: '/workspace/worksheet', headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('<script>alert(1)</script>');
      expect(page.body).toContain(`<option value="${hostile.code}">&lt;script>alert(1)&lt;/script></option>`);
    });
  });
}
