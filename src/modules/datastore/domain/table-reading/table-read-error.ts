/**
 * The one error the table readers throw: what is wrong with the file, in Bahasa Indonesia and
 * English, naming the file (and the row or limit when there is one), never a stack trace.
 */
import { AppError, type Bilingual } from '../../../../kernel/errors.js';

export type TableReadProblem =
  | 'empty'
  | 'binary'
  | 'invalid-utf8'
  | 'no-header'
  | 'no-rows'
  | 'row-too-long'
  | 'encrypted'
  | 'not-xlsx'
  | 'corrupt'
  | 'too-large'
  | 'zip-bomb'
  | 'sheet-not-found';

/** Details some messages need. */
export interface ProblemDetail {
  /** A byte offset or a limit, in bytes. */
  bytes?: number;
  /** A compression-ratio limit. */
  ratio?: number;
  sheet?: string;
  sheets?: readonly string[];
}

type MessageBuilder = (file: string, detail: ProblemDetail) => Bilingual;

/** A size for people: `8 MB`, `512 KB`, `300 bytes`. */
function formatSize(bytes = 0): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const MESSAGES: Record<TableReadProblem, MessageBuilder> = {
  empty: (f) => ({ id: `Berkas "${f}" kosong.`, en: `File "${f}" is empty.` }),
  binary: (f) => ({
    id: `Berkas "${f}" bukan berkas teks CSV (isinya biner).`,
    en: `File "${f}" is not a CSV text file (its content is binary).`,
  }),
  'invalid-utf8': (f, d) => ({
    id: `Berkas "${f}" rusak: teks UTF-8 tidak valid sekitar bita ke-${d.bytes}. Simpan ulang sebagai "CSV UTF-8".`,
    en: `File "${f}" is damaged: invalid UTF-8 text near byte ${d.bytes}. Save it again as "CSV UTF-8".`,
  }),
  'no-header': (f) => ({
    id: `Baris judul kolom tidak ditemukan di berkas "${f}": baris pertama tabel harus berisi nama kolom.`,
    en: `No header row found in file "${f}": the first row of the table must hold the column names.`,
  }),
  'no-rows': (f) => ({
    id: `Berkas "${f}" hanya berisi judul kolom, tanpa baris data.`,
    en: `File "${f}" has a header but no data rows.`,
  }),
  'row-too-long': (f, d) => ({
    id: `Berkas "${f}" memiliki baris lebih dari ${formatSize(d.bytes)}; kemungkinan ada tanda kutip (") yang tidak ditutup.`,
    en: `File "${f}" has a row longer than ${formatSize(d.bytes)}; probably a quote (") that is never closed.`,
  }),
  encrypted: (f) => ({
    id: `Berkas "${f}" dilindungi kata sandi atau berformat Excel 97-2003 (.xls). Buka di Excel, hapus kata sandi, lalu simpan sebagai .xlsx.`,
    en: `File "${f}" is password-protected or an Excel 97-2003 (.xls) workbook. Open it in Excel, remove the password and save it as .xlsx.`,
  }),
  'not-xlsx': (f) => ({
    id: `Berkas "${f}" bukan berkas Excel .xlsx.`,
    en: `File "${f}" is not an Excel .xlsx file.`,
  }),
  corrupt: (f) => ({
    id: `Berkas "${f}" rusak atau tidak lengkap (arsip .xlsx tidak dapat dibaca). Unggah ulang berkasnya.`,
    en: `File "${f}" is damaged or incomplete (the .xlsx archive cannot be read). Upload the file again.`,
  }),
  'too-large': (f, d) => ({
    id: `Berkas "${f}" ditolak: isinya setelah diekstrak melebihi batas ${formatSize(d.bytes)}.`,
    en: `File "${f}" refused: its extracted content exceeds the ${formatSize(d.bytes)} limit.`,
  }),
  'zip-bomb': (f, d) => ({
    id: `Berkas "${f}" ditolak: rasio kompresinya melebihi ${d.ratio}:1, tidak wajar untuk lembar kerja (kemungkinan zip bomb).`,
    en: `File "${f}" refused: its compression ratio exceeds ${d.ratio}:1, implausible for a spreadsheet (probably a zip bomb).`,
  }),
  'sheet-not-found': (f, d) => ({
    id: `Lembar "${d.sheet}" tidak ada di berkas "${f}". Lembar yang ada: ${(d.sheets ?? []).join(', ') || '-'}.`,
    en: `Sheet "${d.sheet}" is not in file "${f}". Sheets found: ${(d.sheets ?? []).join(', ') || '-'}.`,
  }),
};

/** A file the readers cannot turn into a table; 409 at the API, as CKAN's validation errors. */
export class TableReadError extends AppError {
  readonly status = 409;
  constructor(
    readonly problem: TableReadProblem,
    readonly fileName: string,
    detail: ProblemDetail = {},
  ) {
    super(MESSAGES[problem](fileName, detail));
  }
}
