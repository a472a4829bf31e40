/**
 * The bilingual messages of the validation report. Each names the row, the column and the
 * value, so a producer can find the cell in the file: "Baris 12, kolom 'jumlah_penduduk':
 * '12,5a' bukan bilangan" / "Row 12, column 'jumlah_penduduk': '12,5a' is not a number".
 */
import type { FieldType } from '../../../../kernel/table-schema/table-schema.js';
import type { ValidationExample } from './validation-report.js';

const MAX_SHOWN = 80;

/** The value as quoted in a message, shortened when long. */
export function shown(value: string): string {
  return value.length > MAX_SHOWN ? `'${value.slice(0, MAX_SHOWN)}…'` : `'${value}'`;
}

export function cellExample(
  row: number,
  column: string,
  value: string | null,
  id: string,
  en: string,
): ValidationExample {
  return {
    row,
    column,
    value,
    message: `Baris ${row}, kolom '${column}': ${id}`,
    message_en: `Row ${row}, column '${column}': ${en}`,
  };
}

const TYPE_NAMES: Record<FieldType, { id: string; en: string }> = {
  string: { id: 'teks', en: 'text' },
  integer: { id: 'bilangan bulat', en: 'a whole number' },
  number: { id: 'bilangan', en: 'a number' },
  boolean: { id: 'ya/tidak (ya, tidak, true, false)', en: 'yes/no (ya, tidak, true, false)' },
  date: { id: 'tanggal', en: 'a date' },
  year: { id: 'tahun (4 angka)', en: 'a year (4 digits)' },
  yearmonth: { id: 'bulan dan tahun', en: 'a month and year' },
};

export function typeNames(type: FieldType): { id: string; en: string } {
  return TYPE_NAMES[type];
}

export function typeError(row: number, column: string, value: string, type: FieldType): ValidationExample {
  const name = TYPE_NAMES[type];
  return cellExample(
    row,
    column,
    value,
    `${shown(value)} bukan ${name.id}`,
    `${shown(value)} is not ${name.en}`,
  );
}

export function mixedStyleError(
  row: number,
  column: string,
  value: string,
  earlier: { row: number; value: string },
): ValidationExample {
  return cellExample(
    row,
    column,
    value,
    `${shown(value)} ditulis dengan titik desimal, tetapi ${shown(earlier.value)} di baris ${earlier.row} terbaca sebagai ribuan; tulis angka kolom ini dengan satu gaya`,
    `${shown(value)} uses a decimal point, but ${shown(earlier.value)} in row ${earlier.row} was read with a thousands separator; write this column's numbers in one style`,
  );
}

export function requiredError(row: number, column: string): ValidationExample {
  return cellExample(
    row,
    column,
    null,
    'nilai wajib diisi tetapi kosong',
    'a value is required but the cell is empty',
  );
}

export function belowMinimum(row: number, column: string, value: string, minimum: string): ValidationExample {
  return cellExample(
    row,
    column,
    value,
    `${shown(value)} lebih kecil dari batas bawah ${minimum}`,
    `${shown(value)} is below the minimum ${minimum}`,
  );
}

export function aboveMaximum(row: number, column: string, value: string, maximum: string): ValidationExample {
  return cellExample(
    row,
    column,
    value,
    `${shown(value)} lebih besar dari batas atas ${maximum}`,
    `${shown(value)} is above the maximum ${maximum}`,
  );
}

export function tooShort(row: number, column: string, value: string, minLength: number): ValidationExample {
  return cellExample(
    row,
    column,
    value,
    `${shown(value)} lebih pendek dari ${minLength} karakter`,
    `${shown(value)} is shorter than ${minLength} characters`,
  );
}

export function tooLong(row: number, column: string, value: string, maxLength: number): ValidationExample {
  return cellExample(
    row,
    column,
    value,
    `${shown(value)} lebih panjang dari ${maxLength} karakter`,
    `${shown(value)} is longer than ${maxLength} characters`,
  );
}

export function patternError(row: number, column: string, value: string, pattern: string): ValidationExample {
  return cellExample(
    row,
    column,
    value,
    `${shown(value)} tidak sesuai pola ${pattern}`,
    `${shown(value)} does not match the pattern ${pattern}`,
  );
}

export function enumError(
  row: number,
  column: string,
  value: string,
  allowed: readonly string[],
): ValidationExample {
  const list = allowed.length > 10 ? `${allowed.slice(0, 10).join(', ')}, …` : allowed.join(', ');
  return cellExample(
    row,
    column,
    value,
    `${shown(value)} bukan salah satu dari: ${list}`,
    `${shown(value)} is not one of: ${list}`,
  );
}

export function uniqueError(row: number, column: string, value: string, firstRow: number): ValidationExample {
  return cellExample(
    row,
    column,
    value,
    `${shown(value)} sudah ada di baris ${firstRow}; nilai kolom ini harus unik`,
    `${shown(value)} already appears in row ${firstRow}; values in this column must be unique`,
  );
}

export function primaryKeyError(
  row: number,
  columns: readonly string[],
  value: string,
  firstRow: number,
): ValidationExample {
  const names = columns.map((c) => `'${c}'`).join(', ');
  return {
    row,
    column: columns.join(', '),
    value,
    message: `Baris ${row}, kunci ${names}: ${shown(value)} sudah ada di baris ${firstRow}`,
    message_en: `Row ${row}, key ${names}: ${shown(value)} already appears in row ${firstRow}`,
  };
}

const REFERENCE_NAMES: Record<string, { id: string; en: string }> = {
  'region:province': { id: 'kode provinsi', en: 'province code' },
  'region:regency': { id: 'kode kabupaten/kota', en: 'regency/city code' },
  'region:district': { id: 'kode kecamatan', en: 'district code' },
  'region:village': { id: 'kode desa/kelurahan', en: 'village code' },
};

export function foreignKeyError(
  row: number,
  column: string,
  value: string,
  reference: string,
): ValidationExample {
  const known = REFERENCE_NAMES[reference];
  const name = known ?? {
    id: `kode dalam daftar '${reference.replace(/^codelist:/, '')}'`,
    en: `code in the list '${reference.replace(/^codelist:/, '')}'`,
  };
  return cellExample(
    row,
    column,
    value,
    `${shown(value)} bukan ${name.id} yang dikenal`,
    `${shown(value)} is not a known ${name.en}`,
  );
}

export function missingColumn(column: string): ValidationExample {
  return {
    row: null,
    column,
    value: null,
    message: `Kolom '${column}' tidak ada di berkas`,
    message_en: `Column '${column}' is missing from the file`,
  };
}

export function extraColumn(column: string, position: number): ValidationExample {
  return {
    row: null,
    column,
    value: null,
    message: `Kolom ke-${position} '${column}' tidak ada di skema tabel`,
    message_en: `Column ${position} '${column}' is not in the table schema`,
  };
}

export function blankRows(first: number, last: number): ValidationExample {
  const rows = first === last ? `Baris ${first}` : `Baris ${first}–${last}`;
  const rowsEn = first === last ? `Row ${first}` : `Rows ${first}–${last}`;
  return {
    row: first,
    column: null,
    value: null,
    message: `${rows} kosong di tengah tabel; hapus baris kosong`,
    message_en: `${rowsEn} blank inside the table; remove blank rows`,
  };
}

export function extraCell(row: number, position: number, value: string): ValidationExample {
  return {
    row,
    column: null,
    value,
    message: `Baris ${row}: sel ke-${position} ${shown(value)} berada di luar kolom tabel`,
    message_en: `Row ${row}: cell ${position} ${shown(value)} lies outside the table's columns`,
  };
}

export function sumMismatch(
  row: number,
  column: string,
  value: string,
  parts: readonly string[],
  sum: string,
): ValidationExample {
  const names = parts.map((p) => `'${p}'`).join(' + ');
  return cellExample(
    row,
    column,
    value,
    `${shown(value)} tidak sama dengan ${names} = ${sum}`,
    `${shown(value)} does not equal ${names} = ${sum}`,
  );
}

export function periodChange(
  row: number,
  column: string,
  value: string,
  percent: number,
  previous: { period: string; value: string; row: number },
): ValidationExample {
  const change = `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%`;
  return cellExample(
    row,
    column,
    value,
    `${shown(value)} berubah ${change.replace('.', ',')} dari periode sebelumnya ${previous.period} (${previous.value}, baris ${previous.row})`,
    `${shown(value)} changed ${change} from the previous period ${previous.period} (${previous.value}, row ${previous.row})`,
  );
}
