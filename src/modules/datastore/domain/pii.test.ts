import { describe, expect, it } from 'vitest';
import { detectPersonalIdentifiers, looksLikeKk, looksLikeNik, looksLikePhone, maskValue } from './pii.js';

describe(detectPersonalIdentifiers.name, () => {
  it('flags NIK, KK, phone and e-mail columns by their values', () => {
    const flags = detectPersonalIdentifiers(
      ['id_warga', 'kolom_a', 'kontak', 'alamat_kontak', 'jumlah'],
      [
        ['1', '3520064512900003', '0812-3456-7890', 'siti@example.go.id', '12'],
        ['2', '3520061203850001', '+62 813 1111 2222', 'budi@example.com', '7'],
        ['3', '3520062211700002', '6285712345678', 'ani@desa.id', '9'],
      ],
    );
    expect(flags.map((f) => [f.field, f.kinds, f.reasons])).toEqual([
      ['kolom_a', ['nik'], ['values']],
      ['kontak', ['phone'], ['values']],
      ['alamat_kontak', ['email'], ['values']],
    ]);
  });

  it('flags columns by name even when the sample is empty, and KK when the name says so', () => {
    const flags = detectPersonalIdentifiers(['NIK', 'No. KK', 'Telepon', 'HP', 'Email', 'nama'], []);
    expect(flags.map((f) => [f.field, f.kinds])).toEqual([
      ['NIK', ['nik']],
      ['No. KK', ['kk']],
      ['Telepon', ['phone']],
      ['HP', ['phone']],
      ['Email', ['email']],
    ]);
    const kk = detectPersonalIdentifiers(['no_kk'], [{ no_kk: '3520061203150004' }]);
    expect(kk[0]).toMatchObject({ kinds: ['kk'], reasons: ['name', 'values'], matched: 1, sampled: 1 });
  });

  it('does not flag 16-digit numbers without a valid region prefix or date, nor ordinary numbers', () => {
    expect(looksLikeNik('9920064512900003')).toBe(false); // province 99 does not exist
    expect(looksLikeNik('3520001203850001')).toBe(false); // district 00
    expect(looksLikeNik('3520063213850001')).toBe(false); // month 13
    expect(looksLikeNik('3520067203850001')).toBe(false); // day 72 (women: 41–71)
    expect(looksLikeNik('3520061203850000')).toBe(false); // serial 0000
    expect(looksLikeNik('3520064512900003')).toBe(true); // woman born 5 Dec 1990
    expect(looksLikeKk('3520064512900003')).toBe(false); // day 45 is no issue date
    expect(looksLikeNik('3520064512900003', { regionPrefixes: new Set(['352005']) })).toBe(false);
    expect(looksLikePhone('021-5551234')).toBe(false); // a landline, not a mobile
    expect(
      detectPersonalIdentifiers(
        ['tahun', 'jumlah', 'kode_wilayah'],
        [
          ['2024', '1234567890123456', '35.20.06'],
          ['2025', '12', '35.20.07'],
        ],
      ),
    ).toEqual([]);
  });

  it('needs the threshold share of values to match', () => {
    const rows = [['0812345678901'], ['-'], ['tidak ada'], ['n/a']];
    expect(detectPersonalIdentifiers(['kontak'], rows)).toEqual([]);
    expect(detectPersonalIdentifiers(['kontak'], rows, { threshold: 0.25 })[0]?.kinds).toEqual(['phone']);
  });
});

describe(maskValue.name, () => {
  it('masks each kind and keeps the length', () => {
    expect(maskValue('3520064512900003')).toBe('352006**********');
    expect(maskValue('3520064512900003', 'kk')).toBe('352006**********');
    expect(maskValue('081234567890')).toBe('0812******90');
    expect(maskValue('siti@example.go.id')).toBe('s***@example.go.id');
    expect(maskValue('Siti Aminah', undefined)).toBe('Si*********');
    expect(maskValue('')).toBe('');
  });
});
