import { row, type SeedTable } from './types.js';

/**
 * 003_31bd3ce15f6acb6b.txt holds two SOPs of Diskominfo Banyuwangi. Their steps name who acts,
 * so every executor is known. In the first, row 2's requirement ends in a cut-off "dan" (kept
 * out). In the second, the flowchart survived as a graph: Pengguna Data → Subkoord → Staf →
 * decision (→ Subkoord → OPD → decision …, or → Staf) → End.
 */
export const BANYUWANGI_DISEMINASI_TABLE: SeedTable = {
  seed: '003_31bd3ce15f6acb6b.txt',
  presetKey: 'banyuwangi-diseminasi-data',
  name: 'Diseminasi Data Sektoral ke Portal Satu Data',
  executors: [
    'Sekretariat',
    'Staf Statistik',
    'Subkoord Statistik',
    'Kepala Bidang',
    'Sekretaris',
    'Kepala Dinas',
  ],
  rows: [
    row(
      '1',
      'Sub Koordinator Statistik membuat Konsep Diseminasi Data Sektoral melalui website Portal Data dari hasil olahan data sektoral',
      'Sub Koordinator Statistik',
      ['Konsep Diseminasi'],
      '120 menit',
      ['Disposisi Kepada Staf Statistik'],
    ),
    row(
      '2',
      'Staf Statistik membuat diseminasi data sektoral beserta narasi untuk di publikasi pada website portal satu data',
      'Staf Statistik',
      ['Disposisi Sub Koordinator Statistik'],
      '240 menit',
      ['Paparan / Infografis'],
    ),
    row(
      '3',
      'Staf Statistik mengajukan hasil untuk dikoreksi oleh Sub Koordinator Statistik',
      'Staf Statistik',
      ['Data Sektoral yang telah diolah dan dianalisa serta disetujui oleh Kepala Bidang Statistik'],
      '20 menit',
      ['Paparan / Infografis yang telah dikoreksi'],
    ),
    row(
      '4',
      'Subkoordinator Statistik memeriksa hasil diseminasi data sektoral yang akan dipublikasi pada Portal Satu Data',
      'Subkoordinator Statistik',
      ['Paparan / Infografis'],
      '30 menit',
      ['Paparan / Infografis yang telah diparaf dan disetujui Sub Koordinator Statistik'],
    ),
    row(
      '5',
      'Kepala Bidang Statistik memeriksa hasil diseminasi data sektoral yang akan dipublikasi pada Portal Satu Data',
      'Kepala Bidang Statistik',
      ['Paparan / Infografis yang telah diparaf dan disetujui oleh Sub Koordinator Statistik'],
      '30 menit',
      ['Paparan / Infografis yang telah diparaf dan disetujui Kepala Bidang Statistik'],
    ),
    row(
      '6',
      'Jika sudah disetujui oleh kabid, staf statistik mengunggah deseminasi data sektoral pada Portal Satu Data',
      'Staf Statistik',
      ['Paparan / Infografis yang telah diparaf dan disetujui oleh Kepala Bidang Statistik'],
      '15 menit',
      ['Paparan/Infografis diupload / selesai'],
    ),
  ],
};

export const BANYUWANGI_PERMINTAAN_TABLE: SeedTable = {
  seed: '003_31bd3ce15f6acb6b.txt',
  presetKey: 'banyuwangi-layanan-permintaan-data',
  name: 'Layanan Permintaan Data Sektoral',
  executors: [
    'Pengguna Data',
    'Staf Statistik',
    'Subkoord Statistik',
    'Kepala Bidang',
    'Kepala Dinas',
    'OPD / Produsen Data',
  ],
  rows: [
    row(
      '1',
      'Pengguna Data mengajukan permohonan permintaan data pada Portal Satu Data',
      'Pengguna Data',
      ['Permohonan'],
      '30 menit',
      ['Surat / Request Permintaan data'],
    ),
    row(
      '2',
      'Subkoordinator Statistik menugaskan staff memenuhi permohonan data',
      'Subkoordinator Statistik',
      ['Permohonan'],
      '10 menit',
      ['Disposisi'],
    ),
    row('3', 'Staff statistik memeriksa ketersediaan data', 'Staf Statistik', ['Permohonan'], '30 menit', [
      'Data yang diminta pengguna data',
    ]),
    row(
      '4',
      'Sub Koordinator menindaklanjuti dengan menghubungi OPD pengampu data',
      'Sub Koordinator',
      ['Data yang akan diminta'],
      '120 menit',
      ['Kebutuhan Data'],
    ),
    row('5', 'OPD mengkonfirmasi ketersediaan data', 'OPD', ['Permohonan'], '30 menit', [
      'Data yang diminta pengguna data',
    ]),
    row(
      '6',
      'OPD pengampu data mengirimkan data yang dibutuhkan',
      'OPD pengampu data',
      ['Data yang diminta oleh pengguna data sudah tersedia'],
      '30 menit',
      ['Data statistik'],
    ),
    row(
      '7',
      'Sub koordinator menyerahkan data kepada staf statistik',
      'Sub koordinator',
      ['Disposisi'],
      '15 menit',
      ['Data statistik'],
    ),
    row(
      '8',
      'Staff statistik menyampaikan hasil kepada pemohon data',
      'Staf Statistik',
      ['Data yang diminta sudah dipenuhi/ dikonfirmasi'],
      '15 menit',
      ['Layanan permintaan data selesai'],
    ),
    row(
      '9',
      'Subkoordinator mengonfirmasi pemenuhan data sudah selesai dilaksanakan',
      'Subkoordinator',
      ['Data yang diminta oleh pengguna data tidak tersedia'],
      '30 menit',
      ['Data statistik/selesai'],
    ),
  ],
};
