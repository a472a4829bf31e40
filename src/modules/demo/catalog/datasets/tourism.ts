import type { CsvRow } from '../csv.js';
import type { DemoDataset } from '../demo-datasets.js';
import { between, intBetween, jitter, type Rng } from '../rng.js';
import { allocate, type District, dataset, districtNamed, MONTHS, place, resource, YEARS } from './common.js';

/** Destinations, the kecamatan they are in, and their rough share of visits. */
const DESTINATIONS = [
  ['Telaga Sarangan', 'Plaosan', 46],
  ['Mojosemi Forest Park', 'Plaosan', 11],
  ['Telaga Wahyu', 'Plaosan', 4],
  ['Air Terjun Tirtosari', 'Plaosan', 5],
  ['Cemoro Sewu (Jalur Pendakian Gunung Lawu)', 'Plaosan', 6],
  ['Candi Sadon', 'Panekan', 1.5],
  ['Monumen Soco', 'Bendo', 1.2],
  ['Sentra Industri Kulit Jalan Sawo', 'Magetan', 7],
] as const;
/** Relative monthly visits: Lebaran in April 2024, school holidays June–July, year-end holidays. */
const SEASON = [0.85, 0.7, 0.65, 1.55, 0.9, 1.15, 1.2, 0.85, 0.8, 0.8, 0.85, 1.5] as const;
const YEAR_TOTAL = {
  2019: 1_840_000,
  2020: 690_000,
  2021: 810_000,
  2022: 1_620_000,
  2023: 1_930_000,
} as const;
const ARTS = ['reog', 'jaranan', 'karawitan', 'campursari', 'hadrah', 'ketoprak'] as const;

export function tourismDatasets(districts: District[], rng: Rng): DemoDataset[] {
  const months = allocate(
    jitter(rng, 2_050_000, 0.02),
    SEASON.map((s) => s * between(rng, 0.95, 1.05)),
  );
  const monthly: CsvRow[] = MONTHS.map((bulan, i) => {
    const total = months[i] ?? 0;
    const mancanegara = Math.round(total * between(rng, 0.0015, 0.004));
    return {
      tahun: 2024,
      bulan: i + 1,
      nama_bulan: bulan,
      wisatawan_nusantara: total - mancanegara,
      wisatawan_mancanegara: mancanegara,
      jumlah: total,
    };
  });
  const total2024 = months.reduce((a, b) => a + b, 0);
  const yearly: CsvRow[] = YEARS.map((year) => {
    const total = year === 2024 ? total2024 : jitter(rng, YEAR_TOTAL[year], 0.02);
    const mancanegara = Math.round(
      total * between(rng, 0.001, 0.004) * (year === 2020 || year === 2021 ? 0.2 : 1),
    );
    return {
      tahun: year,
      wisatawan_nusantara: total - mancanegara,
      wisatawan_mancanegara: mancanegara,
      jumlah: total,
    };
  });
  const destVisits = allocate(
    Math.round(total2024 * 0.82),
    DESTINATIONS.map((d) => d[2] * between(rng, 0.9, 1.1)),
  );
  const plaosan = districtNamed(districts, 'Plaosan');

  return [
    dataset({
      name: 'kunjungan-wisatawan-2019-2024',
      title: 'Jumlah Kunjungan Wisatawan Nusantara dan Mancanegara di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Jumlah kunjungan wisatawan nusantara dan mancanegara ke daya tarik wisata per tahun, dan per bulan untuk 2024. Sumber: laporan tiket masuk dan pengelola daya tarik wisata yang direkap Disparbudpora.',
      agency: 'disparbud',
      topics: ['pariwisata-budaya'],
      tags: ['wisatawan', 'kunjungan wisata', 'pariwisata'],
      frequency: 'monthly',
      period: [2019, 2024],
      resources: [
        resource(
          'Kunjungan wisatawan per bulan 2024',
          'Kunjungan per bulan 2024.',
          'wisatawan-bulanan-2024.csv',
          monthly,
        ),
        resource('Kunjungan wisatawan 2019–2024', 'Kunjungan per tahun.', 'wisatawan-2019-2024.csv', yearly),
      ],
    }),
    dataset({
      name: 'kunjungan-wisatawan-destinasi-2024',
      title: 'Jumlah Kunjungan Wisatawan Menurut Daya Tarik Wisata di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah kunjungan wisatawan ke daya tarik wisata utama selama 2024, dengan kecamatan lokasinya. Sumber: penjualan tiket retribusi dan laporan pengelola swasta, direkap Disparbudpora.',
      agency: 'disparbud',
      topics: ['pariwisata-budaya'],
      tags: ['daya tarik wisata', 'telaga sarangan', 'kunjungan wisata'],
      frequency: 'annual',
      period: [2024, 2024],
      spatial: [...new Set(DESTINATIONS.map((d) => districtNamed(districts, d[1]).code))].sort(),
      resources: [
        resource(
          'Kunjungan per daya tarik wisata 2024',
          'Daya tarik wisata, kecamatan, jumlah kunjungan.',
          'wisatawan-destinasi-2024.csv',
          DESTINATIONS.map(([nama, kec], i) => ({
            daya_tarik_wisata: nama,
            ...place(districtNamed(districts, kec)),
            tahun: 2024,
            jumlah_kunjungan: destVisits[i] ?? 0,
          })),
        ),
      ],
    }),
    dataset({
      name: 'akomodasi-wisata-kecamatan-2024',
      title:
        'Jumlah Akomodasi dan Kamar Menurut Kecamatan dan Jenis Akomodasi di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah hotel berbintang, hotel non-bintang, homestay/pondok wisata dan kamar per kecamatan; sebagian besar berada di kawasan Telaga Sarangan. Sumber: perizinan usaha pariwisata (OSS) dan pendataan Disparbudpora.',
      agency: 'disparbud',
      topics: ['pariwisata-budaya', 'ekonomi-keuangan'],
      tags: ['hotel', 'homestay', 'akomodasi'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Akomodasi per kecamatan 2024',
          'Hotel, homestay dan jumlah kamar.',
          'akomodasi-kecamatan-2024.csv',
          districts.map((d) => {
            const isPlaosan = d.code === plaosan.code;
            const bintang = isPlaosan ? intBetween(rng, 3, 5) : d.urban ? intBetween(rng, 0, 2) : 0;
            const nonBintang = isPlaosan
              ? intBetween(rng, 70, 95)
              : d.urban
                ? intBetween(rng, 5, 12)
                : intBetween(rng, 0, 2);
            const homestay = isPlaosan
              ? intBetween(rng, 45, 80)
              : d.highland
                ? intBetween(rng, 2, 12)
                : intBetween(rng, 0, 3);
            return {
              ...place(d),
              hotel_berbintang: bintang,
              hotel_non_bintang: nonBintang,
              homestay,
              jumlah_kamar:
                bintang * intBetween(rng, 35, 60) + nonBintang * intBetween(rng, 10, 16) + homestay * 3,
            };
          }),
        ),
      ],
    }),
    dataset({
      name: 'kelompok-kesenian-kecamatan-2024',
      title: 'Jumlah Kelompok Kesenian Menurut Kecamatan dan Jenis Kesenian di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah kelompok kesenian tradisional yang terdaftar (Nomor Induk Kesenian) per kecamatan menurut jenis. Sumber: Bidang Kebudayaan Disparbudpora.',
      agency: 'disparbud',
      topics: ['pariwisata-budaya'],
      tags: ['kesenian', 'kebudayaan', 'reog'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Kelompok kesenian per kecamatan 2024',
          'Kelompok kesenian menurut jenis dan jumlah.',
          'kelompok-kesenian-kecamatan-2024.csv',
          districts.map((d) => {
            const counts = ARTS.map((art) =>
              art === 'hadrah' || art === 'karawitan' ? intBetween(rng, 2, 9) : intBetween(rng, 0, 5),
            );
            const row: CsvRow = { ...place(d) };
            ARTS.forEach((art, i) => {
              row[art] = counts[i] ?? 0;
            });
            row.jumlah = counts.reduce((a, b) => a + b, 0);
            return row;
          }),
        ),
      ],
    }),
  ];
}
