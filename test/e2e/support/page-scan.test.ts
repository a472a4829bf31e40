import { describe, expect, it } from 'vitest';
import { findLeak } from './page-scan.js';

describe(findLeak.name, () => {
  it.each([
    ['Akses ditolak: user:read', 'a permission name'],
    ['Referensi: region:district', 'a permission name'],
    ['Dibuat oleh 3d232975-d14b-4ae9-ae0b-699688ecf619', 'a UUID'],
    ['license_id: cc-by', 'a raw key'],
    ['Catatan: sub.fieldNoteFor', 'a raw key'],
  ])('finds the leak in "%s"', (text, what) => {
    expect(findLeak(text)?.what).toBe(what);
  });

  it('lets what people read pass', () => {
    expect(
      findLeak('Lisensi: Creative Commons Attribution 4.0 · Frekuensi: Tahunan · 16.232 jiwa · 07:30'),
    ).toBeNull();
  });
});
