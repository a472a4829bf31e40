import ExcelJS from 'exceljs';
import type { FormDefinition, FormField } from './domain/form.js';
import { displayValue, type FormValues } from './domain/form-values.js';
import { MS_IND } from './domain/ms-ind.js';
import { MS_KEG, RECOMMENDATION_STATUSES } from './domain/ms-keg.js';
import { MS_VAR } from './domain/ms-var.js';
import type { MetadataDocument } from './metadata-document.js';

/**
 * MS-Keg, MS-Var and MS-Ind as XLSX with BPS's questions in BPS's order and wording, so a
 * producer copies them into INDAH without retyping. Each sheet also names the field keys (the
 * last column) so the workbook can be read back by machine. Answers are written in Indonesian.
 */

const BOLD = { bold: true } as const;

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Satu Data';
  wb.created = new Date(0);
  return wb;
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The identity lines above the MS-Var and MS-Ind tables, linking them to their MS-Keg. */
function headerRows(sheet: ExcelJS.Worksheet, def: FormDefinition, doc: MetadataDocument): void {
  const a = doc.statistical_activity;
  sheet.addRow([def.title.id.toUpperCase()]).font = { bold: true, size: 13 };
  sheet.addRow(['Nama Kegiatan', a?.title ?? '']);
  sheet.addRow(['Kode Kegiatan', a?.activity_code ?? '']);
  sheet.addRow([
    'Penyelenggara',
    (a?.ms_keg.instansi_penyelenggara as string | undefined) ?? a?.agency_name ?? '',
  ]);
  sheet.addRow(['Dataset', doc.title]);
  sheet.addRow([]);
}

/** MS-Keg: one question per row, grouped under BPS's block headings. */
export async function msKegWorkbook(doc: MetadataDocument): Promise<Buffer> {
  const wb = workbook();
  const sheet = wb.addWorksheet('MS-Keg');
  sheet.columns = [{ width: 8 }, { width: 60 }, { width: 60 }, { width: 28 }];
  sheet.addRow([MS_KEG.title.id.toUpperCase()]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  sheet.addRow(['No', 'Pertanyaan', 'Isian', 'Kunci']).font = BOLD;
  const a = doc.statistical_activity;
  const values: FormValues = a?.ms_keg ?? {};
  for (const block of MS_KEG.blocks) {
    const heading = block.no ? `${block.no}. ${block.label.id.toUpperCase()}` : block.label.id.toUpperCase();
    sheet.addRow(['', heading]).font = BOLD;
    for (const f of MS_KEG.fields.filter((x) => x.block === block.key))
      sheet.addRow([
        f.no,
        f.required ? `${f.label.id} *` : f.label.id,
        displayValue(f, values[f.key], 'id'),
        f.key,
      ]);
    if (block.key === 'identitas') {
      const status = RECOMMENDATION_STATUSES.find((s) => s.code === a?.recommendation_status);
      sheet.addRow(['', 'Kode Kegiatan (dari BPS)', a?.activity_code ?? '', 'activity_code']);
      sheet.addRow([
        '',
        'Status Rekomendasi Kegiatan Statistik (Romantik)',
        status?.id ?? '',
        'recommendation_status',
      ]);
      sheet.addRow(['', 'Nomor Surat Rekomendasi', a?.recommendation_number ?? '', 'recommendation_number']);
      sheet.addRow(['', 'Tanggal Surat Rekomendasi', a?.recommendation_date ?? '', 'recommendation_date']);
    }
  }
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return toBuffer(wb);
}

/** A table: BPS's questions as column headings (in order), one row per variable or indicator. */
function formTable(
  sheet: ExcelJS.Worksheet,
  fields: readonly FormField[],
  rows: FormValues[],
  first: string[],
): void {
  const head = sheet.addRow([
    'No',
    ...fields.map((f) => (f.required ? `${f.label.id} *` : f.label.id)),
    ...first,
  ]);
  head.font = BOLD;
  head.alignment = { wrapText: true, vertical: 'top' };
  sheet.addRow(['', ...fields.map((f) => f.key)]).font = { italic: true, color: { argb: 'FF666666' } };
  rows.forEach((values, i) => {
    sheet.addRow([i + 1, ...fields.map((f) => displayValue(f, values[f.key], 'id'))]);
  });
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 6 : 24;
  });
}

/** MS-Var: one row per column of every tabular resource. */
export async function msVarWorkbook(doc: MetadataDocument): Promise<Buffer> {
  const wb = workbook();
  const sheet = wb.addWorksheet('MS-Var');
  headerRows(sheet, MS_VAR, doc);
  formTable(
    sheet,
    MS_VAR.fields,
    doc.variables.map((v) => v.ms_var),
    [],
  );
  return toBuffer(wb);
}

/** MS-Ind: one row per indicator; BPS's sixteen questions first, then Satu Data's additions. */
export async function msIndWorkbook(doc: MetadataDocument): Promise<Buffer> {
  const wb = workbook();
  const sheet = wb.addWorksheet('MS-Ind');
  headerRows(sheet, MS_IND, doc);
  const fields = [...MS_IND.fields.filter((f) => !f.extension), ...MS_IND.fields.filter((f) => f.extension)];
  formTable(
    sheet,
    fields,
    doc.indicators.map((i) => i.ms_ind),
    [],
  );
  return toBuffer(wb);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
