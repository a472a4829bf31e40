import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { WorksheetColumn, WorksheetSheet } from '../../src/modules/metadata/worksheet-layout.js';
import { callAction, resultOf, uniq } from './catalog-fixtures.js';
import type { TestApp } from './test-app.js';

/** Helpers of the metadata & SDS worksheet tests: fill a downloaded workbook, upload it. */

/** A valid answer for a column, by kind (choices: the first code). */
export function answer(c: WorksheetColumn, seed: string): string {
  if (c.choices?.length) return c.choices[0]?.code ?? '';
  switch (c.kind) {
    case 'date':
      return '2026-01-15';
    case 'year':
      return '2026';
    case 'number':
      return '12';
    case 'email':
      return 'pj@example.go.id';
    case 'list':
      return `${seed} satu\n${seed} dua`;
    default:
      return `${seed} ${c.key}`;
  }
}

export function sheetKeys(ws: ExcelJS.Worksheet): string[] {
  return (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
}

/** Write `values` (by column key) into row `row` of `ws`. */
export function fill(ws: ExcelJS.Worksheet, row: number, values: Record<string, string>) {
  const keys = sheetKeys(ws);
  for (const [k, v] of Object.entries(values)) {
    const col = keys.indexOf(k);
    if (col < 1) throw new Error(`no column ${k} in ${ws.name}`);
    ws.getCell(row, col).value = v;
  }
}

export function requiredAnswers(sheet: WorksheetSheet, seed: string): Record<string, string> {
  return Object.fromEntries(
    sheet.columns.filter((c) => c.formKey && c.required).map((c) => [c.key, answer(c, seed)]),
  );
}

/** What checkFormValues stores for a cell: lists split by line, multi by ';'. */
export function stored(sheet: WorksheetSheet, values: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      const c = sheet.columns.find((x) => x.key === k);
      return [k, c?.kind === 'list' ? v.split('\n') : c?.kind === 'multi' ? [v] : v];
    }),
  );
}

/** metadata_worksheet_download as a workbook. */
export async function worksheetDownload(t: TestApp, token: string, query: Record<string, string>) {
  const res = await t.app.inject({
    url: `/api/3/action/metadata_worksheet_download?${new URLSearchParams(query)}`,
    headers: { authorization: token },
  });
  const { file, file_name } = await resultOf<{ file: string; file_name: string }>(res);
  expect(file_name).toMatch(/^lembar-kerja-metadata-.*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** metadata_worksheet_upload of a workbook. */
export async function worksheetUpload(
  t: TestApp,
  token: string,
  wb: ExcelJS.Workbook,
  scope: Record<string, string>,
) {
  const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  return callAction(t.app, 'metadata_worksheet_upload', { token, body: { ...scope, file } });
}

/** A private dataset of the producer's agency with one resource whose Table Schema has two columns. */
export async function createWorksheetDataset(t: TestApp, agencyCode: string, producer: string) {
  const dataset = await resultOf<{ id: string; name: string }>(
    callAction(t.app, 'package_create', {
      token: producer,
      body: {
        name: `penduduk-${uniq()}`,
        title: 'Jumlah penduduk',
        owner_org: agencyCode,
        private: true,
        resources: [{ url: 'https://data.example.go.id/penduduk.csv', format: 'CSV', name: 'Tabel' }],
      },
    }),
  );
  const r = await t.database.db
    .selectFrom('resource')
    .select('id')
    .where('dataset_id', '=', dataset.id)
    .executeTakeFirstOrThrow();
  const resourceId = r.id;
  await t.database.db
    .updateTable('resource')
    .set({
      table_schema: JSON.stringify({
        fields: [
          { name: 'kecamatan', type: 'string' },
          { name: 'jumlah', type: 'integer' },
        ],
      }),
    })
    .where('id', '=', resourceId)
    .execute();
  return { dataset, resourceId };
}
