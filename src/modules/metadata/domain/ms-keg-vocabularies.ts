import { choices } from './form.js';

/** The controlled vocabularies of BPS's MS-Keg form (Peraturan BPS 5/2020), as BPS words them. */
export const COLLECTION_WAYS = choices(
  ['pencacahan_lengkap', 'Pencacahan Lengkap', 'Complete enumeration (census)'],
  ['survei', 'Survei', 'Survey'],
  ['kompilasi_administrasi', 'Kompilasi Produk Administrasi', 'Compilation of administrative records'],
  ['cara_lain', 'Cara Lain Sesuai dengan Perkembangan TI', 'Other method following IT developments'],
);
export const ACTIVITY_KINDS = choices(
  ['statistik_dasar', 'Statistik Dasar', 'Basic statistics'],
  ['statistik_sektoral', 'Statistik Sektoral', 'Sectoral statistics'],
  ['statistik_khusus', 'Statistik Khusus', 'Special statistics'],
);
export const REPEAT = choices(['sekali', 'Hanya Sekali', 'Once only'], ['berulang', 'Berulang', 'Repeated']);
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
export const COLLECTION_TYPES = choices(
  ['longitudinal_panel', 'Longitudinal Panel', 'Longitudinal panel'],
  ['longitudinal_cross_sectional', 'Longitudinal Cross Sectional', 'Longitudinal cross-sectional'],
  ['cross_sectional', 'Cross Sectional', 'Cross-sectional'],
);
export const COVERAGE = choices(
  ['seluruh_indonesia', 'Seluruh Wilayah Indonesia', 'All of Indonesia'],
  ['sebagian_indonesia', 'Sebagian Wilayah Indonesia', 'Part of Indonesia'],
);
export const METHODS = choices(
  ['wawancara', 'Wawancara', 'Interview'],
  ['mengisi_sendiri', 'Mengisi Kuesioner Sendiri (Swacacah)', 'Self-completed questionnaire'],
  ['pengamatan', 'Pengamatan (Observasi)', 'Observation'],
  ['data_sekunder', 'Pengumpulan Data Sekunder', 'Secondary data collection'],
  ['lainnya', 'Lainnya', 'Other'],
);
export const INSTRUMENTS = choices(
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
export const DESIGNS = choices(
  ['single_stage', 'Single Stage/Phase', 'Single stage/phase'],
  ['multi_stage', 'Multi Stage/Phase', 'Multi stage/phase'],
);
export const SELECTION = choices(
  ['probabilitas', 'Sampel Probabilitas', 'Probability sample'],
  ['nonprobabilitas', 'Sampel Nonprobabilitas', 'Non-probability sample'],
);
export const SAMPLING = choices(
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
export const FRAMES = choices(
  ['list_frame', 'List Frame', 'List frame'],
  ['area_frame', 'Area Frame', 'Area frame'],
);
export const QUALITY_CHECKS = choices(
  ['kunjungan_kembali', 'Kunjungan Kembali (Revisit)', 'Revisit'],
  ['supervisi', 'Supervisi', 'Supervision'],
  ['task_force', 'Task Force', 'Task force'],
  ['lainnya', 'Lainnya', 'Other'],
);
export const ENUMERATORS = choices(
  ['staf', 'Staf Instansi Penyelenggara', "The organiser's staff"],
  ['mitra', 'Mitra/Tenaga Kontrak', 'Partners/contract staff'],
  ['staf_dan_mitra', 'Staf Instansi Penyelenggara dan Mitra/Tenaga Kontrak', 'Staff and partners'],
);
export const EDUCATION = choices(
  ['smp', '≤ SMP', 'Junior high school or less'],
  ['sma', 'SMA/SMK', 'Senior high school'],
  ['diploma', 'Diploma I/II/III', 'Diploma I/II/III'],
  ['s1', 'Diploma IV/S1', 'Bachelor'],
  ['s2', 'S2/S3', 'Master/doctorate'],
);
export const ANALYSIS = choices(
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
export const PRODUCTS = choices(
  ['hardcopy', 'Tercetak (Hardcopy)', 'Printed (hard copy)'],
  ['softcopy', 'Digital (Softcopy)', 'Digital (soft copy)'],
  ['data_mikro', 'Data Mikro', 'Microdata'],
);

/** Romantik status vocabulary (statistical_activity.recommendation_status). */
export const RECOMMENDATION_STATUSES = choices(
  ['none', 'Belum diajukan', 'Not submitted'],
  ['submitted', 'Diajukan ke BPS', 'Submitted to BPS'],
  ['revision', 'Perlu perbaikan', 'Revision requested'],
  ['recommended', 'Direkomendasikan', 'Recommended'],
  ['not_required', 'Tidak memerlukan rekomendasi', 'No recommendation required'],
);
