import type { CsvRow } from '../csv.js';
import type { DemoDataset } from '../demo-datasets.js';
import { between, intBetween, jitter, type Rng } from '../rng.js';
import { allocate, type District, dataset, districtNamed, fix, MONTHS, place, resource } from './common.js';

/** PNS by rank: share of men and women (many teachers and nurses, hence more women in III and IV). */
const RANKS = [
  ['Golongan I', 45, 8],
  ['Golongan II', 560, 390],
  ['Golongan III', 1_150, 1_620],
  ['Golongan IV', 820, 1_150],
] as const;
const EDUCATION = [
  ['SD', 0.008, 0.002],
  ['SMP', 0.015, 0.005],
  ['SMA/sederajat', 0.16, 0.1],
  ['D1–D3', 0.07, 0.12],
  ['D4/S1', 0.56, 0.62],
  ['S2', 0.18, 0.15],
  ['S3', 0.007, 0.003],
] as const;
const SPBE = [
  [2019, 1.93],
  [2021, 2.41],
  [2022, 2.79],
  [2023, 3.08],
  [2024, 3.31],
] as const;

function spbeLabel(index: number): string {
  if (index < 1.8) return 'Kurang';
  if (index < 2.6) return 'Cukup';
  if (index < 3.5) return 'Baik';
  if (index < 4.2) return 'Sangat Baik';
  return 'Memuaskan';
}

export function governmentDatasets(districts: District[], rng: Rng): DemoDataset[] {
  const ranks = RANKS.map(([golongan, l, p]) => ({
    golongan,
    l: jitter(rng, l, 0.05),
    p: jitter(rng, p, 0.05),
  }));
  const men = ranks.reduce((a, r) => a + r.l, 0);
  const women = ranks.reduce((a, r) => a + r.p, 0);
  const eduMen = allocate(
    men,
    EDUCATION.map((e) => e[1]),
  );
  const eduWomen = allocate(
    women,
    EDUCATION.map((e) => e[2]),
  );
  const complaints: CsvRow[] = MONTHS.map((bulan, i) => {
    const masuk = jitter(rng, 95, 0.3);
    const proses = i < 10 ? intBetween(rng, 0, 2) : intBetween(rng, 2, 9);
    return {
      tahun: 2024,
      bulan: i + 1,
      nama_bulan: bulan,
      aduan_masuk: masuk,
      aduan_selesai: masuk - proses,
      aduan_dalam_proses: proses,
      rata_rata_hari_penyelesaian: fix(between(rng, 3, 9)),
    };
  });
  const kec = districtNamed(districts, 'Magetan');

  return [
    dataset({
      name: 'pns-golongan-jenis-kelamin-2024',
      title:
        'Jumlah Pegawai Negeri Sipil Menurut Golongan dan Jenis Kelamin di Lingkungan Pemerintah Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah PNS daerah menurut golongan ruang dan jenis kelamin, keadaan 31 Desember 2024. Sumber: SIMPEG/SIASN yang dikelola BKPSDM, dihimpun Bagian Organisasi Setda.',
      agency: 'setda',
      topics: ['pemerintahan'],
      tags: ['asn', 'pns', 'kepegawaian'],
      frequency: 'semiannual',
      period: [2024, 2024],
      resources: [
        resource(
          'PNS menurut golongan 2024',
          'PNS menurut golongan dan jenis kelamin.',
          'pns-golongan-2024.csv',
          ranks.map((r) => ({ golongan: r.golongan, laki_laki: r.l, perempuan: r.p, jumlah: r.l + r.p })),
        ),
        resource(
          'PNS menurut tingkat pendidikan 2024',
          'PNS menurut pendidikan terakhir dan jenis kelamin.',
          'pns-pendidikan-2024.csv',
          EDUCATION.map(([pendidikan], i) => {
            const l = eduMen[i] ?? 0;
            const p = eduWomen[i] ?? 0;
            return { pendidikan_terakhir: pendidikan, laki_laki: l, perempuan: p, jumlah: l + p };
          }),
        ),
      ],
    }),
    dataset({
      name: 'pengaduan-masyarakat-sp4n-lapor-bulanan-2024',
      title:
        'Jumlah Pengaduan Masyarakat melalui SP4N-LAPOR! Menurut Status Penyelesaian per Bulan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah aduan yang masuk, selesai ditindaklanjuti dan masih dalam proses, serta rata-rata lama penyelesaian (hari) per bulan. Sumber: dasbor SP4N-LAPOR! admin Kabupaten Magetan, Diskominfo.',
      agency: 'diskominfo',
      topics: ['pemerintahan'],
      tags: ['pengaduan', 'sp4n-lapor', 'pelayanan publik'],
      frequency: 'monthly',
      period: [2024, 2024],
      resources: [
        resource(
          'Pengaduan per bulan 2024',
          'Aduan per bulan menurut status.',
          'pengaduan-bulanan-2024.csv',
          complaints,
        ),
      ],
    }),
    dataset({
      name: 'indeks-spbe-2019-2024',
      title: 'Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE) Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Indeks dan predikat SPBE Pemerintah Kabupaten Magetan hasil evaluasi Kementerian PANRB (tidak ada evaluasi pada 2020). Dihimpun Diskominfo.',
      agency: 'diskominfo',
      topics: ['pemerintahan'],
      tags: ['spbe', 'e-government', 'indeks'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource(
          'Indeks SPBE 2019–2024',
          'Indeks SPBE dan predikat per tahun evaluasi.',
          'indeks-spbe-2019-2024.csv',
          SPBE.map(([tahun, indeks]) => ({
            tahun,
            indeks_spbe: fix(indeks, 2),
            predikat: spbeLabel(indeks),
          })),
        ),
      ],
    }),
    dataset({
      name: 'titik-wifi-publik-menara-telekomunikasi-kecamatan-2024',
      title:
        'Jumlah Titik Wi-Fi Publik dan Menara Telekomunikasi Menurut Kecamatan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah titik akses internet publik gratis yang dikelola pemerintah daerah dan menara telekomunikasi berizin per kecamatan. Sumber: Bidang Infrastruktur TIK Diskominfo.',
      agency: 'diskominfo',
      topics: ['pemerintahan', 'infrastruktur'],
      tags: ['wifi publik', 'menara telekomunikasi', 'tik'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Wi-Fi publik dan menara per kecamatan 2024',
          'Titik Wi-Fi publik dan menara telekomunikasi.',
          'wifi-menara-kecamatan-2024.csv',
          districts.map((d) => ({
            ...place(d),
            titik_wifi_publik: intBetween(rng, 4, d.urban ? 28 : 14),
            menara_telekomunikasi: jitter(rng, d.population / 2_600, 0.3),
          })),
        ),
      ],
    }),
    dataset({
      name: 'layanan-paten-kecamatan-magetan-bulanan-2024',
      title:
        'Jumlah Layanan Administrasi Terpadu Kecamatan (PATEN) Menurut Jenis Layanan per Bulan di Kecamatan Magetan Tahun 2024',
      notes:
        'Jumlah layanan surat keterangan, rekomendasi perizinan, legalisasi dokumen dan layanan administrasi kependudukan yang diberikan di Kecamatan Magetan per bulan. Sumber: buku register layanan PATEN Kecamatan Magetan.',
      agency: 'kec-magetan',
      topics: ['pemerintahan', 'kependudukan'],
      tags: ['paten', 'pelayanan publik', 'kecamatan'],
      frequency: 'monthly',
      period: [2024, 2024],
      spatial: [kec.code],
      resources: [
        resource(
          'Layanan PATEN per bulan 2024',
          'Layanan per jenis per bulan.',
          'layanan-paten-bulanan-2024.csv',
          MONTHS.map((bulan, i) => {
            const row = {
              surat_keterangan: jitter(rng, 140, 0.2),
              rekomendasi_perizinan: jitter(rng, 22, 0.35),
              legalisasi_dokumen: jitter(rng, 85, 0.25),
              layanan_adminduk: jitter(rng, 310, 0.2),
            };
            const jumlah = Object.values(row).reduce((a, b) => a + b, 0);
            return { ...place(kec), tahun: 2024, bulan: i + 1, nama_bulan: bulan, ...row, jumlah };
          }),
        ),
      ],
    }),
    dataset({
      name: 'usulan-musrenbang-kecamatan-magetan-2024',
      title: 'Jumlah Usulan Musrenbang Kecamatan Magetan Menurut Bidang Tahun 2024',
      notes:
        'Jumlah usulan kegiatan hasil Musrenbang Kecamatan Magetan untuk RKPD 2025 dan yang diakomodasi dalam rancangan RKPD, menurut bidang. Sumber: SIPD dan notulen Musrenbang Kecamatan Magetan.',
      agency: 'kec-magetan',
      topics: ['pemerintahan', 'ekonomi-keuangan'],
      tags: ['musrenbang', 'perencanaan', 'rkpd'],
      frequency: 'annual',
      period: [2024, 2024],
      spatial: [kec.code],
      resources: [
        resource(
          'Usulan Musrenbang per bidang 2024',
          'Usulan masuk dan diakomodasi per bidang.',
          'usulan-musrenbang-2024.csv',
          ['Infrastruktur dan Kewilayahan', 'Sosial Budaya', 'Ekonomi', 'Pemerintahan'].map((bidang) => {
            const usulan = intBetween(rng, 18, 64);
            const diakomodasi = Math.round(usulan * between(rng, 0.3, 0.6));
            return { ...place(kec), bidang, usulan_masuk: usulan, usulan_diakomodasi: diakomodasi };
          }),
        ),
      ],
    }),
  ];
}
