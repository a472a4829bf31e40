import type { CsvRow } from '../csv.js';
import type { DemoDataset } from '../demo-datasets.js';
import { between, intBetween, jitter, type Rng } from '../rng.js';
import { type District, dataset, fix, place, resource, YEARS } from './common.js';

const POVERTY_P0 = { 2019: 10.31, 2020: 10.35, 2021: 10.87, 2022: 10.09, 2023: 9.76, 2024: 9.22 } as const;

/** BPS method (2010 onwards): geometric mean of the health, education and expenditure indices. */
function hdi(uhh: number, hls: number, rls: number, spendThousand: number): number {
  const health = (uhh - 20) / (85 - 20);
  const education = (Math.min(hls, 18) / 18 + rls / 15) / 2;
  const income = (Math.log(spendThousand) - Math.log(1007.436)) / (Math.log(26572.352) - Math.log(1007.436));
  return 100 * Math.cbrt(health * education * income);
}

export function socialDatasets(districts: District[], rng: Rng): DemoDataset[] {
  const totalPop = districts.reduce((a, d) => a + d.population, 0);
  let gk = 362_000;
  const poverty: CsvRow[] = YEARS.map((year) => {
    const p0 = POVERTY_P0[year];
    gk = Math.round(gk * (year === 2019 ? 1 : between(rng, 1.04, 1.07)));
    return {
      tahun: year,
      jumlah_penduduk_miskin_ribu_jiwa: fix((totalPop * (1 - (2024 - year) * 0.004) * p0) / 100 / 1000, 2),
      p0_persen: fix(p0, 2),
      p1_indeks_kedalaman: fix(between(rng, 1.3, 1.8), 2),
      p2_indeks_keparahan: fix(between(rng, 0.28, 0.45), 2),
      garis_kemiskinan_rp_per_kapita_per_bulan: gk,
    };
  });
  const ipm: CsvRow[] = YEARS.map((year) => {
    const t = year - 2019;
    const uhh = 72.3 + t * 0.12 + between(rng, -0.03, 0.03);
    const hls = 13.28 + t * 0.04;
    const rls = 8.05 + t * 0.09;
    const spend = Math.round(10_950 + t * 260 - (year === 2020 ? 320 : 0));
    return {
      tahun: year,
      umur_harapan_hidup_tahun: fix(uhh, 2),
      harapan_lama_sekolah_tahun: fix(hls, 2),
      rata_rata_lama_sekolah_tahun: fix(rls, 2),
      pengeluaran_per_kapita_ribu_rp: spend,
      ipm: fix(hdi(uhh, hls, rls, spend), 2),
    };
  });
  const dinsos = 'dinsos';

  return [
    dataset({
      name: 'penerima-bantuan-sosial-kecamatan-2024',
      title:
        'Jumlah Keluarga Penerima Manfaat Bantuan Sosial Menurut Kecamatan dan Jenis Bantuan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah keluarga penerima manfaat (KPM) Program Keluarga Harapan dan Bantuan Pangan Non Tunai/Sembako, serta jiwa peserta PBI Jaminan Kesehatan per kecamatan, penyaluran tahap IV 2024. Sumber: SIKS-NG Kementerian Sosial, direkap Dinas Sosial P3A.',
      agency: dinsos,
      topics: ['sosial'],
      tags: ['bantuan sosial', 'pkh', 'bpnt', 'pbi jk'],
      frequency: 'quarterly',
      period: [2024, 2024],
      resources: [
        resource(
          'Penerima bantuan sosial per kecamatan 2024',
          'KPM PKH, KPM BPNT/Sembako dan jiwa PBI JK.',
          'penerima-bansos-kecamatan-2024.csv',
          districts.map((d) => ({
            ...place(d),
            kpm_pkh: jitter(rng, d.population * (d.urban ? 0.022 : 0.031), 0.12),
            kpm_bpnt: jitter(rng, d.population * (d.urban ? 0.042 : 0.056), 0.12),
            jiwa_pbi_jk: jitter(rng, d.population * 0.24, 0.1),
          })),
        ),
      ],
    }),
    dataset({
      name: 'penyandang-disabilitas-kecamatan-2024',
      title:
        'Jumlah Penyandang Disabilitas Menurut Kecamatan dan Jenis Kelamin di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah penyandang disabilitas yang terdata per kecamatan menurut jenis kelamin. Sumber: pendataan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) oleh TKSK dan Dinas Sosial P3A.',
      agency: dinsos,
      topics: ['sosial'],
      tags: ['disabilitas', 'ppks', 'kesejahteraan sosial'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Penyandang disabilitas per kecamatan 2024',
          'Penyandang disabilitas menurut jenis kelamin.',
          'penyandang-disabilitas-kecamatan-2024.csv',
          districts.map((d) => {
            const l = jitter(rng, d.population * 0.0034, 0.2);
            const p = jitter(rng, d.population * 0.003, 0.2);
            return { ...place(d), tahun: 2024, laki_laki: l, perempuan: p, jumlah: l + p };
          }),
        ),
      ],
    }),
    dataset({
      name: 'kasus-kekerasan-perempuan-anak-2019-2024',
      title:
        'Jumlah Kasus Kekerasan terhadap Perempuan dan Anak yang Ditangani di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Jumlah kasus kekerasan terhadap perempuan dewasa dan anak yang dilaporkan dan ditangani UPTD PPA per tahun. Sumber: SIMFONI-PPA, Dinas Sosial P3A Kabupaten Magetan.',
      agency: dinsos,
      topics: ['sosial'],
      tags: ['kekerasan', 'perempuan', 'anak', 'simfoni-ppa'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource(
          'Kasus kekerasan perempuan dan anak 2019–2024',
          'Kasus terhadap perempuan dewasa, anak, dan jumlah.',
          'kekerasan-perempuan-anak-2019-2024.csv',
          YEARS.map((year) => {
            const perempuan = intBetween(rng, 18, 34);
            const anak = intBetween(rng, 30, 52) + (year - 2019) * 2;
            return {
              tahun: year,
              kasus_terhadap_perempuan: perempuan,
              kasus_terhadap_anak: anak,
              jumlah_kasus: perempuan + anak,
            };
          }),
        ),
      ],
    }),
    dataset({
      name: 'kemiskinan-kabupaten-magetan-2019-2024',
      title:
        'Jumlah dan Persentase Penduduk Miskin, Indeks Kedalaman dan Keparahan Kemiskinan di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Jumlah penduduk miskin, persentase penduduk miskin (P0), indeks kedalaman (P1), indeks keparahan (P2) dan garis kemiskinan. Sumber: BPS Kabupaten Magetan, Susenas Maret; dihimpun Bappelitbangda.',
      agency: 'bappeda',
      topics: ['sosial', 'ekonomi-keuangan'],
      tags: ['kemiskinan', 'garis kemiskinan', 'susenas'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource(
          'Kemiskinan 2019–2024',
          'Indikator kemiskinan per tahun.',
          'kemiskinan-2019-2024.csv',
          poverty,
        ),
      ],
    }),
    dataset({
      name: 'indeks-pembangunan-manusia-2019-2024',
      title: 'Indeks Pembangunan Manusia dan Komponennya di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Umur harapan hidup, harapan lama sekolah, rata-rata lama sekolah, pengeluaran per kapita disesuaikan, dan IPM. Sumber: BPS Kabupaten Magetan; IPM dihitung dengan metode baru (rata-rata geometrik tiga dimensi).',
      agency: 'bappeda',
      topics: ['sosial', 'pendidikan', 'kesehatan'],
      tags: ['ipm', 'pembangunan manusia', 'bps'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [resource('IPM 2019–2024', 'IPM dan komponennya per tahun.', 'ipm-2019-2024.csv', ipm)],
    }),
    dataset({
      name: 'rekap-dtks-desil-kecamatan-internal-2024',
      title: 'Rekapitulasi Internal Keluarga dalam DTKS Menurut Kecamatan dan Desil Kesejahteraan Tahun 2024',
      notes:
        'Rekap agregat jumlah keluarga dalam Data Terpadu Kesejahteraan Sosial per desil kesejahteraan per kecamatan, untuk perencanaan sasaran bantuan. Data internal, hasil verifikasi dan validasi desa belum final.',
      agency: dinsos,
      topics: ['sosial'],
      tags: ['dtks', 'desil', 'internal'],
      frequency: 'quarterly',
      period: [2024, 2024],
      draft: true,
      resources: [
        resource(
          'DTKS per kecamatan dan desil 2024',
          'Jumlah keluarga DTKS desil 1–4 (agregat).',
          'dtks-desil-kecamatan-2024.csv',
          districts.map((d) => {
            const kk = d.population / 3;
            const row = {
              desil_1: jitter(rng, kk * 0.05, 0.2),
              desil_2: jitter(rng, kk * 0.07, 0.2),
              desil_3: jitter(rng, kk * 0.08, 0.2),
              desil_4: jitter(rng, kk * 0.09, 0.2),
            };
            return {
              ...place(d),
              ...row,
              jumlah_keluarga: row.desil_1 + row.desil_2 + row.desil_3 + row.desil_4,
            };
          }),
        ),
      ],
    }),
  ];
}
