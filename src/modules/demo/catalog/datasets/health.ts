import type { CsvRow } from '../csv.js';
import type { DemoDataset } from '../demo-datasets.js';
import { between, intBetween, jitter, type Rng } from '../rng.js';
import { allocate, type District, dataset, fix, MONTHS, pct, place, resource, YEARS } from './common.js';

const DISEASES = [
  ['I10', 'Hipertensi esensial (primer)'],
  ['E11.9', 'Diabetes melitus tipe 2 tanpa komplikasi'],
  ['J06.9', 'Infeksi saluran pernapasan atas akut'],
  ['K30', 'Dispepsia fungsional'],
  ['I25.1', 'Penyakit jantung aterosklerotik'],
  ['N18.5', 'Penyakit ginjal kronis stadium 5'],
  ['M17.9', 'Gonartrosis'],
  ['A15.0', 'Tuberkulosis paru'],
  ['J44.9', 'Penyakit paru obstruktif kronis'],
  ['I63.9', 'Infark serebral'],
] as const;

export function healthDatasets(districts: District[], rng: Rng): DemoDataset[] {
  const totalPop = districts.reduce((a, d) => a + d.population, 0);
  const extraPuskesmas = new Set(
    [...districts]
      .sort((a, b) => b.population - a.population)
      .slice(0, 4)
      .map((d) => d.code),
  );
  const stunting = (shift: number): CsvRow[] =>
    districts.map((d) => {
      const diukur = jitter(rng, d.population * 0.052, 0.05);
      const rate = between(rng, 0.06, 0.15) + (d.highland ? 0.02 : 0) - (d.urban ? 0.02 : 0) + shift;
      const kasus = Math.round(diukur * rate);
      return {
        ...place(d),
        balita_diukur: diukur,
        balita_stunting: kasus,
        prevalensi_persen: pct(kasus, diukur),
      };
    });
  const stunting2024 = stunting(0);
  const sum = (rows: CsvRow[], key: string) => rows.reduce((a, r) => a + Number(r[key] ?? 0), 0);
  const stuntingYears: CsvRow[] = YEARS.map((year) => {
    // 2024 is the sum of the districts; earlier years trend down from ~17%.
    const diukur = year === 2024 ? sum(stunting2024, 'balita_diukur') : jitter(rng, totalPop * 0.054, 0.02);
    const rate = 0.168 - (year - 2019) * 0.013 + between(rng, -0.004, 0.004);
    const kasus = year === 2024 ? sum(stunting2024, 'balita_stunting') : Math.round(diukur * rate);
    return {
      tahun: year,
      balita_diukur: diukur,
      balita_stunting: kasus,
      prevalensi_persen: pct(kasus, diukur),
    };
  });
  const dbd: CsvRow[] = YEARS.map((year) => {
    const base = { 2019: 610, 2020: 290, 2021: 140, 2022: 230, 2023: 180, 2024: 720 }[year];
    const kasus = jitter(rng, base, 0.08);
    const meninggal = Math.max(0, Math.round(kasus * between(rng, 0.003, 0.012)));
    return {
      tahun: year,
      jumlah_kasus: kasus,
      jumlah_meninggal: meninggal,
      incidence_rate_per_100000: fix((kasus / totalPop) * 100_000),
      case_fatality_rate_persen: pct(meninggal, kasus, 2),
    };
  });
  const maternal: CsvRow[] = YEARS.map((year) => {
    const lahirHidup = jitter(rng, totalPop * 0.0121, 0.03);
    const ibu = year === 2021 ? intBetween(rng, 14, 19) : intBetween(rng, 4, 9);
    const bayi = intBetween(rng, 55, 85);
    return {
      tahun: year,
      lahir_hidup: lahirHidup,
      kematian_ibu: ibu,
      kematian_bayi: bayi,
      aki_per_100000_kh: fix((ibu / lahirHidup) * 100_000),
      akb_per_1000_kh: fix((bayi / lahirHidup) * 1000),
    };
  });
  const diseaseCounts = allocate(
    jitter(rng, 41_000, 0.05),
    DISEASES.map((_, i) => 10 - i + between(rng, 0, 0.8)),
  ).sort((a, b) => b - a);
  const yearTopics = ['kesehatan'];

  return [
    dataset({
      name: 'fasilitas-kesehatan-kecamatan-2024',
      title: 'Jumlah Fasilitas Kesehatan Menurut Kecamatan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah puskesmas, puskesmas pembantu, ponkesdes dan posyandu aktif per kecamatan. Sumber: Profil Kesehatan Dinas Kesehatan Kabupaten Magetan 2024.',
      agency: 'dinkes',
      topics: yearTopics,
      tags: ['puskesmas', 'posyandu', 'fasilitas kesehatan'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Fasilitas kesehatan per kecamatan 2024',
          'Puskesmas, pustu, ponkesdes dan posyandu per kecamatan.',
          'fasilitas-kesehatan-kecamatan-2024.csv',
          districts.map((d) => ({
            ...place(d),
            puskesmas: extraPuskesmas.has(d.code) ? 2 : 1,
            puskesmas_pembantu: intBetween(rng, 2, 5),
            ponkesdes: intBetween(rng, 8, 16),
            posyandu: Math.round(d.population / between(rng, 620, 760)),
          })),
        ),
      ],
    }),
    dataset({
      name: 'prevalensi-stunting-kecamatan-2024',
      title: 'Prevalensi Balita Stunting Menurut Kecamatan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah balita yang diukur, balita stunting (tinggi badan menurut umur < -2 SD) dan prevalensinya per kecamatan. Sumber: aplikasi e-PPGBM, hasil bulan penimbangan balita Agustus; dilengkapi tren kabupaten 2019–2024.',
      agency: 'dinkes',
      topics: ['kesehatan', 'sosial'],
      tags: ['stunting', 'gizi', 'balita', 'e-ppgbm'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource(
          'Stunting per kecamatan 2024',
          'Balita diukur, balita stunting, prevalensi (%).',
          'stunting-kecamatan-2024.csv',
          stunting2024,
        ),
        resource(
          'Stunting Kabupaten Magetan 2019–2024',
          'Prevalensi stunting kabupaten per tahun.',
          'stunting-kabupaten-2019-2024.csv',
          stuntingYears,
        ),
      ],
    }),
    dataset({
      name: 'cakupan-imunisasi-dasar-lengkap-kecamatan-2024',
      title: 'Cakupan Imunisasi Dasar Lengkap pada Bayi Menurut Kecamatan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah sasaran bayi, bayi yang mendapat imunisasi dasar lengkap (IDL) dan persentase cakupannya per kecamatan. Sumber: laporan imunisasi puskesmas yang direkap Dinas Kesehatan.',
      agency: 'dinkes',
      topics: yearTopics,
      tags: ['imunisasi', 'bayi', 'spm kesehatan'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Imunisasi dasar lengkap per kecamatan 2024',
          'Sasaran bayi, bayi IDL, cakupan (%).',
          'imunisasi-dasar-lengkap-kecamatan-2024.csv',
          districts.map((d) => {
            const sasaran = jitter(rng, d.population * 0.0118, 0.05);
            const idl = Math.round(sasaran * between(rng, 0.9, 0.995));
            return { ...place(d), sasaran_bayi: sasaran, bayi_idl: idl, cakupan_persen: pct(idl, sasaran) };
          }),
        ),
      ],
    }),
    dataset({
      name: 'tenaga-kesehatan-puskesmas-kecamatan-2024',
      title:
        'Jumlah Tenaga Kesehatan di Puskesmas Menurut Kecamatan dan Jenis Tenaga di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah dokter umum, dokter gigi, bidan, perawat dan tenaga gizi yang bertugas di puskesmas per kecamatan, keadaan Desember 2024. Sumber: SISDMK Dinas Kesehatan.',
      agency: 'dinkes',
      topics: ['kesehatan', 'pemerintahan'],
      tags: ['tenaga kesehatan', 'puskesmas', 'sdm kesehatan'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Tenaga kesehatan puskesmas 2024',
          'Tenaga kesehatan menurut jenis per kecamatan.',
          'tenaga-kesehatan-puskesmas-2024.csv',
          districts.map((d) => {
            const row = {
              dokter_umum: intBetween(rng, 2, 5),
              dokter_gigi: intBetween(rng, 1, 2),
              bidan: jitter(rng, d.population / 1700, 0.15),
              perawat: jitter(rng, d.population / 2300, 0.15),
              tenaga_gizi: intBetween(rng, 1, 3),
            };
            return { ...place(d), ...row, jumlah: Object.values(row).reduce((a, b) => a + b, 0) };
          }),
        ),
      ],
    }),
    dataset({
      name: 'kasus-demam-berdarah-dengue-2019-2024',
      title: 'Jumlah Kasus dan Kematian Demam Berdarah Dengue di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Jumlah kasus DBD, kematian, angka kesakitan per 100.000 penduduk dan case fatality rate per tahun. Sumber: surveilans penyakit Dinas Kesehatan Kabupaten Magetan.',
      agency: 'dinkes',
      topics: yearTopics,
      tags: ['dbd', 'demam berdarah', 'surveilans'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource('Kasus DBD 2019–2024', 'Kasus dan kematian DBD per tahun.', 'kasus-dbd-2019-2024.csv', dbd),
      ],
    }),
    dataset({
      name: 'kematian-ibu-dan-bayi-2019-2024',
      title: 'Jumlah Kematian Ibu dan Kematian Bayi di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Jumlah lahir hidup, kematian ibu, kematian bayi, serta angka kematian ibu (per 100.000 KH) dan bayi (per 1.000 KH) yang dilaporkan fasilitas kesehatan. Sumber: Profil Kesehatan Dinas Kesehatan.',
      agency: 'dinkes',
      topics: yearTopics,
      tags: ['kematian ibu', 'kematian bayi', 'kesehatan ibu dan anak'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource(
          'AKI dan AKB 2019–2024',
          'Kematian ibu dan bayi per tahun.',
          'kematian-ibu-bayi-2019-2024.csv',
          maternal,
        ),
      ],
    }),
    dataset({
      name: 'kunjungan-pasien-rsud-sayidiman-bulanan-2024',
      title:
        'Jumlah Kunjungan Pasien RSUD dr. Sayidiman Magetan Menurut Jenis Pelayanan per Bulan Tahun 2024',
      notes:
        'Jumlah kunjungan rawat jalan, rawat inap (pasien keluar) dan instalasi gawat darurat, serta Bed Occupancy Rate per bulan. Sumber: SIMRS RSUD dr. Sayidiman Magetan.',
      agency: 'rsud-sayidiman',
      topics: yearTopics,
      tags: ['rumah sakit', 'kunjungan pasien', 'bor'],
      frequency: 'monthly',
      period: [2024, 2024],
      resources: [
        resource(
          'Kunjungan pasien per bulan 2024',
          'Kunjungan rawat jalan, rawat inap, IGD dan BOR (%).',
          'kunjungan-pasien-rsud-2024.csv',
          MONTHS.map((bulan, i) => ({
            tahun: 2024,
            bulan: i + 1,
            nama_bulan: bulan,
            rawat_jalan: jitter(rng, i === 3 ? 13_500 : 16_800, 0.06),
            rawat_inap: jitter(rng, 1_950, 0.08),
            igd: jitter(rng, 2_300, 0.08),
            bor_persen: fix(between(rng, 62, 81)),
          })),
        ),
      ],
    }),
    dataset({
      name: 'sepuluh-besar-penyakit-rawat-jalan-rsud-sayidiman-2024',
      title: 'Sepuluh Besar Penyakit Pasien Rawat Jalan RSUD dr. Sayidiman Magetan Tahun 2024',
      notes:
        'Sepuluh diagnosis utama (kode ICD-10) terbanyak pada kunjungan rawat jalan selama 2024. Sumber: rekam medis elektronik RSUD dr. Sayidiman Magetan.',
      agency: 'rsud-sayidiman',
      topics: yearTopics,
      tags: ['penyakit', 'icd-10', 'rawat jalan'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Sepuluh besar penyakit rawat jalan 2024',
          'Peringkat, kode ICD-10, nama penyakit, jumlah kasus.',
          'sepuluh-besar-penyakit-rawat-jalan-2024.csv',
          DISEASES.map(([kode, nama], i) => ({
            peringkat: i + 1,
            kode_icd10: kode,
            nama_penyakit: nama,
            jumlah_kasus: diseaseCounts[i] ?? 0,
          })),
        ),
      ],
    }),
    dataset({
      name: 'prevalensi-stunting-kecamatan-2025-sementara',
      title: 'Prevalensi Balita Stunting Menurut Kecamatan di Kabupaten Magetan Semester I 2025 (Sementara)',
      notes:
        'Angka sementara hasil penimbangan Februari 2025 dari e-PPGBM, belum diverifikasi walidata. Akan dipublikasikan setelah bulan penimbangan Agustus 2025.',
      agency: 'dinkes',
      topics: ['kesehatan', 'sosial'],
      tags: ['stunting', 'gizi', 'sementara'],
      frequency: 'semiannual',
      period: ['2025-01-01', '2025-06-30'],
      draft: true,
      resources: [
        resource(
          'Stunting per kecamatan Semester I 2025 (sementara)',
          'Balita diukur, balita stunting, prevalensi (%), angka sementara.',
          'stunting-kecamatan-2025-s1-sementara.csv',
          stunting(-0.008),
        ),
      ],
    }),
  ];
}
