import type { AddProblem } from './check-steps.js';
import { isObject } from './check-steps.js';

/**
 * The identity sheet of an SOP in the government's standard format (PermenPAN-RB 35/2012), as
 * the signed document writes it: dates are kept as written ("Oktober 2024", "26 Januari 2024")
 * because the seeds give months without days; null where the document leaves a field blank.
 */
export interface SopIdentity {
  /** Header lines, top to bottom: "PEMERINTAH KABUPATEN MAGETAN", "DINAS …", a division. */
  header: string[];
  /** Nama / Judul SOP. */
  name: string;
  /** Nomor SOP. */
  number: string | null;
  madeOn: string | null;
  revisedOn: string | null;
  ratifiedOn: string | null;
  effectiveOn: string | null;
  /** Disahkan oleh: the office, and the signatory's name, rank and NIP lines when written. */
  ratifiedBy: string[];
  legalBasis: string[];
  /** Kualifikasi Pelaksana. */
  qualifications: string[];
  /** Keterkaitan: related SOPs or bodies. */
  relatedSops: string[];
  /** Peralatan / Perlengkapan. */
  equipment: string[];
  /** Peringatan. */
  warnings: string[];
  /** Pencatatan dan Pendataan. */
  records: string[];
  /** Pelaksana: the executor columns of the procedure table, in order. */
  executors: string[];
}

const TEXT_FIELDS = ['number', 'madeOn', 'revisedOn', 'ratifiedOn', 'effectiveOn'] as const;
const LIST_FIELDS = [
  'header',
  'ratifiedBy',
  'legalBasis',
  'qualifications',
  'relatedSops',
  'equipment',
  'warnings',
  'records',
  'executors',
] as const;

const LABELS: Record<string, { id: string; en: string }> = {
  number: { id: 'Nomor SOP', en: 'SOP number' },
  madeOn: { id: 'tanggal pembuatan', en: 'date made' },
  revisedOn: { id: 'tanggal revisi', en: 'date revised' },
  ratifiedOn: { id: 'tanggal pengesahan', en: 'date ratified' },
  effectiveOn: { id: 'tanggal efektif', en: 'effective date' },
  header: { id: 'kepala dokumen', en: 'document header' },
  ratifiedBy: { id: 'disahkan oleh', en: 'ratified by' },
  legalBasis: { id: 'dasar hukum', en: 'legal basis' },
  qualifications: { id: 'kualifikasi pelaksana', en: 'qualifications of executors' },
  relatedSops: { id: 'keterkaitan', en: 'related SOPs' },
  equipment: { id: 'peralatan/perlengkapan', en: 'equipment' },
  warnings: { id: 'peringatan', en: 'warnings' },
  records: { id: 'pencatatan dan pendataan', en: 'records' },
  executors: { id: 'pelaksana', en: 'executors' },
};

/** Problems of an optional `identity`: a name, text-or-null dates and number, lists of text. */
export function checkIdentity(raw: unknown, add: AddProblem): void {
  if (raw === undefined) return;
  if (!isObject(raw)) {
    add('identity', 'identitas SOP harus berupa objek', 'the SOP identity must be an object');
    return;
  }
  if (typeof raw.name !== 'string' || raw.name.trim() === '') {
    add('identity.name', 'nama SOP pada identitas belum diisi', 'the SOP name in the identity is missing');
  }
  for (const field of TEXT_FIELDS) {
    const v = raw[field];
    if (v !== null && typeof v !== 'string') {
      const l = LABELS[field] ?? { id: field, en: field };
      add(`identity.${field}`, `${l.id} harus berupa teks atau kosong`, `${l.en} must be text or empty`);
    }
  }
  for (const field of LIST_FIELDS) {
    const v = raw[field];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      const l = LABELS[field] ?? { id: field, en: field };
      add(`identity.${field}`, `${l.id} harus berupa daftar teks`, `${l.en} must be a list of text`);
    }
  }
}

/** Each step's optional SOP row number: short text, used once. */
export function checkSopNumbers(steps: unknown[], add: AddProblem): void {
  const seen = new Map<string, number>();
  steps.forEach((raw, i) => {
    if (!isObject(raw) || raw.sopNo === undefined) return;
    const no = raw.sopNo;
    if (typeof no !== 'string' || !/^[0-9A-Za-z.+-]{1,10}$/.test(no)) {
      add(
        `steps.${i}.sopNo`,
        `langkah ${i + 1}: nomor baris SOP '${String(no)}' harus teks pendek seperti '3' atau '2b'`,
        `step ${i + 1}: SOP row number '${String(no)}' must be short text such as '3' or '2b'`,
      );
    } else if (seen.has(no)) {
      add(
        `steps.${i}.sopNo`,
        `nomor baris SOP '${no}' dipakai dua kali (langkah ${(seen.get(no) ?? 0) + 1} dan ${i + 1})`,
        `SOP row number '${no}' is used twice (steps ${(seen.get(no) ?? 0) + 1} and ${i + 1})`,
      );
    } else {
      seen.set(no, i);
    }
  });
}
