import { describe, expect, it } from 'vitest';
import { FormErrors } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { urlNameFromTitle } from './dataset-forms.js';

describe('producer ergonomics (issue #17 item 8)', () => {
  it('makes the URL name from the title', () => {
    expect(urlNameFromTitle('Jumlah Penduduk per Kecamatan 2025')).toBe('jumlah-penduduk-per-kecamatan-2025');
    expect(urlNameFromTitle('  Angka Kematian Ibu (AKI) — Kab. Magetan ')).toBe(
      'angka-kematian-ibu-aki-kab-magetan',
    );
    expect(
      urlNameFromTitle(
        'Capaian Imunisasi Dasar Lengkap Bayi Usia 0–11 Bulan di Seluruh Puskesmas Kabupaten Magetan Tahun 2025 Menurut Desa dan Jenis Kelamin',
      ),
    ).toHaveLength(100);
    expect(urlNameFromTitle('Café Ñandú')).toBe('cafe-nandu');
  });

  it('names a refused field by its label, never by its key', () => {
    const ctx = { t: () => 'Periksa isian berikut', locale: 'id' } as unknown as PageContext;
    const html = String(
      FormErrors({
        ctx,
        errors: { name: ['sudah dipakai'], other_key: ['salah'] },
        labels: { name: 'Nama URL' },
      }),
    );
    expect(html).toContain('<strong>Nama URL</strong>');
    expect(html).toContain('salah');
    expect(html).not.toContain('other_key');
    expect(html).not.toMatch(/<strong>name<\/strong>/);
  });
});
