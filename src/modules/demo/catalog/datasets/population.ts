import type { CsvRow } from '../csv.js';
import type { DemoDataset } from '../demo-datasets.js';
import { between, jitter, type Rng } from '../rng.js';
import { allocate, type District, dataset, fix, pct, place, resource, YEARS } from './common.js';

const AGE_GROUPS = [
  ['0-4', 5.8, 5.4],
  ['5-9', 6.4, 6.0],
  ['10-14', 6.7, 6.3],
  ['15-19', 6.8, 6.4],
  ['20-24', 6.7, 6.4],
  ['25-29', 6.6, 6.4],
  ['30-34', 6.7, 6.6],
  ['35-39', 7.0, 6.9],
  ['40-44', 7.2, 7.1],
  ['45-49', 7.3, 7.3],
  ['50-54', 7.1, 7.3],
  ['55-59', 6.8, 7.0],
  ['60-64', 6.0, 6.4],
  ['65-69', 4.8, 5.2],
  ['70-74', 3.4, 3.9],
  ['75+', 3.5, 4.6],
] as const;

export function populationDatasets(districts: District[], rng: Rng): DemoDataset[] {
  const male = districts.reduce((a, d) => a + d.male, 0);
  const female = districts.reduce((a, d) => a + d.female, 0);
  const topics = ['kependudukan'];

  // Year-end totals, growing ~0.4% a year back from 2024.
  const yearly: CsvRow[] = [];
  let [m, f] = [male, female];
  for (const year of [...YEARS].reverse()) {
    yearly.unshift({ tahun: year, laki_laki: m, perempuan: f, jumlah: m + f });
    m = Math.round(m / between(rng, 1.002, 1.006));
    f = Math.round(f / between(rng, 1.002, 1.006));
  }

  const maleAges = allocate(
    male,
    AGE_GROUPS.map((g) => g[1]),
  );
  const femaleAges = allocate(
    female,
    AGE_GROUPS.map((g) => g[2]),
  );

  const vital: CsvRow[] = YEARS.map((year) => {
    const total = yearly.find((r) => r.tahun === year)?.jumlah;
    const pop = typeof total === 'number' ? total : male + female;
    const births = Math.round(pop * between(rng, 0.0118, 0.0128) * (year === 2021 ? 0.95 : 1));
    const deaths = Math.round(pop * between(rng, 0.0078, 0.0088) * (year === 2021 ? 1.45 : 1));
    const bm = Math.round(births * between(rng, 0.505, 0.52));
    const dm = Math.round(deaths * between(rng, 0.51, 0.54));
    return {
      tahun: year,
      lahir_laki_laki: bm,
      lahir_perempuan: births - bm,
      jumlah_kelahiran: births,
      mati_laki_laki: dm,
      mati_perempuan: deaths - dm,
      jumlah_kematian: deaths,
    };
  });

  return [
    dataset({
      name: 'jumlah-penduduk-kecamatan-jenis-kelamin-2024',
      title: 'Jumlah Penduduk Menurut Kecamatan dan Jenis Kelamin di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah penduduk per kecamatan menurut jenis kelamin, keadaan 31 Desember 2024. Sumber: data konsolidasi bersih (DKB) SIAK Dispendukcapil Kabupaten Magetan Semester II 2024. Dilengkapi jumlah penduduk kabupaten tahun 2019–2024.',
      agency: 'dispendukcapil',
      topics,
      tags: ['penduduk', 'jenis kelamin', 'kecamatan', 'siak'],
      frequency: 'semiannual',
      period: [2019, 2024],
      resources: [
        resource(
          'Penduduk per kecamatan 2024',
          'Jumlah penduduk per kecamatan menurut jenis kelamin, Semester II 2024.',
          'penduduk-kecamatan-jenis-kelamin-2024.csv',
          districts.map((d) => ({
            ...place(d),
            tahun: 2024,
            laki_laki: d.male,
            perempuan: d.female,
            jumlah: d.population,
          })),
        ),
        resource(
          'Penduduk Kabupaten Magetan 2019–2024',
          'Jumlah penduduk kabupaten menurut jenis kelamin, keadaan akhir tahun.',
          'penduduk-kabupaten-2019-2024.csv',
          yearly,
        ),
      ],
    }),
    dataset({
      name: 'penduduk-kelompok-umur-jenis-kelamin-2024',
      title: 'Jumlah Penduduk Menurut Kelompok Umur dan Jenis Kelamin di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah penduduk Kabupaten Magetan menurut kelompok umur lima tahunan dan jenis kelamin, keadaan 31 Desember 2024. Sumber: DKB SIAK Dispendukcapil Semester II 2024.',
      agency: 'dispendukcapil',
      topics,
      tags: ['penduduk', 'kelompok umur', 'piramida penduduk'],
      frequency: 'semiannual',
      period: [2024, 2024],
      resources: [
        resource(
          'Penduduk menurut kelompok umur 2024',
          'Penduduk per kelompok umur lima tahunan dan jenis kelamin.',
          'penduduk-kelompok-umur-2024.csv',
          AGE_GROUPS.map((g, i) => {
            const l = maleAges[i] ?? 0;
            const p = femaleAges[i] ?? 0;
            return { kelompok_umur: g[0], laki_laki: l, perempuan: p, jumlah: l + p };
          }),
        ),
      ],
    }),
    dataset({
      name: 'kepadatan-penduduk-kecamatan-2024',
      title: 'Luas Wilayah, Jumlah dan Kepadatan Penduduk Menurut Kecamatan di Kabupaten Magetan Tahun 2024',
      notes:
        'Luas wilayah, jumlah penduduk dan kepadatan penduduk (jiwa per km²) per kecamatan. Luas wilayah dari data batas wilayah administrasi, jumlah penduduk dari DKB Dispendukcapil Semester II 2024.',
      agency: 'bappeda',
      topics: ['kependudukan', 'pemerintahan'],
      tags: ['kepadatan penduduk', 'luas wilayah', 'kecamatan'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Kepadatan penduduk per kecamatan 2024',
          'Luas wilayah (km²), jumlah penduduk dan kepadatan (jiwa/km²).',
          'kepadatan-penduduk-kecamatan-2024.csv',
          districts.map((d) => ({
            ...place(d),
            luas_wilayah_km2: fix(d.areaKm2, 2),
            jumlah_penduduk: d.population,
            kepadatan_jiwa_per_km2: Math.round(d.population / d.areaKm2),
          })),
        ),
      ],
    }),
    dataset({
      name: 'kelahiran-kematian-2019-2024',
      title: 'Jumlah Kelahiran dan Kematian Menurut Jenis Kelamin di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Jumlah peristiwa kelahiran dan kematian yang dilaporkan dan dicatat dalam SIAK per tahun, menurut jenis kelamin. Sumber: Dispendukcapil Kabupaten Magetan.',
      agency: 'dispendukcapil',
      topics,
      tags: ['kelahiran', 'kematian', 'pencatatan sipil'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource(
          'Kelahiran dan kematian 2019–2024',
          'Kelahiran dan kematian per tahun menurut jenis kelamin.',
          'kelahiran-kematian-2019-2024.csv',
          vital,
        ),
      ],
    }),
    dataset({
      name: 'perekaman-ktp-el-kecamatan-2024',
      title:
        'Jumlah Wajib KTP dan Perekaman KTP Elektronik Menurut Kecamatan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah penduduk wajib KTP, yang sudah melakukan perekaman KTP-el, dan persentasenya per kecamatan, keadaan Desember 2024. Sumber: SIAK Dispendukcapil Kabupaten Magetan.',
      agency: 'dispendukcapil',
      topics,
      tags: ['ktp-el', 'adminduk', 'kecamatan'],
      frequency: 'semiannual',
      period: [2024, 2024],
      resources: [
        resource(
          'Perekaman KTP-el per kecamatan 2024',
          'Wajib KTP, sudah rekam, dan persentase perekaman.',
          'perekaman-ktp-el-kecamatan-2024.csv',
          districts.map((d) => {
            const wajib = jitter(rng, d.population * 0.77, 0.015);
            const rekam = Math.round(wajib * between(rng, 0.975, 0.996));
            return { ...place(d), wajib_ktp: wajib, sudah_rekam: rekam, persentase_rekam: pct(rekam, wajib) };
          }),
        ),
      ],
    }),
    dataset({
      name: 'kepemilikan-akta-kelahiran-anak-2024',
      title:
        'Kepemilikan Akta Kelahiran Anak Usia 0–17 Tahun Menurut Kecamatan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah anak usia 0–17 tahun dan yang telah memiliki akta kelahiran per kecamatan, keadaan Desember 2024. Sumber: SIAK Dispendukcapil Kabupaten Magetan.',
      agency: 'dispendukcapil',
      topics: ['kependudukan', 'sosial'],
      tags: ['akta kelahiran', 'anak', 'adminduk'],
      frequency: 'semiannual',
      period: [2024, 2024],
      resources: [
        resource(
          'Akta kelahiran anak per kecamatan 2024',
          'Anak 0–17 tahun, yang memiliki akta kelahiran, dan persentase kepemilikan.',
          'akta-kelahiran-anak-kecamatan-2024.csv',
          districts.map((d) => {
            const anak = jitter(rng, d.population * 0.235, 0.03);
            const akta = Math.round(anak * between(rng, 0.955, 0.992));
            return { ...place(d), jumlah_anak: anak, memiliki_akta: akta, persentase: pct(akta, anak) };
          }),
        ),
      ],
    }),
    dataset({
      name: 'rekap-kk-nik-kecamatan-internal-2024',
      title: 'Rekapitulasi Internal Jumlah Kartu Keluarga dan NIK Menurut Kecamatan Tahun 2024',
      notes:
        'Rekap internal jumlah kartu keluarga, NIK aktif, dan KK dengan kepala keluarga perempuan per kecamatan untuk keperluan verifikasi data bersama walidata. Data agregat, bukan untuk publikasi.',
      agency: 'dispendukcapil',
      topics,
      tags: ['kartu keluarga', 'nik', 'internal'],
      frequency: 'semiannual',
      period: [2024, 2024],
      draft: true,
      resources: [
        resource(
          'Rekap KK dan NIK per kecamatan 2024',
          'Jumlah KK, NIK aktif, dan KK berkepala keluarga perempuan (agregat).',
          'rekap-kk-nik-kecamatan-2024.csv',
          districts.map((d) => {
            const kk = Math.round(d.population / between(rng, 2.9, 3.2));
            return {
              ...place(d),
              jumlah_kk: kk,
              jumlah_nik_aktif: d.population,
              kk_kepala_perempuan: Math.round(kk * between(rng, 0.21, 0.27)),
            };
          }),
        ),
      ],
    }),
  ];
}
