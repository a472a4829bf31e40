/**
 * The EPSS structure (Peraturan BPS 3/2022; ../shared/STANDARDS.md §3.7) as the platform seeds
 * it: 5 domains, 19 aspects, 38 indicators, the level criteria and weights. Migration 0022
 * copies it into `epss_domain`, `epss_aspect` and `epss_indicator`, where the region edits it
 * when BPS changes the worksheet; the evaluation module reads those tables, never this file,
 * except to check the seed. Kept here (not in a module) because a migration imports no module.
 *
 * Weights (percent within the parent): domains 28/24/19/17/12; aspects 25×4 | 21/16/21/21/21 |
 * 32/26/21/21 | 35/30/35 | 34/33/33; indicators equal within their aspect except 20101/20102
 * (60/40) and the three-indicator aspects (34/33/33 or 33/33/34). Domain 3 and its aspects are as
 * BPS presented them (STANDARDS.md §3.7); the rest follow the weights BPS's EPSS 2026 material
 * gives as each indicator's share of the index (e.g. 10101 7.00 %, 20101 3.02 %, 30201 4.94 %,
 * 50201 3.96 %), as two public EPSS worksheets implement them. The first seed (migration 0022)
 * had 15/14 for domains 4 and 5 and left aspects and indicators to equal shares; migration
 * 0030 corrects the weights a region has not edited. Every weight stays editable.
 */
export interface EpssText {
  id: string;
  en: string;
}

export interface EpssDomainSeed {
  code: string;
  name: EpssText;
  weight: number;
}
export interface EpssAspectSeed {
  code: string;
  domain: string;
  name: EpssText;
  /** Percent within the domain; null: equal share. */
  weight: number | null;
}
export interface EpssIndicatorSeed {
  code: string;
  aspect: string;
  name: EpssText;
  /** Percent within the aspect. */
  weight: number;
}

export const EPSS_DOMAINS: readonly EpssDomainSeed[] = [
  { code: '1', name: { id: 'Prinsip Satu Data Indonesia', en: 'One Data Indonesia principles' }, weight: 28 },
  { code: '2', name: { id: 'Kualitas Data', en: 'Data quality' }, weight: 24 },
  { code: '3', name: { id: 'Proses Bisnis Statistik', en: 'Statistical business process' }, weight: 19 },
  { code: '4', name: { id: 'Kelembagaan', en: 'Institutions' }, weight: 17 },
  { code: '5', name: { id: 'Statistik Nasional', en: 'National statistics' }, weight: 12 },
];

export const EPSS_ASPECTS: readonly EpssAspectSeed[] = [
  {
    code: '101',
    domain: '1',
    name: { id: 'Standar Data Statistik', en: 'Statistical data standards' },
    weight: 25,
  },
  { code: '102', domain: '1', name: { id: 'Metadata Statistik', en: 'Statistical metadata' }, weight: 25 },
  {
    code: '103',
    domain: '1',
    name: { id: 'Interoperabilitas Data', en: 'Data interoperability' },
    weight: 25,
  },
  {
    code: '104',
    domain: '1',
    name: { id: 'Kode Referensi dan/atau Data Induk', en: 'Reference codes and master data' },
    weight: 25,
  },
  { code: '201', domain: '2', name: { id: 'Relevansi', en: 'Relevance' }, weight: 21 },
  { code: '202', domain: '2', name: { id: 'Akurasi', en: 'Accuracy' }, weight: 16 },
  {
    code: '203',
    domain: '2',
    name: { id: 'Aktualitas dan Ketepatan Waktu', en: 'Timeliness and punctuality' },
    weight: 21,
  },
  { code: '204', domain: '2', name: { id: 'Aksesibilitas', en: 'Accessibility' }, weight: 21 },
  {
    code: '205',
    domain: '2',
    name: { id: 'Keterbandingan dan Konsistensi', en: 'Comparability and coherence' },
    weight: 21,
  },
  { code: '301', domain: '3', name: { id: 'Perencanaan Data', en: 'Data planning' }, weight: 32 },
  { code: '302', domain: '3', name: { id: 'Pengumpulan Data', en: 'Data collection' }, weight: 26 },
  { code: '303', domain: '3', name: { id: 'Pemeriksaan Data', en: 'Data checking' }, weight: 21 },
  { code: '304', domain: '3', name: { id: 'Penyebarluasan Data', en: 'Data dissemination' }, weight: 21 },
  { code: '401', domain: '4', name: { id: 'Profesionalitas', en: 'Professionalism' }, weight: 35 },
  {
    code: '402',
    domain: '4',
    name: { id: 'SDM yang Memadai dan Kapabel', en: 'Adequate and capable staff' },
    weight: 30,
  },
  {
    code: '403',
    domain: '4',
    name: { id: 'Pengorganisasian Statistik', en: 'Organisation of statistics' },
    weight: 35,
  },
  {
    code: '501',
    domain: '5',
    name: { id: 'Pemanfaatan Data Statistik', en: 'Use of statistics' },
    weight: 34,
  },
  {
    code: '502',
    domain: '5',
    name: { id: 'Pengelolaan Kegiatan Statistik', en: 'Management of statistical activities' },
    weight: 33,
  },
  {
    code: '503',
    domain: '5',
    name: {
      id: 'Penguatan SSN Berkelanjutan',
      en: 'Sustained strengthening of the national statistical system',
    },
    weight: 33,
  },
];

/** Indicator weights within their aspect where they are not equal shares (see above). */
const INDICATOR_WEIGHTS: Record<string, number> = {
  '20101': 60,
  '20102': 40,
  '20401': 34,
  '20402': 33,
  '20403': 33,
  '30101': 33,
  '30102': 33,
  '30103': 34,
  '50101': 34,
  '50102': 33,
  '50103': 33,
  '50301': 33,
  '50302': 33,
  '50303': 34,
};
const PER_ASPECT: Record<string, number> = {
  '201': 2,
  '203': 2,
  '205': 2,
  '303': 2,
  '401': 4,
  '402': 2,
  '403': 4,
};

const i = (code: string, aspect: string, id: string, en: string): EpssIndicatorSeed => ({
  code,
  aspect,
  name: { id, en },
  weight: INDICATOR_WEIGHTS[code] ?? 100 / (PER_ASPECT[aspect] ?? 1),
});

export const EPSS_INDICATORS: readonly EpssIndicatorSeed[] = [
  i(
    '10101',
    '101',
    'Tingkat Kematangan Penerapan Standar Data Statistik (SDS)',
    'Maturity of applying statistical data standards',
  ),
  i(
    '10201',
    '102',
    'Tingkat Kematangan Penerapan Metadata Statistik',
    'Maturity of applying statistical metadata',
  ),
  i(
    '10301',
    '103',
    'Tingkat Kematangan Penerapan Interoperabilitas Data',
    'Maturity of data interoperability',
  ),
  i(
    '10401',
    '104',
    'Tingkat Kematangan Penerapan Kode Referensi dan/atau Data Induk',
    'Maturity of applying reference codes and master data',
  ),
  i(
    '20101',
    '201',
    'Tingkat Kematangan Relevansi Data terhadap Pengguna',
    'Maturity of the relevance of data to users',
  ),
  i(
    '20102',
    '201',
    'Tingkat Kematangan Proses Identifikasi Kebutuhan Data',
    'Maturity of identifying data needs',
  ),
  i('20201', '202', 'Tingkat Kematangan Penilaian Akurasi Data', 'Maturity of assessing accuracy'),
  i('20301', '203', 'Tingkat Kematangan Penjaminan Aktualitas Data', 'Maturity of assuring timeliness'),
  i(
    '20302',
    '203',
    'Tingkat Kematangan Pemantauan Ketepatan Waktu Diseminasi',
    'Maturity of monitoring punctual dissemination',
  ),
  i(
    '20401',
    '204',
    'Tingkat Kematangan Ketersediaan Data untuk Pengguna Data',
    'Maturity of data availability to users',
  ),
  i(
    '20402',
    '204',
    'Tingkat Kematangan Akses Media Penyebarluasan Data',
    'Maturity of access to dissemination media',
  ),
  i('20403', '204', 'Tingkat Kematangan Penyediaan Format Data', 'Maturity of providing data formats'),
  i('20501', '205', 'Tingkat Kematangan Keterbandingan Data', 'Maturity of data comparability'),
  i('20502', '205', 'Tingkat Kematangan Konsistensi Statistik', 'Maturity of statistical coherence'),
  i(
    '30101',
    '301',
    'Tingkat Kematangan Pendefinisian Kebutuhan Statistik',
    'Maturity of specifying statistical needs',
  ),
  i('30102', '301', 'Tingkat Kematangan Desain Statistik', 'Maturity of statistical design'),
  i('30103', '301', 'Tingkat Kematangan Penyiapan Instrumen', 'Maturity of preparing instruments'),
  i(
    '30201',
    '302',
    'Tingkat Kematangan Proses Pengumpulan Data atau Akuisisi Data',
    'Maturity of data collection or acquisition',
  ),
  i('30301', '303', 'Tingkat Kematangan Pengolahan Data', 'Maturity of data processing'),
  i('30302', '303', 'Tingkat Kematangan Analisis Data', 'Maturity of data analysis'),
  i('30401', '304', 'Tingkat Kematangan Diseminasi Data', 'Maturity of data dissemination'),
  i(
    '40101',
    '401',
    'Tingkat Kematangan Penjaminan Transparansi Informasi Statistik',
    'Maturity of transparency of statistical information',
  ),
  i(
    '40102',
    '401',
    'Tingkat Kematangan Penjaminan Netralitas dan Objektivitas terhadap Penggunaan Sumber Data dan Metodologi',
    'Maturity of neutrality and objectivity of sources and methods',
  ),
  i('40103', '401', 'Tingkat Kematangan Penjaminan Kualitas Data', 'Maturity of quality assurance'),
  i(
    '40104',
    '401',
    'Tingkat Kematangan Penjaminan Konfidensialitas Data',
    'Maturity of assuring confidentiality',
  ),
  i(
    '40201',
    '402',
    'Tingkat Kematangan Penerapan Kompetensi SDM Bidang Statistik',
    'Maturity of statistical staff competence',
  ),
  i(
    '40202',
    '402',
    'Tingkat Kematangan Penerapan Kompetensi SDM Bidang Manajemen Data',
    'Maturity of data management staff competence',
  ),
  i(
    '40301',
    '403',
    'Tingkat Kematangan Kolaborasi Penyelenggaraan Kegiatan Statistik',
    'Maturity of collaboration in statistical activities',
  ),
  i(
    '40302',
    '403',
    'Tingkat Kematangan Penyelenggaraan Forum Satu Data Indonesia',
    'Maturity of holding the One Data Indonesia forum',
  ),
  i(
    '40303',
    '403',
    'Tingkat Kematangan Kolaborasi dengan Pembina Data Statistik',
    'Maturity of collaboration with the data supervisor',
  ),
  i(
    '40304',
    '403',
    'Tingkat Kematangan Pelaksanaan Tugas Sebagai Walidata',
    'Maturity of performing the data custodian role',
  ),
  i(
    '50101',
    '501',
    'Tingkat Kematangan Penggunaan Data Statistik Dasar untuk Perencanaan, Monitoring, Evaluasi, dan Penentuan Kebijakan',
    'Maturity of using basic statistics for planning, monitoring, evaluation and policy',
  ),
  i(
    '50102',
    '501',
    'Tingkat Kematangan Penggunaan Data Statistik Sektoral untuk Perencanaan, Monitoring, Evaluasi, dan Penentuan Kebijakan',
    'Maturity of using sectoral statistics for planning, monitoring, evaluation and policy',
  ),
  i(
    '50103',
    '501',
    'Tingkat Kematangan Sosialisasi dan Literasi Hasil Statistik',
    'Maturity of promoting statistical results and literacy',
  ),
  i(
    '50201',
    '502',
    'Tingkat Kematangan Pelaksanaan Rekomendasi Kegiatan Statistik',
    'Maturity of following statistical activity recommendations',
  ),
  i(
    '50301',
    '503',
    'Tingkat Kematangan Perencanaan Pembangunan Statistik',
    'Maturity of planning statistical development',
  ),
  i('50302', '503', 'Tingkat Kematangan Penyebarluasan Data', 'Maturity of disseminating data'),
  i('50303', '503', 'Tingkat Kematangan Pemanfaatan Big Data', 'Maturity of using big data'),
];

/** The level names (4 and 5 as BPS names them; 1–3 in their common usage). */
export const EPSS_LEVEL_NAMES: readonly EpssText[] = [
  { id: 'Rintisan', en: 'Initial' },
  { id: 'Terkelola', en: 'Managed' },
  { id: 'Terdefinisi', en: 'Defined' },
  { id: 'Terpadu dan Terukur', en: 'Integrated and measured' },
  { id: 'Optimum', en: 'Optimised' },
];

/** The criteria pattern every indicator's levels follow (§3.7), seeded per indicator. */
export const EPSS_LEVEL_CRITERIA: readonly EpssText[] = [
  { id: 'Belum dilakukan oleh seluruh produsen data.', en: 'Not yet done by all data producers.' },
  {
    id: 'Dilakukan oleh setiap produsen data menurut standarnya masing-masing.',
    en: 'Done by each producer by its own standard.',
  },
  {
    id: 'Dilakukan oleh seluruh produsen data menurut prosedur baku yang berlaku untuk semua.',
    en: 'Done by all producers by one standard procedure.',
  },
  { id: 'Direviu dan dievaluasi secara berkala.', en: 'Reviewed and evaluated periodically.' },
  {
    id: 'Ditingkatkan berdasarkan hasil reviu dan evaluasi.',
    en: 'Improved based on that review and evaluation.',
  },
];
