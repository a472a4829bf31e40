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
