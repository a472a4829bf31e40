import type { SopIdentity } from '../../sop-identity.js';

/** What both SOPs of seed 003 (Diskominfo Banyuwangi, 2022) share; they carry one number. */
const SHARED = {
  header: ['PEMERINTAH KABUPATEN BANYUWANGI', 'DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN', 'STATISTIK'],
  number: '188/6593/429.116/2022',
  madeOn: '05 Januari 2022',
  revisedOn: '24 Oktober 2022',
  ratifiedOn: '24 Oktober 2022',
  effectiveOn: null,
  ratifiedBy: [
    'Kepala Dinas Komunikasi Informatika dan Persandian',
    'BUDI SANTOSO',
    'NIP. 19740619 199302 1 002',
  ],
  legalBasis: [
    'Undang-undang Nomor 16 Tahun 1997 tentang Statistik;',
    'Undang-undang Nomor 23 Tahun 2014 tentang Pemerintah Daerah;',
    'Peraturan Pemerintah Nomor 51 Tahun 1999 tentang Penyelenggaraan Statistik;',
    'Peraturan Pemerintah Republik Indonesia Nomor 86 Tahun 2007 tentang Badan Pusat Statistik;',
    'Peraturan Menteri Dalam Negeri Nomor 8 Tahun 2014 tentang Sistem Informasi Pembangunan Daerah;',
    'Surat Edaran Menteri Pendayagunaan Aparatur Negara Nomor 5 Tahun 2014 tentang Peningkatan Efektivitas Tugas dan Fungsi Unit Data dan Informasi di Kementerian dan Lembaga untuk Penyelenggaraan Data Pembangunan Berkelanjutan;',
    'Peraturan Kepala Badan Pusat Statistik Nomor 9 Tahun 2009 tentang Penyelenggaraan Statistik Sektoral dan Pemerintah Daerah;',
    'Peraturan Bupati Banyuwangi Nomor 68 Tahun 2021 tentang Perubahan Peraturan Bupati Nomor 6 Tahun 2020 tentang Kedudukan, Susunan Organisasi, Tugas Dan Fungsi Serta Tata Kerja Dinas Komunikasi, Informatika dan Persandian Kabupaten Banyuwangi',
  ],
  qualifications: [
    'Pelaksana Diwajibkan Memiliki Kemampuan, Kecakapan, Terampil, dan Inovatif',
    'Memahami Tugas Pokok dan Fungsi Statistik Sektoral.',
    'Pendidikan serendah-rendahnya SMA',
  ],
  relatedSops: ['Seluruh SKPD kabupaten Banyuwangi', 'Badan Pusat Statistik (BPS) Kabupaten Banyuwangi'],
  warnings: [
    'Hambatan dapat saja terjadi :',
    'Jika SOP ini tidak dilaksanakan berdampak pada inefisiensi pelaksanaan tugas.',
    'Jika SOP ini dilaksanakan berdampak pada efisiensi dan efektivitas pelaksanaan kegiatan',
  ],
  // Neither SOP fills Pencatatan dan Pendataan.
  records: [],
};

export const BANYUWANGI_DISEMINASI_IDENTITY: SopIdentity = {
  ...SHARED,
  name: 'Diseminasi Data Sektoral ke Portal Satu Data',
  equipment: ['Komputer Lengkap', 'Alat Tulis Kantor', 'Lemari Arsip', 'Jaringan Internet'],
  executors: [
    'Sekretariat',
    'Staf Statistik',
    'Subkoord Statistik',
    'Kepala Bidang',
    'Sekretaris',
    'Kepala Dinas',
  ],
};

export const BANYUWANGI_PERMINTAAN_IDENTITY: SopIdentity = {
  ...SHARED,
  name: 'Layanan Permintaan Data Sektoral',
  equipment: ['Komputer Lengkap', 'Alat Tulis Kantor', 'Lemari Arsip'],
  executors: [
    'Pengguna Data',
    'Staf Statistik',
    'Subkoord Statistik',
    'Kepala Bidang',
    'Kepala Dinas',
    'OPD / Produsen Data',
  ],
};
