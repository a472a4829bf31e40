import { callAction, resultOf, uniq } from './catalog-fixtures.js';
import type { TestApp } from './test-app.js';

/** Metadata answers and a Table Schema the metadata tests (API, forms, browser) share. */

/** Full MS-Keg answers (every required field and some optional ones). */
export const MS_KEG_ANSWERS = {
  tahun_kegiatan: '2025',
  cara_pengumpulan: 'kompilasi_administrasi',
  sektor_kegiatan: 'Kesehatan',
  jenis_kegiatan: 'statistik_sektoral',
  instansi_penyelenggara: 'Dinas Kesehatan Kabupaten Magetan',
  alamat_instansi: 'Jl. Pahlawan No. 2, Magetan',
  email_instansi: 'dinkes@magetan.go.id',
  eselon_1: 'Kepala Dinas Kesehatan',
  pj_teknis_nama: 'dr. Sri Wahyuni',
  pj_email: 'sri@magetan.go.id',
  latar_belakang: 'Pemantauan layanan kesehatan dasar.',
  tujuan: 'Menyediakan data jumlah puskesmas per kecamatan.',
  jadwal_pengumpulan_mulai: '2025-01-02',
  jadwal_pengumpulan_selesai: '2025-03-31',
  variabel_dikumpulkan: ['Kecamatan', 'Jumlah puskesmas'],
  kegiatan_dilakukan: 'berulang',
  frekuensi: 'tahunan',
  cakupan_wilayah: 'sebagian_indonesia',
  wilayah_kegiatan: 'Kabupaten Magetan',
  metode_pengumpulan: ['data_sekunder'],
  unit_pengumpulan: ['lainnya'],
  metode_analisis: 'deskriptif',
  unit_analisis: ['lainnya'],
  tingkat_penyajian: ['kecamatan'],
  produk_tersedia: ['softcopy'],
};

export const MS_IND_ANSWERS = {
  nama_indikator: 'Rasio puskesmas per 30.000 penduduk',
  konsep: 'Ketersediaan fasilitas kesehatan dasar',
  definisi: 'Jumlah puskesmas dibagi jumlah penduduk dikali 30.000',
  interpretasi: 'Semakin tinggi, semakin terjangkau layanan',
  metode_perhitungan: 'puskesmas / penduduk × 30.000',
  ukuran: 'Rasio',
  satuan: 'Puskesmas per 30.000 penduduk',
  klasifikasi_penyajian: ['Kecamatan'],
  indikator_komposit: 'tidak',
  level_estimasi: ['kecamatan'],
  akses_umum: 'ya',
  periodisitas: 'tahunan',
};

export const TABLE_SCHEMA = {
  fields: [
    {
      name: 'kecamatan',
      type: 'string',
      title: 'Kecamatan',
      description: 'Nama kecamatan',
      constraints: { required: true },
    },
    {
      name: 'jumlah',
      type: 'integer',
      title: 'Jumlah Puskesmas',
      description: 'Banyaknya puskesmas',
      unit: 'unit',
      constraints: { minimum: 0 },
    },
  ],
};

/** package_show as the metadata API tests read it. */
export interface MetadataPkg {
  id: string;
  name: string;
  resources: { id: string }[];
  sdi_metadata: {
    data_standard: { name: string; version: number; sdsn_code: string | null } | null;
    statistical_activity: {
      id: string;
      activity_code: string | null;
      ms_keg: Record<string, unknown>;
    } | null;
    variables: { name: string; ms_var: Record<string, unknown> }[];
    indicators: { name: string; ms_ind: Record<string, unknown> }[];
  };
}

/** A public dataset of the agency with one tabular resource carrying a Table Schema. */
export async function createTabularDataset(
  t: TestApp,
  ownerOrg: string,
  token: string,
): Promise<MetadataPkg> {
  const pkg = await resultOf<MetadataPkg>(
    callAction(t.app, 'package_create', {
      body: {
        name: `puskesmas-${uniq()}`,
        title: 'Jumlah Puskesmas',
        owner_org: ownerOrg,
        private: false,
        state: 'active',
        update_frequency: 'annual',
        resources: [{ name: 'Tabel', url: 'https://data.example.go.id/p.csv', format: 'CSV' }],
      },
      token,
    }),
  );
  // The Table Schema comes from the upload pipeline (another area); set it as it would.
  const r = pkg.resources[0];
  if (!r) throw new Error('no resource');
  await t.database.db
    .updateTable('resource')
    .set({ table_schema: JSON.stringify(TABLE_SCHEMA) })
    .where('id', '=', r.id)
    .execute();
  return pkg;
}
