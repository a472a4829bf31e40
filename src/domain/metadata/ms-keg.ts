import { field as f } from './field-builder.js';
import { choices, type FormDefinition, YES_NO } from './form.js';

/**
 * MS-Keg (Metadata Statistik – Kegiatan), Peraturan BPS 5/2020: the blocks and questions of
 * BPS's form in its order and wording (see ../shared/STANDARDS.md §3.1), plus the Romantik
 * recommendation and the BPS activity code, which live in columns of statistical_activity.
 */

export const COLLECTION_WAYS = choices(
  ['pencacahan_lengkap', 'Pencacahan Lengkap', 'Complete enumeration (census)'],
  ['survei', 'Survei', 'Survey'],
  ['kompilasi_administrasi', 'Kompilasi Produk Administrasi', 'Compilation of administrative records'],
  ['cara_lain', 'Cara Lain Sesuai dengan Perkembangan TI', 'Other method following IT developments'],
);
const ACTIVITY_KINDS = choices(
  ['statistik_dasar', 'Statistik Dasar', 'Basic statistics'],
  ['statistik_sektoral', 'Statistik Sektoral', 'Sectoral statistics'],
  ['statistik_khusus', 'Statistik Khusus', 'Special statistics'],
);
const REPEAT = choices(['sekali', 'Hanya Sekali', 'Once only'], ['berulang', 'Berulang', 'Repeated']);
export const ACTIVITY_FREQUENCIES = choices(
  ['harian', 'Harian', 'Daily'],
  ['mingguan', 'Mingguan', 'Weekly'],
  ['bulanan', 'Bulanan', 'Monthly'],
  ['triwulanan', 'Triwulanan', 'Quarterly'],
  ['empat_bulanan', 'Empat Bulanan', 'Every four months'],
  ['semesteran', 'Semesteran', 'Half-yearly'],
  ['tahunan', 'Tahunan', 'Yearly'],
  ['lebih_dua_tahunan', 'Lebih dari Dua Tahunan', 'More than every two years'],
);
const COLLECTION_TYPES = choices(
  ['longitudinal_panel', 'Longitudinal Panel', 'Longitudinal panel'],
  ['longitudinal_cross_sectional', 'Longitudinal Cross Sectional', 'Longitudinal cross-sectional'],
  ['cross_sectional', 'Cross Sectional', 'Cross-sectional'],
);
const COVERAGE = choices(
  ['seluruh_indonesia', 'Seluruh Wilayah Indonesia', 'All of Indonesia'],
  ['sebagian_indonesia', 'Sebagian Wilayah Indonesia', 'Part of Indonesia'],
);
const METHODS = choices(
  ['wawancara', 'Wawancara', 'Interview'],
  ['mengisi_sendiri', 'Mengisi Kuesioner Sendiri (Swacacah)', 'Self-completed questionnaire'],
  ['pengamatan', 'Pengamatan (Observasi)', 'Observation'],
  ['data_sekunder', 'Pengumpulan Data Sekunder', 'Secondary data collection'],
  ['lainnya', 'Lainnya', 'Other'],
);
const INSTRUMENTS = choices(
  ['papi', 'Paper-assisted Personal Interviewing (PAPI)', 'PAPI'],
  ['capi', 'Computer-assisted Personal Interviewing (CAPI)', 'CAPI'],
  ['cati', 'Computer-assisted Telephone Interviewing (CATI)', 'CATI'],
  ['cawi', 'Computer-assisted Web Interviewing (CAWI)', 'CAWI'],
  ['mail', 'Mail', 'Mail'],
  ['lainnya', 'Lainnya', 'Other'],
);
export const UNITS = choices(
  ['individu', 'Individu', 'Individual'],
  ['rumah_tangga', 'Rumah Tangga', 'Household'],
  ['usaha', 'Usaha/Perusahaan', 'Business/enterprise'],
  ['lainnya', 'Lainnya', 'Other'],
);
const DESIGNS = choices(
  ['single_stage', 'Single Stage/Phase', 'Single stage/phase'],
  ['multi_stage', 'Multi Stage/Phase', 'Multi stage/phase'],
);
const SELECTION = choices(
  ['probabilitas', 'Sampel Probabilitas', 'Probability sample'],
  ['nonprobabilitas', 'Sampel Nonprobabilitas', 'Non-probability sample'],
);
const SAMPLING = choices(
  ['simple_random', 'Simple Random Sampling', 'Simple random sampling'],
  ['systematic_random', 'Systematic Random Sampling', 'Systematic random sampling'],
  ['stratified_random', 'Stratified Random Sampling', 'Stratified random sampling'],
  ['cluster', 'Cluster Sampling', 'Cluster sampling'],
  ['pps', 'Probability Proportional to Size Sampling', 'Probability proportional to size sampling'],
  ['quota', 'Quota Sampling', 'Quota sampling'],
  ['accidental', 'Accidental Sampling', 'Accidental sampling'],
  ['purposive', 'Purposive Sampling', 'Purposive sampling'],
  ['snowball', 'Snowball Sampling', 'Snowball sampling'],
  ['saturation', 'Saturation Sampling', 'Saturation sampling'],
);
const FRAMES = choices(
  ['list_frame', 'List Frame', 'List frame'],
  ['area_frame', 'Area Frame', 'Area frame'],
);
const QUALITY_CHECKS = choices(
  ['kunjungan_kembali', 'Kunjungan Kembali (Revisit)', 'Revisit'],
  ['supervisi', 'Supervisi', 'Supervision'],
  ['task_force', 'Task Force', 'Task force'],
  ['lainnya', 'Lainnya', 'Other'],
);
const ENUMERATORS = choices(
  ['staf', 'Staf Instansi Penyelenggara', "The organiser's staff"],
  ['mitra', 'Mitra/Tenaga Kontrak', 'Partners/contract staff'],
  ['staf_dan_mitra', 'Staf Instansi Penyelenggara dan Mitra/Tenaga Kontrak', 'Staff and partners'],
);
const EDUCATION = choices(
  ['smp', '≤ SMP', 'Junior high school or less'],
  ['sma', 'SMA/SMK', 'Senior high school'],
  ['diploma', 'Diploma I/II/III', 'Diploma I/II/III'],
  ['s1', 'Diploma IV/S1', 'Bachelor'],
  ['s2', 'S2/S3', 'Master/doctorate'],
);
const ANALYSIS = choices(
  ['deskriptif', 'Deskriptif', 'Descriptive'],
  ['inferensia', 'Inferensia', 'Inferential'],
  ['deskriptif_inferensia', 'Deskriptif dan Inferensia', 'Descriptive and inferential'],
);
export const ESTIMATION_LEVELS = choices(
  ['nasional', 'Nasional', 'National'],
  ['provinsi', 'Provinsi', 'Province'],
  ['kabupaten_kota', 'Kabupaten/Kota', 'Regency/city'],
  ['kecamatan', 'Kecamatan', 'District'],
  ['desa_kelurahan', 'Desa/Kelurahan', 'Village'],
  ['lainnya', 'Lainnya', 'Other'],
);
const PRODUCTS = choices(
  ['hardcopy', 'Tercetak (Hardcopy)', 'Printed (hard copy)'],
  ['softcopy', 'Digital (Softcopy)', 'Digital (soft copy)'],
  ['data_mikro', 'Data Mikro', 'Microdata'],
);

const schedule = (no: string, key: string, id: string, en: string) => [
  f('perencanaan', `${no}`, `jadwal_${key}_mulai`, [`${id} – Tanggal Mulai`, `${en} – start date`], 'date'),
  f('perencanaan', `${no}`, `jadwal_${key}_selesai`, [`${id} – Tanggal Selesai`, `${en} – end date`], 'date'),
];

export const MS_KEG: FormDefinition = {
  key: 'ms_keg',
  title: { id: 'Metadata Statistik Kegiatan (MS-Keg)', en: 'Statistical activity metadata (MS-Keg)' },
  blocks: [
    { key: 'identitas', no: '', label: { id: 'Identitas Kegiatan', en: 'Activity identity' } },
    { key: 'penyelenggara', no: 'I', label: { id: 'Penyelenggara', en: 'Organiser' } },
    { key: 'penanggung_jawab', no: 'II', label: { id: 'Penanggung Jawab', en: 'Person in charge' } },
    {
      key: 'perencanaan',
      no: 'III',
      label: { id: 'Perencanaan dan Persiapan', en: 'Planning and preparation' },
    },
    { key: 'desain_kegiatan', no: 'IV', label: { id: 'Desain Kegiatan', en: 'Activity design' } },
    { key: 'desain_sampel', no: 'V', label: { id: 'Desain Sampel', en: 'Sample design' } },
    { key: 'penjaminan_kualitas', no: 'VI', label: { id: 'Penjaminan Kualitas', en: 'Quality assurance' } },
    { key: 'pengolahan', no: 'VII', label: { id: 'Pengolahan dan Analisis', en: 'Processing and analysis' } },
    { key: 'diseminasi', no: 'VIII', label: { id: 'Diseminasi Hasil', en: 'Dissemination of results' } },
  ],
  fields: [
    f('identitas', '', 'judul_kegiatan', ['Judul Kegiatan', 'Activity title'], 'text', {
      required: true,
      help: ['Nama kegiatan statistik, tanpa tahun.', 'Name of the statistical activity, without the year.'],
    }),
    f('identitas', '', 'tahun_kegiatan', ['Tahun Kegiatan', 'Activity year'], 'year', {
      required: true,
      help: ['Tahun pelaksanaan yang dilaporkan.', 'Year of the round being reported.'],
    }),
    f('identitas', '', 'cara_pengumpulan', ['Cara Pengumpulan Data', 'Data collection method'], 'choice', {
      required: true,
      choices: COLLECTION_WAYS,
    }),
    f('identitas', '', 'sektor_kegiatan', ['Sektor Kegiatan', 'Activity sector'], 'text', {
      required: true,
      help: ['Urusan pemerintahan, mis. Kesehatan.', 'Government affair, e.g. Health.'],
    }),
    f('identitas', '', 'jenis_kegiatan', ['Jenis Kegiatan Statistik', 'Kind of statistics'], 'choice', {
      required: true,
      choices: ACTIVITY_KINDS,
    }),
    f(
      'penyelenggara',
      '1.1',
      'instansi_penyelenggara',
      ['Instansi Penyelenggara', 'Organising agency'],
      'text',
      {
        required: true,
      },
    ),
    f(
      'penyelenggara',
      '1.2',
      'alamat_instansi',
      ['Alamat Lengkap Instansi Penyelenggara', 'Agency address'],
      'textarea',
      {
        required: true,
      },
    ),
    f('penyelenggara', '1.2', 'telepon_instansi', ['Telepon', 'Telephone'], 'text'),
    f('penyelenggara', '1.2', 'email_instansi', ['Email', 'Email'], 'email'),
    f('penyelenggara', '1.2', 'faksimile_instansi', ['Faksimile', 'Fax'], 'text'),
    f(
      'penanggung_jawab',
      '2.1',
      'eselon_1',
      ['Unit Eselon Penanggung Jawab – Eselon 1', 'Responsible unit – echelon 1'],
      'text',
      {
        required: true,
        help: ['Mis. Kepala Dinas.', 'E.g. head of the agency.'],
      },
    ),
    f(
      'penanggung_jawab',
      '2.1',
      'eselon_2',
      ['Unit Eselon Penanggung Jawab – Eselon 2', 'Responsible unit – echelon 2'],
      'text',
    ),
    f(
      'penanggung_jawab',
      '2.2',
      'pj_teknis_nama',
      ['Penanggung Jawab Teknis – Nama', 'Technical lead – name'],
      'text',
      {
        required: true,
      },
    ),
    f(
      'penanggung_jawab',
      '2.2',
      'pj_teknis_jabatan',
      ['Penanggung Jawab Teknis – Jabatan', 'Technical lead – position'],
      'text',
    ),
    f('penanggung_jawab', '2.2', 'pj_alamat', ['Alamat', 'Address'], 'textarea'),
    f('penanggung_jawab', '2.2', 'pj_telepon', ['Telepon', 'Telephone'], 'text'),
    f('penanggung_jawab', '2.2', 'pj_email', ['Email', 'Email'], 'email', { required: true }),
    f('penanggung_jawab', '2.2', 'pj_faksimile', ['Faksimile', 'Fax'], 'text'),
    f('perencanaan', '3.1', 'latar_belakang', ['Latar Belakang Kegiatan', 'Background'], 'textarea', {
      required: true,
    }),
    f('perencanaan', '3.2', 'tujuan', ['Tujuan Kegiatan', 'Objectives'], 'textarea', { required: true }),
    ...schedule('3.3', 'perencanaan', 'Perencanaan Kegiatan', 'Activity planning'),
    ...schedule('3.3', 'desain', 'Desain', 'Design'),
    ...schedule('3.3', 'pengumpulan', 'Pengumpulan Data', 'Data collection'),
    ...schedule('3.3', 'pengolahan', 'Pengolahan Data', 'Processing'),
    ...schedule('3.3', 'analisis', 'Analisis', 'Analysis'),
    ...schedule('3.3', 'diseminasi', 'Diseminasi Hasil', 'Dissemination'),
    ...schedule('3.3', 'evaluasi', 'Evaluasi', 'Evaluation'),
    f(
      'desain_kegiatan',
      '4.1',
      'variabel_dikumpulkan',
      ['Variabel (Karakteristik) yang Dikumpulkan', 'Variables collected'],
      'list',
      {
        required: true,
        help: ['Satu variabel per baris.', 'One variable per line.'],
      },
    ),
    f(
      'desain_kegiatan',
      '4.2',
      'kegiatan_dilakukan',
      ['Kegiatan Ini Dilakukan', 'This activity is carried out'],
      'choice',
      {
        required: true,
        choices: REPEAT,
      },
    ),
    f('desain_kegiatan', '4.3', 'frekuensi', ['Frekuensi Penyelenggaraan', 'Frequency'], 'choice', {
      choices: ACTIVITY_FREQUENCIES,
      help: ['Diisi jika kegiatan berulang.', 'For repeated activities.'],
    }),
    f(
      'desain_kegiatan',
      '4.4',
      'tipe_pengumpulan',
      ['Tipe Pengumpulan Data', 'Type of data collection'],
      'choice',
      {
        choices: COLLECTION_TYPES,
      },
    ),
    f(
      'desain_kegiatan',
      '4.5',
      'cakupan_wilayah',
      ['Cakupan Wilayah Pengumpulan Data', 'Geographic coverage'],
      'choice',
      {
        required: true,
        choices: COVERAGE,
      },
    ),
    f(
      'desain_kegiatan',
      '4.6',
      'wilayah_kegiatan',
      [
        'Jika Sebagian Wilayah Indonesia, Provinsi dan Kabupaten/Kota',
        'If part of Indonesia: provinces and regencies',
      ],
      'list',
      {
        help: ['Nama atau kode wilayah, satu per baris.', 'Region names or codes, one per line.'],
      },
    ),
    f(
      'desain_kegiatan',
      '4.7',
      'metode_pengumpulan',
      ['Metode Pengumpulan Data', 'Collection method'],
      'multi',
      {
        required: true,
        choices: METHODS,
      },
    ),
    f(
      'desain_kegiatan',
      '4.8',
      'sarana_pengumpulan',
      ['Sarana Pengumpulan Data', 'Collection instrument'],
      'multi',
      {
        choices: INSTRUMENTS,
      },
    ),
    f('desain_kegiatan', '4.9', 'unit_pengumpulan', ['Unit Pengumpulan Data', 'Collection unit'], 'multi', {
      required: true,
      choices: UNITS,
    }),
    f(
      'desain_sampel',
      '5.1',
      'jenis_rancangan_sampel',
      ['Jenis Rancangan Sampel', 'Sample design type'],
      'choice',
      {
        choices: DESIGNS,
        help: ['Blok V diisi jika cara pengumpulan data adalah survei.', 'Block V applies to surveys.'],
      },
    ),
    f(
      'desain_sampel',
      '5.2',
      'metode_pemilihan_sampel',
      ['Metode Pemilihan Sampel Tahap Akhir', 'Final-stage sample selection'],
      'choice',
      {
        choices: SELECTION,
      },
    ),
    f(
      'desain_sampel',
      '5.3',
      'metode_sampel',
      ['Metode Sampel yang Digunakan', 'Sampling method used'],
      'choice',
      {
        choices: SAMPLING,
      },
    ),
    f(
      'desain_sampel',
      '5.4',
      'kerangka_sampel',
      ['Kerangka Sampel Tahap Akhir', 'Final-stage sampling frame'],
      'choice',
      {
        choices: FRAMES,
      },
    ),
    f(
      'desain_sampel',
      '5.5',
      'fraksi_sampel',
      ['Fraksi Sampel Keseluruhan', 'Overall sampling fraction'],
      'text',
    ),
    f(
      'desain_sampel',
      '5.6',
      'sampling_error',
      ['Nilai Perkiraan Sampling Error Variabel Utama', 'Expected sampling error of the main variable'],
      'text',
    ),
    f('desain_sampel', '5.7', 'unit_sampel', ['Unit Sampel', 'Sampling unit'], 'text'),
    f('desain_sampel', '5.8', 'unit_observasi', ['Unit Observasi', 'Observation unit'], 'text'),
    f(
      'penjaminan_kualitas',
      '6.1',
      'uji_coba',
      ['Apakah Melakukan Uji Coba (Pilot Survey)?', 'Was a pilot survey carried out?'],
      'choice',
      {
        choices: YES_NO,
      },
    ),
    f(
      'penjaminan_kualitas',
      '6.2',
      'metode_pemeriksaan_kualitas',
      ['Metode Pemeriksaan Kualitas Pengumpulan Data', 'Quality checks of data collection'],
      'multi',
      {
        choices: QUALITY_CHECKS,
      },
    ),
    f(
      'penjaminan_kualitas',
      '6.3',
      'penyesuaian_nonrespon',
      ['Apakah Melakukan Penyesuaian Nonrespon?', 'Was nonresponse adjusted for?'],
      'choice',
      {
        choices: YES_NO,
      },
    ),
    f(
      'penjaminan_kualitas',
      '6.4',
      'petugas_pengumpulan',
      ['Petugas Pengumpulan Data', 'Data collectors'],
      'choice',
      {
        choices: ENUMERATORS,
      },
    ),
    f(
      'penjaminan_kualitas',
      '6.5',
      'pendidikan_petugas',
      ['Persyaratan Pendidikan Terendah Petugas Pengumpulan Data', 'Minimum education of data collectors'],
      'choice',
      {
        choices: EDUCATION,
      },
    ),
    f(
      'penjaminan_kualitas',
      '6.6',
      'jumlah_supervisor',
      ['Jumlah Petugas – Supervisor/Penyelia/Pengawas', 'Number of supervisors'],
      'number',
    ),
    f(
      'penjaminan_kualitas',
      '6.6',
      'jumlah_pengumpul',
      ['Jumlah Petugas – Pengumpul Data/Enumerator', 'Number of enumerators'],
      'number',
    ),
    f(
      'penjaminan_kualitas',
      '6.7',
      'pelatihan_petugas',
      ['Apakah Melakukan Pelatihan Petugas?', 'Were collectors trained?'],
      'choice',
      {
        choices: YES_NO,
      },
    ),
    f(
      'pengolahan',
      '7.1',
      'penyuntingan',
      ['Tahapan Pengolahan Data – Penyuntingan (Editing)', 'Processing – editing'],
      'choice',
      {
        choices: YES_NO,
      },
    ),
    f(
      'pengolahan',
      '7.1',
      'penyandian',
      ['Tahapan Pengolahan Data – Penyandian (Coding)', 'Processing – coding'],
      'choice',
      {
        choices: YES_NO,
      },
    ),
    f(
      'pengolahan',
      '7.1',
      'data_entry',
      ['Tahapan Pengolahan Data – Data Entry/Capturing', 'Processing – data entry'],
      'choice',
      {
        choices: YES_NO,
      },
    ),
    f(
      'pengolahan',
      '7.1',
      'validasi',
      ['Tahapan Pengolahan Data – Penyahihan (Validasi)', 'Processing – validation'],
      'choice',
      {
        choices: YES_NO,
      },
    ),
    f('pengolahan', '7.2', 'metode_analisis', ['Metode Analisis', 'Analysis method'], 'choice', {
      required: true,
      choices: ANALYSIS,
    }),
    f('pengolahan', '7.3', 'unit_analisis', ['Unit Analisis', 'Unit of analysis'], 'multi', {
      required: true,
      choices: UNITS,
    }),
    f(
      'pengolahan',
      '7.4',
      'tingkat_penyajian',
      ['Tingkat Penyajian Hasil Analisis', 'Level at which results are presented'],
      'multi',
      {
        required: true,
        choices: ESTIMATION_LEVELS,
      },
    ),
    f(
      'diseminasi',
      '8.1',
      'produk_tersedia',
      ['Produk Kegiatan yang Tersedia untuk Umum', 'Products available to the public'],
      'multi',
      {
        required: true,
        choices: PRODUCTS,
      },
    ),
    f(
      'diseminasi',
      '8.2',
      'rencana_rilis',
      ['Rencana Jadwal Rilis Produk Kegiatan', 'Planned release of products'],
      'list',
      {
        help: [
          'Satu rilis per baris: produk dan tanggal (YYYY-MM-DD).',
          'One release per line: product and date (YYYY-MM-DD).',
        ],
      },
    ),
  ],
};

/** Romantik status vocabulary (statistical_activity.recommendation_status). */
export const RECOMMENDATION_STATUSES = choices(
  ['none', 'Belum diajukan', 'Not submitted'],
  ['submitted', 'Diajukan ke BPS', 'Submitted to BPS'],
  ['revision', 'Perlu perbaikan', 'Revision requested'],
  ['recommended', 'Direkomendasikan', 'Recommended'],
  ['not_required', 'Tidak memerlukan rekomendasi', 'No recommendation required'],
);
