import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { type ListProblem, textOf } from './list-xlsx.js';

/**
 * A reference indicator list (RPJMD, RKPD, SDGs, SPM, Permendagri indicators…) read as needs:
 * one proposal per indicator. XLSX (first sheet) or CSV, with a header row naming at least
 * "Kode Indikator", "Nama Indikator" and "Sumber Referensi" (any order, any case), and
 * optionally "Produsen Data" (agency name, short name or code) and "Keterangan". Every problem
 * is reported with its row and column; the caller refuses the whole file when there is one.
 */

export const NEED_COLUMNS = {
  code: 'Kode Indikator',
  name: 'Nama Indikator',
  source: 'Sumber Referensi',
  agency: 'Produsen Data',
  note: 'Keterangan',
} as const;

export interface NeedRow {
  row: number;
  code: string;
  name: string;
  source: string;
  agencyId: string | null;
  note: string;
}

async function tableOf(buffer: Buffer): Promise<{ sheet: string; cells: string[][] } | null> {
  // An XLSX is a zip (starts with "PK"); anything else is read as CSV text.
  if (buffer.subarray(0, 2).toString('latin1') === 'PK') {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch {
      return null;
    }
    const ws = wb.worksheets[0];
    if (!ws) return null;
    const cells: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const out: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, 5); c++) out.push(textOf(row.getCell(c).value).trim());
      cells.push(out);
    }
    return { sheet: ws.name, cells };
  }
  const parsed = Papa.parse<string[]>(buffer.toString('utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: false,
  });
  return { sheet: 'CSV', cells: parsed.data.map((r) => r.map((c) => String(c ?? '').trim())) };
}

export async function readNeeds(
  buffer: Buffer,
  agencyOf: (text: string) => string | undefined,
): Promise<{ rows: NeedRow[]; problems: ListProblem[] }> {
  const problems: ListProblem[] = [];
  const table = await tableOf(buffer);
  if (!table)
    return {
      rows: [],
      problems: [
        {
          sheet: '',
          row: null,
          column: null,
          message: 'Berkas bukan XLSX atau CSV yang dapat dibaca',
          message_en: 'The file is not a readable XLSX or CSV',
        },
      ],
    };
  const add = (row: number | null, column: string | null, id: string, en: string) =>
    problems.push({ sheet: table.sheet, row, column, message: id, message_en: en });
  const header = (table.cells[0] ?? []).map((h) => h.toLowerCase());
  const at = Object.fromEntries(
    Object.entries(NEED_COLUMNS).map(([k, h]) => [k, header.indexOf(h.toLowerCase())]),
  ) as Record<keyof typeof NEED_COLUMNS, number>;
  for (const k of ['code', 'name', 'source'] as const)
    if (at[k] < 0)
      add(
        1,
        NEED_COLUMNS[k],
        `Kolom "${NEED_COLUMNS[k]}" tidak ada pada baris judul`,
        `Column "${NEED_COLUMNS[k]}" is missing from the header row`,
      );
  if (problems.length) return { rows: [], problems };
  const rows: NeedRow[] = [];
  const seen = new Map<string, number>();
  for (const [i, cells] of table.cells.entries()) {
    if (i === 0 || cells.every((c) => !c)) continue;
    const r = i + 1;
    const cell = (k: keyof typeof NEED_COLUMNS) => (at[k] >= 0 ? (cells[at[k]] ?? '') : '');
    const code = cell('code');
    const name = cell('name');
    const source = cell('source');
    if (!code) add(r, NEED_COLUMNS.code, 'Kode Indikator wajib diisi', 'The indicator code is required');
    if (name.length < 3)
      add(
        r,
        NEED_COLUMNS.name,
        'Nama Indikator wajib diisi (minimal 3 karakter)',
        'The indicator name is required (3 characters at least)',
      );
    else if (name.length > 500)
      add(
        r,
        NEED_COLUMNS.name,
        'Nama Indikator maksimal 500 karakter',
        'The indicator name is 500 characters at most',
      );
    if (!source)
      add(r, NEED_COLUMNS.source, 'Sumber Referensi wajib diisi', 'The source reference is required');
    else if (source.length > 200)
      add(
        r,
        NEED_COLUMNS.source,
        'Sumber Referensi maksimal 200 karakter',
        'The source reference is 200 characters at most',
      );
    let agencyId: string | null = null;
    const agency = cell('agency');
    if (agency) {
      agencyId = agencyOf(agency) ?? null;
      if (!agencyId)
        add(
          r,
          NEED_COLUMNS.agency,
          `Perangkat daerah "${agency}" tidak dikenal`,
          `Agency "${agency}" is not known`,
        );
    }
    const key = `${source.toLowerCase()}|${code.toLowerCase()}`;
    if (code && source) {
      const first = seen.get(key);
      if (first !== undefined)
        add(
          r,
          NEED_COLUMNS.code,
          `Indikator ${code} (${source}) sudah ada di baris ${first}`,
          `Indicator ${code} (${source}) is already in row ${first}`,
        );
      else seen.set(key, r);
    }
    rows.push({ row: r, code, name, source, agencyId, note: cell('note').slice(0, 3000) });
  }
  if (rows.length === 0 && problems.length === 0)
    add(null, null, 'Daftar indikator tidak berisi baris', 'The indicator list holds no rows');
  return { rows, problems };
}
