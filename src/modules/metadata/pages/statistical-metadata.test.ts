import { describe, expect, it } from 'vitest';
import { variableTable } from './statistical-metadata.js';

describe('the public MS-Var table (issue #17 item 7)', () => {
  const jumlah = { nama_variabel: 'Jumlah penduduk', alias: 'jumlah', tipe_data: 'integer', satuan: 'jiwa' };
  const kode = { nama_variabel: 'kode_kecamatan', alias: 'kode_kecamatan', tipe_data: 'string' };

  it('lists a column shared by several tables once, and drops columns empty in every row', () => {
    const t = variableTable(
      [{ ms_var: jumlah }, { ms_var: kode }, { ms_var: jumlah }, { ms_var: kode }],
      'id',
    );
    expect(t.rows).toHaveLength(2);
    expect(new Set(t.headers).size).toBe(t.headers.length);
    expect(t.headers).not.toContain('Definisi');
    for (const row of t.rows) expect(row).toHaveLength(t.headers.length);
  });

  it('does not repeat the name as its alias', () => {
    const t = variableTable([{ ms_var: kode }], 'en');
    expect(t.rows[0]?.filter((c) => c === 'kode_kecamatan')).toHaveLength(1);
    const both = variableTable([{ ms_var: jumlah }], 'id');
    expect(both.rows[0]).toContain('jumlah');
  });
});
