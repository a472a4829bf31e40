import Papa from 'papaparse';
import type { Bilingual } from '../../../kernel/errors.js';

/** One item of a code list as uploaded (CSV columns code,label,label_en,parent). */
export interface CodeListItemInput {
  code: string;
  label: string;
  label_en?: string | undefined;
  parent?: string | undefined;
}

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,99}$/;

/** Problems of an item list, keyed `row N` (CSV rows count the header as row 1) or `file`. */
export type ItemErrors = Record<string, Bilingual[]>;

function add(errors: ItemErrors, key: string, msg: Bilingual) {
  errors[key] = [...(errors[key] ?? []), msg];
}

/**
 * Check a full list of items: codes well-formed and unique, labels present, parents present in
 * the same list and not the item itself. `rowOf(i)` names the row for messages.
 */
export function checkItems(items: CodeListItemInput[], rowOf: (i: number) => string): ItemErrors {
  const errors: ItemErrors = {};
  const codes = new Set(items.map((i) => i.code));
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const row = rowOf(i);
    if (!CODE_PATTERN.test(item.code))
      add(errors, row, {
        id: `Kolom code: "${item.code}" bukan kode yang sah (huruf, angka, . _ - /; maks. 100)`,
        en: `Column code: "${item.code}" is not a valid code (letters, digits, . _ - /; max 100)`,
      });
    else if (seen.has(item.code))
      add(errors, row, {
        id: `Kolom code: kode ${item.code} ganda`,
        en: `Column code: duplicate code ${item.code}`,
      });
    seen.add(item.code);
    if (!item.label.trim() || item.label.length > 500)
      add(errors, row, {
        id: 'Kolom label: wajib diisi (maks. 500 karakter)',
        en: 'Column label: required (max 500 characters)',
      });
    if (item.parent && (!codes.has(item.parent) || item.parent === item.code))
      add(errors, row, {
        id: `Kolom parent: kode induk ${item.parent} tidak ada di daftar`,
        en: `Column parent: parent code ${item.parent} is not in the list`,
      });
  });
  if (items.length === 0) add(errors, 'file', { id: 'Daftar kode kosong', en: 'The code list is empty' });
  return errors;
}

/**
 * Read a CSV upload of a code list: a header row with `code` and `label` (and optionally
 * `label_en`, `parent`), comma or semicolon separated. Returns the items or the errors by row.
 */
export function parseCodeListCsv(csv: string): { items: CodeListItemInput[]; errors: ItemErrors } {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const errors: ItemErrors = {};
  const fields = parsed.meta.fields ?? [];
  for (const col of ['code', 'label'])
    if (!fields.includes(col))
      add(errors, 'file', {
        id: `Kolom ${col} tidak ada di baris judul (kolom: code,label,label_en,parent)`,
        en: `Column ${col} is missing from the header row (columns: code,label,label_en,parent)`,
      });
  if (Object.keys(errors).length) return { items: [], errors };
  const items = parsed.data.map((r) => ({
    code: (r.code ?? '').trim(),
    label: (r.label ?? '').trim(),
    label_en: r.label_en?.trim() || undefined,
    parent: r.parent?.trim() || undefined,
  }));
  return { items, errors: checkItems(items, (i) => `row ${i + 2}`) };
}
