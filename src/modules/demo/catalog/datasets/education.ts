import type { CsvRow } from '../csv.js';
import type { DemoDataset } from '../demo-datasets.js';
import { between, intBetween, jitter, type Rng } from '../rng.js';
import { type District, dataset, fix, place, resource, YEARS } from './common.js';

/** Per level: people per school, pupils as a share of the population, pupils per teacher, state share. */
const LEVELS = [
  { jenjang: 'SD', perSchool: 1750, pupilShare: 0.082, pupilsPerTeacher: 13, negeri: 0.9 },
  { jenjang: 'SMP', perSchool: 9500, pupilShare: 0.04, pupilsPerTeacher: 15, negeri: 0.62 },
  { jenjang: 'SMA', perSchool: 36000, pupilShare: 0.02, pupilsPerTeacher: 16, negeri: 0.6 },
  { jenjang: 'SMK', perSchool: 30000, pupilShare: 0.024, pupilsPerTeacher: 15, negeri: 0.35 },
] as const;

export function educationDatasets(districts: District[], rng: Rng): DemoDataset[] {
  const schools: CsvRow[] = [];
  const pupils: CsvRow[] = [];
  const teachers: CsvRow[] = [];
  for (const d of districts) {
    for (const level of LEVELS) {
      const senior = level.jenjang === 'SMA' || level.jenjang === 'SMK';
      const count = Math.max(
        senior ? 0 : 3,
        Math.round((d.population / level.perSchool) * between(rng, 0.8, 1.2)),
      );
      const negeri = Math.min(count, Math.round(count * level.negeri * between(rng, 0.9, 1.1)));
      const total = jitter(rng, count * level.pupilShare * level.perSchool, 0.1);
      const boys = Math.round(total * between(rng, 0.49, 0.52));
      const guru = count === 0 ? 0 : Math.max(count * 6, Math.round(total / level.pupilsPerTeacher));
      const pns = Math.round(guru * between(rng, 0.48, 0.58));
      const pppk = Math.round(guru * between(rng, 0.14, 0.22));
      const base = { ...place(d), tahun_ajaran: '2024/2025', jenjang: level.jenjang };
      schools.push({ ...base, negeri, swasta: count - negeri, jumlah: count });
      pupils.push({ ...base, laki_laki: boys, perempuan: total - boys, jumlah: total });
      teachers.push({
        ...base,
        guru_pns: pns,
        guru_pppk: pppk,
        guru_non_asn: guru - pns - pppk,
        jumlah: guru,
      });
    }
  }
  const participation: CsvRow[] = YEARS.map((year) => {
    const t = year - 2019;
    return {
      tahun: year,
      apk_sd: fix(between(rng, 101, 106), 2),
      apm_sd: fix(between(rng, 97, 99.3), 2),
      apk_smp: fix(between(rng, 92, 97) + t * 0.3, 2),
      apm_smp: fix(between(rng, 80, 84) + t * 0.4, 2),
      apk_sma: fix(between(rng, 84, 90) + t * 0.6, 2),
      apm_sma: fix(between(rng, 67, 72) + t * 0.6, 2),
    };
  });
  const tags = ['sekolah', 'dapodik', 'kecamatan'];
  const note =
    'Sumber: Data Pokok Pendidikan (Dapodik) semester ganjil tahun ajaran 2024/2025, direkap Dinas Pendidikan.';

  return [
    dataset({
      name: 'jumlah-sekolah-kecamatan-jenjang-2024',
      title:
        'Jumlah Sekolah Menurut Kecamatan, Jenjang dan Status di Kabupaten Magetan Tahun Ajaran 2024/2025',
      notes: `Jumlah sekolah negeri dan swasta jenjang SD, SMP, SMA dan SMK per kecamatan. ${note}`,
      agency: 'disdik',
      topics: ['pendidikan'],
      tags,
      frequency: 'annual',
      period: ['2024-07-01', '2025-06-30'],
      resources: [
        resource(
          'Sekolah per kecamatan dan jenjang 2024/2025',
          'Sekolah negeri, swasta dan jumlah per jenjang.',
          'sekolah-kecamatan-jenjang-2024.csv',
          schools,
        ),
      ],
    }),
    dataset({
      name: 'jumlah-peserta-didik-kecamatan-jenjang-2024',
      title:
        'Jumlah Peserta Didik Menurut Kecamatan, Jenjang dan Jenis Kelamin di Kabupaten Magetan Tahun Ajaran 2024/2025',
      notes: `Jumlah peserta didik laki-laki dan perempuan per jenjang (menurut lokasi sekolah) per kecamatan. ${note}`,
      agency: 'disdik',
      topics: ['pendidikan'],
      tags: ['peserta didik', 'murid', 'dapodik'],
      frequency: 'annual',
      period: ['2024-07-01', '2025-06-30'],
      resources: [
        resource(
          'Peserta didik per kecamatan dan jenjang 2024/2025',
          'Peserta didik menurut jenis kelamin per jenjang.',
          'peserta-didik-kecamatan-jenjang-2024.csv',
          pupils,
        ),
      ],
    }),
    dataset({
      name: 'jumlah-guru-kecamatan-jenjang-status-2024',
      title:
        'Jumlah Guru Menurut Kecamatan, Jenjang dan Status Kepegawaian di Kabupaten Magetan Tahun Ajaran 2024/2025',
      notes: `Jumlah guru PNS, PPPK dan non-ASN per jenjang per kecamatan. ${note}`,
      agency: 'disdik',
      topics: ['pendidikan', 'pemerintahan'],
      tags: ['guru', 'pppk', 'dapodik'],
      frequency: 'annual',
      period: ['2024-07-01', '2025-06-30'],
      resources: [
        resource(
          'Guru per kecamatan dan jenjang 2024/2025',
          'Guru menurut status kepegawaian per jenjang.',
          'guru-kecamatan-jenjang-2024.csv',
          teachers,
        ),
      ],
    }),
    dataset({
      name: 'satuan-paud-kecamatan-2024',
      title:
        'Jumlah Satuan Pendidikan Anak Usia Dini Menurut Kecamatan dan Jenis di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah Taman Kanak-kanak (TK), Kelompok Bermain (KB), Taman Penitipan Anak (TPA) dan Satuan PAUD Sejenis (SPS) per kecamatan. Sumber: Dapodik PAUD, Dinas Pendidikan.',
      agency: 'disdik',
      topics: ['pendidikan'],
      tags: ['paud', 'taman kanak-kanak', 'kecamatan'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Satuan PAUD per kecamatan 2024',
          'TK, KB, TPA, SPS dan jumlah.',
          'satuan-paud-kecamatan-2024.csv',
          districts.map((d) => {
            const row = {
              tk: Math.round(d.population / between(rng, 1300, 1700)),
              kb: Math.round(d.population / between(rng, 2600, 3400)),
              tpa: intBetween(rng, 0, 2),
              sps: intBetween(rng, 0, 4),
            };
            return { ...place(d), ...row, jumlah: row.tk + row.kb + row.tpa + row.sps };
          }),
        ),
      ],
    }),
    dataset({
      name: 'angka-partisipasi-sekolah-2019-2024',
      title:
        'Angka Partisipasi Kasar dan Angka Partisipasi Murni Menurut Jenjang Pendidikan di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'APK dan APM jenjang SD/sederajat, SMP/sederajat dan SMA/sederajat per tahun. Sumber: BPS Kabupaten Magetan, Survei Sosial Ekonomi Nasional (Susenas) Maret.',
      agency: 'disdik',
      topics: ['pendidikan', 'sosial'],
      tags: ['apk', 'apm', 'partisipasi sekolah', 'susenas'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource(
          'APK dan APM 2019–2024',
          'Angka partisipasi kasar dan murni (%) per jenjang.',
          'apk-apm-2019-2024.csv',
          participation,
        ),
      ],
    }),
  ];
}
