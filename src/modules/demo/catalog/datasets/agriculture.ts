import type { CsvRow } from '../csv.js';
import type { DemoDataset } from '../demo-datasets.js';
import { between, intBetween, jitter, type Rng } from '../rng.js';
import { type District, dataset, fix, MONTHS, place, resource, YEARS } from './common.js';

/** Vegetables grown on Lawu's slopes: name, typical harvested area (ha), yield (t/ha). */
const VEGETABLES = [
  ['Kubis', 1650, 24],
  ['Wortel', 1200, 19],
  ['Kentang', 420, 17],
  ['Bawang daun', 980, 12],
  ['Bawang merah', 1350, 10.5],
  ['Cabai rawit', 1100, 6.8],
  ['Cabai besar', 640, 9.2],
  ['Tomat', 380, 19.5],
  ['Sawi', 520, 11.5],
  ['Buncis', 300, 10],
] as const;

const round2 = (x: number) => Math.round(x * 100) / 100;

export function agricultureDatasets(districts: District[], rng: Rng): DemoDataset[] {
  // Paddy land per district (ha), then rice harvest on it (about two crops a year).
  const land = districts.map((d) => {
    const ha = Math.round(d.areaKm2 * 100);
    const sawah = Math.round(
      ha * (d.highland ? between(rng, 0.18, 0.3) : between(rng, 0.42, 0.6)) * (d.urban ? 0.75 : 1),
    );
    const irigasi = Math.round(sawah * between(rng, 0.82, 0.97));
    return { d, ha, sawah, irigasi };
  });
  const rice2024 = land.map(({ d, sawah }) => {
    const area = round2(sawah * between(rng, 1.75, 2.15));
    const yieldT = between(rng, 5.5, 6.5);
    const produksi = round2(area * yieldT);
    return { d, area, produksi };
  });
  const area2024 = round2(rice2024.reduce((a, r) => a + r.area, 0));
  const prod2024 = round2(rice2024.reduce((a, r) => a + r.produksi, 0));
  const riceYears: CsvRow[] = YEARS.map((year) => {
    const area = year === 2024 ? area2024 : round2(area2024 * between(rng, 0.93, 1.04));
    const produksi = year === 2024 ? prod2024 : round2(area * between(rng, 5.6, 6.3));
    return {
      tahun: year,
      luas_panen_ha: fix(area, 2),
      produksi_ton: fix(produksi, 2),
      produktivitas_ton_per_ha: fix(produksi / area, 2),
    };
  });
  const tags = ['padi', 'produksi', 'luas panen', 'tanaman pangan'];

  return [
    dataset({
      name: 'luas-panen-produksi-produktivitas-padi-2019-2024',
      title: 'Luas Panen, Produksi dan Produktivitas Padi di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Luas panen (ha), produksi gabah kering giling (ton) dan produktivitas (ton/ha) padi sawah dan ladang. Sumber: laporan Statistik Pertanian (SP) Dinas Pertanian dan Ketahanan Pangan; produktivitas = produksi dibagi luas panen.',
      agency: 'distan',
      topics: ['pertanian'],
      tags,
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource(
          'Padi Kabupaten Magetan 2019–2024',
          'Luas panen, produksi dan produktivitas padi per tahun.',
          'padi-kabupaten-2019-2024.csv',
          riceYears,
        ),
        resource(
          'Padi per kecamatan 2024',
          'Luas panen, produksi dan produktivitas padi per kecamatan.',
          'padi-kecamatan-2024.csv',
          rice2024.map(({ d, area, produksi }) => ({
            ...place(d),
            tahun: 2024,
            luas_panen_ha: fix(area, 2),
            produksi_ton: fix(produksi, 2),
            produktivitas_ton_per_ha: fix(produksi / area, 2),
          })),
        ),
      ],
    }),
    dataset({
      name: 'luas-lahan-sawah-kecamatan-2024',
      title: 'Luas Lahan Sawah Menurut Kecamatan dan Jenis Pengairan di Kabupaten Magetan Tahun 2024',
      notes:
        'Luas lahan sawah irigasi, sawah tadah hujan dan lahan bukan sawah (ha) per kecamatan. Sumber: Dinas Pertanian dan Ketahanan Pangan, dipadankan dengan Lahan Baku Sawah ATR/BPN.',
      agency: 'distan',
      topics: ['pertanian', 'infrastruktur'],
      tags: ['lahan sawah', 'irigasi', 'penggunaan lahan'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Luas lahan sawah per kecamatan 2024',
          'Sawah irigasi, tadah hujan, bukan sawah dan luas wilayah (ha).',
          'lahan-sawah-kecamatan-2024.csv',
          land.map(({ d, ha, sawah, irigasi }) => ({
            ...place(d),
            sawah_irigasi_ha: irigasi,
            sawah_tadah_hujan_ha: sawah - irigasi,
            lahan_bukan_sawah_ha: ha - sawah,
            luas_wilayah_ha: ha,
          })),
        ),
      ],
    }),
    dataset({
      name: 'produksi-palawija-kecamatan-2024',
      title: 'Produksi Tanaman Palawija Menurut Kecamatan dan Jenis Tanaman di Kabupaten Magetan Tahun 2024',
      notes:
        'Produksi jagung, kedelai, kacang tanah, ubi kayu dan ubi jalar (ton) per kecamatan. Sumber: laporan Statistik Pertanian tanaman pangan Dinas Pertanian dan Ketahanan Pangan.',
      agency: 'distan',
      topics: ['pertanian'],
      tags: ['palawija', 'jagung', 'kedelai', 'tanaman pangan'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Produksi palawija per kecamatan 2024',
          'Produksi palawija (ton) per kecamatan.',
          'palawija-kecamatan-2024.csv',
          land.map(({ d, ha, sawah }) => {
            const dry = (ha - sawah) / 100;
            return {
              ...place(d),
              jagung_ton: jitter(rng, dry * 95, 0.35),
              kedelai_ton: jitter(rng, (sawah / 100) * 9, 0.5),
              kacang_tanah_ton: jitter(rng, dry * 6, 0.5),
              ubi_kayu_ton: jitter(rng, dry * (d.highland ? 70 : 30), 0.4),
              ubi_jalar_ton: jitter(rng, dry * (d.highland ? 14 : 3), 0.5),
            };
          }),
        ),
      ],
    }),
    dataset({
      name: 'luas-panen-produksi-sayuran-2024',
      title:
        'Luas Panen dan Produksi Tanaman Sayuran Semusim Menurut Komoditas di Kabupaten Magetan Tahun 2024',
      notes:
        'Luas panen (ha), produksi (ton) dan produktivitas (ton/ha) sayuran semusim, sebagian besar dari lereng Gunung Lawu (Plaosan, Poncol, Panekan). Sumber: laporan SP Hortikultura Dinas Pertanian dan Ketahanan Pangan.',
      agency: 'distan',
      topics: ['pertanian'],
      tags: ['hortikultura', 'sayuran', 'produksi'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Sayuran semusim 2024',
          'Luas panen, produksi dan produktivitas per komoditas.',
          'sayuran-semusim-2024.csv',
          VEGETABLES.map(([komoditas, area, yieldT]) => {
            const luas = jitter(rng, area, 0.12);
            const produksi = round2(luas * yieldT * between(rng, 0.9, 1.1));
            return {
              komoditas,
              luas_panen_ha: luas,
              produksi_ton: fix(produksi, 2),
              produktivitas_ton_per_ha: fix(produksi / luas, 2),
            };
          }),
        ),
      ],
    }),
    dataset({
      name: 'populasi-ternak-kecamatan-2024',
      title: 'Populasi Ternak Menurut Kecamatan dan Jenis Ternak di Kabupaten Magetan Tahun 2024',
      notes:
        'Populasi ternak besar, ternak kecil dan unggas (ekor) per kecamatan, keadaan akhir 2024. Sumber: laporan petugas peternakan kecamatan yang direkap Dinas Pertanian dan Ketahanan Pangan.',
      agency: 'distan',
      topics: ['pertanian'],
      tags: ['peternakan', 'ternak', 'unggas'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Populasi ternak per kecamatan 2024',
          'Populasi ternak (ekor) menurut jenis per kecamatan.',
          'populasi-ternak-kecamatan-2024.csv',
          districts.map((d) => ({
            ...place(d),
            sapi_potong: jitter(rng, d.population * 0.085, 0.3),
            sapi_perah: d.highland ? intBetween(rng, 40, 420) : intBetween(rng, 0, 15),
            kerbau: intBetween(rng, 0, 60),
            kambing: jitter(rng, d.population * 0.11, 0.3),
            domba: jitter(rng, d.population * (d.highland ? 0.12 : 0.05), 0.3),
            ayam_buras: jitter(rng, d.population * 0.75, 0.25),
            ayam_ras_pedaging: d.urban ? jitter(rng, 30_000, 0.4) : jitter(rng, 140_000, 0.6),
            itik: jitter(rng, d.population * 0.09, 0.4),
          })),
        ),
      ],
    }),
    dataset({
      name: 'harga-eceran-beras-bulanan-2024',
      title: 'Rata-rata Harga Eceran Beras Medium dan Premium per Bulan di Kabupaten Magetan Tahun 2024',
      notes:
        'Rata-rata harga eceran beras medium dan premium (rupiah per kg) di pasar-pasar utama per bulan. Sumber: pemantauan harga pangan mingguan Dinas Pertanian dan Ketahanan Pangan (Panel Harga Pangan).',
      agency: 'distan',
      topics: ['pertanian', 'ekonomi-keuangan'],
      tags: ['harga pangan', 'beras', 'ketahanan pangan'],
      frequency: 'monthly',
      period: [2024, 2024],
      resources: [
        resource(
          'Harga eceran beras per bulan 2024',
          'Harga beras medium dan premium (Rp/kg).',
          'harga-beras-bulanan-2024.csv',
          MONTHS.map((bulan, i) => {
            const medium =
              Math.round((12_600 + (i < 3 ? 900 : 0) + i * 30 + between(rng, -150, 150)) / 50) * 50;
            return {
              tahun: 2024,
              bulan: i + 1,
              nama_bulan: bulan,
              beras_medium_rp_per_kg: medium,
              beras_premium_rp_per_kg: medium + Math.round(between(rng, 1800, 2300) / 50) * 50,
            };
          }),
        ),
      ],
    }),
  ];
}
