import { describe, expect, it } from 'vitest';
import { publicSubject, SUBJECT_MAX } from './public-subject.js';

describe('publicSubject: what the public list shows of a request', () => {
  const person = {
    name: 'Siti Rahmawati',
    email: 'siti.r@contoh.test',
    phone: '0812-3456-7890',
    organisation: 'Universitas Contoh',
  };

  it('takes out the requester’s own name, contacts and organisation wherever written', () => {
    const s = publicSubject(
      'Saya Siti Rahmawati (siti.r@contoh.test / 0812-3456-7890) dari Universitas Contoh meminta data jumlah posyandu; Siti butuh segera',
      person,
    );
    for (const bit of ['Siti', 'Rahmawati', 'siti.r@', '0812', 'Universitas Contoh'])
      expect(s).not.toContain(bit);
    expect(s).toContain('meminta data jumlah posyandu');
  });

  it('masks the organisation only as a whole: its words may be the subject’s', () => {
    const s = publicSubject('Jumlah tenaga kesehatan per puskesmas, untuk LSM Peduli Kesehatan', {
      organisation: 'LSM Peduli Kesehatan',
    });
    expect(s).toBe('Jumlah tenaga kesehatan per puskesmas, untuk …');
  });

  it('masks anything that looks like an e-mail, a phone or an identity number, keeps years and short numbers', () => {
    const s = publicSubject(
      'Hubungi budi@mail.test atau +62 811 2233 4455, NIK 3510123456780001; data 2020–2024 untuk 12 desa',
      {},
    );
    expect(s).not.toMatch(/budi|4455|3510123456780001/);
    expect(s).toContain('2020–2024');
    expect(s).toContain('12 desa');
  });

  it('keeps a purged request’s words (its personal fields are dashes) and cuts long text', () => {
    expect(publicSubject('Data panen jagung', { name: '—', email: '—' })).toBe('Data panen jagung');
    const long = publicSubject('data '.repeat(100), {});
    expect(long.length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(long.endsWith('…')).toBe(true);
  });
});
