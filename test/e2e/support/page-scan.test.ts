import { describe, expect, it } from 'vitest';
import { findLeak } from './page-scan.js';

describe(findLeak.name, () => {
  it.each([
    ['Akses ditolak: user:read', 'a permission name'],
    ['Referensi: region:district', 'a permission name'],
    ['Dibuat oleh 3d232975-d14b-4ae9-ae0b-699688ecf619', 'a UUID'],
    ['license_id: cc-by', 'a raw key'],
    ['Catatan: sub.fieldNoteFor', 'a raw key'],
    ['Sumber SOP: Provinsi Jawa Tengah (000_d7c36ee3170075eb.txt)', 'a file name'],
    ['dataset_update dataset {}', 'an empty object'],
    ['Ringkasan: {}', 'an empty object'],
    ['Valid: 18 rows dimuat', 'English inside Indonesian'],
  ])('finds the leak in "%s"', (text, what) => {
    expect(findLeak(text)?.what).toBe(what);
  });

  it('lets what people read pass', () => {
    expect(
      findLeak('Lisensi: Creative Commons Attribution 4.0 · Frekuensi: Tahunan · 16.232 jiwa · 07:30'),
    ).toBeNull();
    expect(findLeak('Baris 1–20 dari 45 · berkas penduduk_2024.csv · {"a":1}')).toBeNull();
    // English counts are the English page's words.
    expect(findLeak('Rows 1–20 of 45 · 18 rows loaded', 'en')).toBeNull();
  });
});
