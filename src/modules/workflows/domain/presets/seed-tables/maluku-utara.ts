import { row, type SeedTable } from './types.js';

/**
 * 004_0d700b99eb9a4ed5.txt, Pengumpulan, analisis, pengelolaan dan diseminasi data statistik
 * sektoral (Diskominfo Provinsi Maluku Utara). No shape survived; only row 2 names its actor.
 */
export const MALUKU_UTARA_TABLE: SeedTable = {
  seed: '004_0d700b99eb9a4ed5.txt',
  presetKey: 'maluku-utara-pengumpulan-diseminasi',
  name: 'Pengumpulan, analisis, pengelolaan dan diseminasi data statistik sektoral',
  executors: [
    'Produsen Data/OPD',
    'Kasie Statistik',
    'Kepala Bidang Persandian dan Statistik',
    'kepala Dinas',
    'STAF',
  ],
  rows: [
    row(
      '1',
      'Menyusun daftar data sektoral yang akan dihimpun dan mengirim dokumen permintaan data sektoral kepada produsen data / OPD',
      null,
      ['ATK, Komputer, dan data lainnya'],
      '5 hari kerja',
      ['daftar data sektoral', 'Dokumen permintaan data'],
    ),
    row(
      '2',
      'Produsen data / OPD menyampaikan data dan metadata sesuai permintaan. Data yang belum lengkap dikembalikan kepada produsen data untuk dilengkapi sedangkan data yang sudah lengkap diteruskan ke Kasie pengelolaan data statistik sektoral',
      'Produsen data / OPD',
      ['Data dan Metadata sektoral dari produsen data yang divalidasi oleh kasie kompilasi data'],
      '60 hari kerja',
      ['Kompilasi data dan metadata sektoral yang sudah lengkap'],
    ),
    row(
      '3',
      'Menghimpun, mengolah, menganalisa data dan metadata yang sudah lengkap',
      null,
      ['Kompilasi data dan metadata sektoral yang sudah lengkap'],
      '60 hari kerja',
      ['Kompilasi data dan metadata sektoral yang sudah diolah dan dianalisa'],
    ),
    row(
      '4',
      'Menyusun draft pelaporan dan penyajian hasil analisa data statistik sektoral',
      null,
      ['Kompilasi data dan metadata yang sudah diolah dan dianalisa'],
      '15 hari kerja',
      ['Draft pelaporan dan penyajian hasil analisa data statistik sektoral'],
    ),
    row(
      '5',
      'Memeriksa dan menyetujui draft pelaporan dan penyajian hasil analisa data statistik sektoral',
      null,
      ['Draft pelaporan dan penyajian hasil analisa data statistik sektoral'],
      '1 hari kerja',
      ['Bahan pelaporan dan penyajian data yang telah disetujui'],
    ),
    row(
      '6',
      'Melakukan diseminasi dan publikasi data statistik sektoral pada portal open data',
      null,
      ['Bahan pelaporan dan penyajian hasil analisa yang sudah disetujui'],
      '1 hari kerja',
      ['Diseminasi dan publikasi data'],
    ),
  ],
};
