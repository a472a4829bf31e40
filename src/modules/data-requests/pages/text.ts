import type { Bilingual } from '../../../kernel/errors.js';
import { formatDateTime, type Locale, pick } from '../../../kernel/i18n/i18n.js';

/** One of two languages of an inline bilingual text (the service's pages keep their words beside them). */
export function say(locale: Locale, text: Bilingual): string {
  return pick(locale, text);
}

export const b = (id: string, en: string): Bilingual => ({ id, en });

/** A date-time on the region's clock, or a dash. */
export function when(locale: Locale, d: Date | string | null | undefined, timeZone?: string): string {
  return d ? formatDateTime(locale, d, timeZone) : '—';
}

export const STATE_TEXT: Record<string, Bilingual> = {
  unverified: b('Menunggu konfirmasi surel', 'Waiting for e-mail confirmation'),
  open: b('Sedang diproses', 'In progress'),
  delivered: b('Selesai: data disampaikan', 'Done: data delivered'),
  not_available: b('Selesai: data tidak tersedia', 'Done: data not available'),
};

/** The nine IKM service elements (PermenPAN-RB 14/2017). */
export const IKM_ELEMENT_TEXT: Bilingual[] = [
  b('Persyaratan', 'Requirements'),
  b('Sistem, mekanisme, dan prosedur', 'Systems, mechanisms and procedures'),
  b('Waktu penyelesaian', 'Completion time'),
  b('Biaya/tarif', 'Cost'),
  b('Produk spesifikasi jenis pelayanan', 'Service product'),
  b('Kompetensi pelaksana', 'Staff competence'),
  b('Perilaku pelaksana', 'Staff conduct'),
  b('Penanganan pengaduan, saran dan masukan', 'Handling of complaints and suggestions'),
  b('Sarana dan prasarana', 'Facilities'),
];

export const SCORE_TEXT: Bilingual[] = [
  b('1 — Tidak baik', '1 — Poor'),
  b('2 — Kurang baik', '2 — Fair'),
  b('3 — Baik', '3 — Good'),
  b('4 — Sangat baik', '4 — Very good'),
];
