import type { CsvRow } from '../csv.js';
import type { DemoDataset } from '../demo-datasets.js';
import { between, intBetween, jitter, type Rng } from '../rng.js';
import { type District, dataset, districtNamed, fix, MONTHS, pct, place, resource, YEARS } from './common.js';

/** ISPU sub-index for PM2.5 (Permen LHK P.14/2020 breakpoints, first three bands). */
function ispuPm25(c: number): number {
  const bands = [
    [0, 15.5, 0, 50],
    [15.5, 55.4, 50, 100],
    [55.4, 150.4, 100, 200],
  ] as const;
  for (const [lo, hi, ilo, ihi] of bands)
    if (c <= hi) return Math.round(ilo + ((c - lo) * (ihi - ilo)) / (hi - lo));
  return 200;
}

export function environmentDatasets(districts: District[], rng: Rng): DemoDataset[] {
  const totalPop = districts.reduce((a, d) => a + d.population, 0);
  const waste: CsvRow[] = YEARS.map((year) => {
    const t = year - 2019;
    const timbulan = Math.round(
      (totalPop * (1 - (2024 - year) * 0.004) * between(rng, 0.5, 0.54) * 365) / 1000,
    );
    const pengurangan = Math.round(timbulan * (0.12 + t * 0.012));
    const penanganan = Math.round(timbulan * (0.55 + t * 0.025));
    return {
      tahun: year,
      timbulan_ton: timbulan,
      pengurangan_ton: pengurangan,
      penanganan_ton: penanganan,
      sampah_terkelola_ton: pengurangan + penanganan,
      persentase_terkelola: pct(pengurangan + penanganan, timbulan),
    };
  });
  const tpa: CsvRow[] = MONTHS.map((bulan, i) => ({
    tahun: 2024,
    bulan: i + 1,
    nama_bulan: bulan,
    sampah_masuk_ton: jitter(rng, 5_600 + (i === 3 || i === 11 ? 450 : 0), 0.05),
    ritase_truk: jitter(rng, 1_480, 0.05),
  }));
  let ika = 51.2;
  const iklh: CsvRow[] = YEARS.map((year) => {
    ika += between(rng, -1.5, 2);
    const iku = between(rng, 87, 91.5);
    const iktl = between(rng, 54, 60);
    return {
      tahun: year,
      indeks_kualitas_air: fix(ika, 2),
      indeks_kualitas_udara: fix(iku, 2),
      indeks_kualitas_tutupan_lahan: fix(iktl, 2),
      iklh: fix(0.376 * ika + 0.405 * iku + 0.219 * iktl, 2),
    };
  });
  const air: CsvRow[] = MONTHS.map((bulan, i) => {
    const dry = i >= 5 && i <= 9;
    const pm25 = between(rng, 9, 17) + (dry ? between(rng, 6, 14) : 0);
    const ispu = ispuPm25(pm25);
    return {
      tahun: 2024,
      bulan: i + 1,
      nama_bulan: bulan,
      pm10_ug_m3: fix(pm25 * between(rng, 1.6, 2.1)),
      pm2_5_ug_m3: fix(pm25),
      so2_ug_m3: fix(between(rng, 4, 14)),
      no2_ug_m3: fix(between(rng, 8, 22)),
      ispu,
      kategori: ispu <= 50 ? 'Baik' : ispu <= 100 ? 'Sedang' : 'Tidak Sehat',
    };
  });
  const tags = ['sampah', 'sipsn', 'pengelolaan sampah'];

  return [
    dataset({
      name: 'pengelolaan-sampah-2019-2024',
      title: 'Timbulan dan Pengelolaan Sampah di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Timbulan sampah, pengurangan, penanganan dan persentase sampah terkelola (ton per tahun), serta sampah yang masuk TPA Milangasri per bulan 2024. Sumber: Sistem Informasi Pengelolaan Sampah Nasional (SIPSN) dan jembatan timbang TPA, Dinas Lingkungan Hidup.',
      agency: 'dlh',
      topics: ['lingkungan-hidup'],
      tags,
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource(
          'Pengelolaan sampah 2019–2024',
          'Timbulan, pengurangan, penanganan (ton) dan persentase terkelola.',
          'pengelolaan-sampah-2019-2024.csv',
          waste,
        ),
        resource(
          'Sampah masuk TPA per bulan 2024',
          'Sampah masuk TPA (ton) dan ritase truk per bulan.',
          'sampah-masuk-tpa-bulanan-2024.csv',
          tpa,
        ),
      ],
    }),
    dataset({
      name: 'bank-sampah-kecamatan-2024',
      title:
        'Jumlah Bank Sampah, Nasabah dan Sampah Terkelola Menurut Kecamatan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah unit bank sampah aktif, nasabah, dan berat sampah yang dikelola (kg) per kecamatan selama 2024. Sumber: pembinaan bank sampah Dinas Lingkungan Hidup.',
      agency: 'dlh',
      topics: ['lingkungan-hidup'],
      tags: ['bank sampah', 'daur ulang', 'sampah'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Bank sampah per kecamatan 2024',
          'Unit bank sampah, nasabah, sampah terkelola (kg).',
          'bank-sampah-kecamatan-2024.csv',
          districts.map((d) => {
            const unit = intBetween(rng, 3, d.urban ? 22 : 12);
            return {
              ...place(d),
              unit_bank_sampah: unit,
              jumlah_nasabah: jitter(rng, unit * 48, 0.3),
              sampah_terkelola_kg: jitter(rng, unit * 2_600, 0.35),
            };
          }),
        ),
      ],
    }),
    dataset({
      name: 'indeks-kualitas-lingkungan-hidup-2019-2024',
      title: 'Indeks Kualitas Lingkungan Hidup Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Indeks kualitas air, udara dan tutupan lahan, serta IKLH sebagai rata-rata tertimbang ketiganya. Sumber: Dinas Lingkungan Hidup, metode perhitungan Kementerian LHK.',
      agency: 'dlh',
      topics: ['lingkungan-hidup'],
      tags: ['iklh', 'kualitas lingkungan', 'indeks'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource('IKLH 2019–2024', 'IKA, IKU, IKTL dan IKLH per tahun.', 'iklh-2019-2024.csv', iklh),
      ],
    }),
    dataset({
      name: 'kualitas-udara-ambien-bulanan-2024',
      title:
        'Rata-rata Konsentrasi Parameter Kualitas Udara Ambien dan ISPU per Bulan di Kabupaten Magetan Tahun 2024',
      notes:
        'Rata-rata bulanan PM10, PM2.5, SO2 dan NO2 (µg/m³) dan Indeks Standar Pencemar Udara dari stasiun pemantau kualitas udara di kawasan perkotaan Magetan. Sumber: Dinas Lingkungan Hidup; ISPU dihitung dari PM2.5 sesuai Permen LHK P.14/2020.',
      agency: 'dlh',
      topics: ['lingkungan-hidup', 'kesehatan'],
      tags: ['kualitas udara', 'ispu', 'pm2.5'],
      frequency: 'monthly',
      period: [2024, 2024],
      spatial: [districtNamed(districts, 'Magetan').code],
      resources: [
        resource(
          'Kualitas udara per bulan 2024',
          'Konsentrasi parameter dan ISPU per bulan.',
          'kualitas-udara-bulanan-2024.csv',
          air,
        ),
      ],
    }),
  ];
}
