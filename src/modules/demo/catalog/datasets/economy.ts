import type { CsvRow } from '../csv.js';
import type { DemoDataset } from '../demo-datasets.js';
import { between, jitter, type Rng } from '../rng.js';
import { allocate, type District, dataset, fix, pct, place, resource, YEARS } from './common.js';

const M = 1_000_000;
/** Local taxes after UU 1/2022 (HKPD): name and typical 2024 target in millions of rupiah. */
const TAXES = [
  ['PBB-P2', 27_500],
  ['BPHTB', 22_000],
  ['PBJT Makanan dan/atau Minuman', 12_000],
  ['PBJT Jasa Perhotelan', 2_600],
  ['PBJT Jasa Kesenian dan Hiburan', 650],
  ['PBJT Tenaga Listrik', 38_000],
  ['PBJT Jasa Parkir', 420],
  ['Pajak Reklame', 1_400],
  ['Pajak Air Tanah', 380],
  ['Pajak Mineral Bukan Logam dan Batuan', 2_100],
] as const;
/** Sectors (lapangan usaha, KBLI 2020 sections) and their rough share of Magetan's GRDP. */
const SECTORS = [
  ['A', 'Pertanian, Kehutanan, dan Perikanan', 23.5],
  ['B', 'Pertambangan dan Penggalian', 1.1],
  ['C', 'Industri Pengolahan', 9.4],
  ['D', 'Pengadaan Listrik dan Gas', 0.1],
  ['E', 'Pengadaan Air, Pengelolaan Sampah, Limbah dan Daur Ulang', 0.1],
  ['F', 'Konstruksi', 9.8],
  ['G', 'Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor', 18.6],
  ['H', 'Transportasi dan Pergudangan', 2.3],
  ['I', 'Penyediaan Akomodasi dan Makan Minum', 4.1],
  ['J', 'Informasi dan Komunikasi', 6.2],
  ['K', 'Jasa Keuangan dan Asuransi', 3.4],
  ['L', 'Real Estat', 2.6],
  ['M,N', 'Jasa Perusahaan', 0.6],
  ['O', 'Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib', 6.4],
  ['P', 'Jasa Pendidikan', 7.3],
  ['Q', 'Jasa Kesehatan dan Kegiatan Sosial', 2.0],
  ['R,S,T,U', 'Jasa Lainnya', 2.5],
] as const;
const GROWTH = { 2019: 5.11, 2020: -1.62, 2021: 3.41, 2022: 4.93, 2023: 4.81, 2024: 4.89 } as const;

const rupiah = (millions: number) => Math.round(millions) * M;

export function economyDatasets(districts: District[], rng: Rng): DemoDataset[] {
  const totalPop = districts.reduce((a, d) => a + d.population, 0);
  const pbb = districts.map((d) => {
    const sppt = jitter(rng, d.population * 0.62, 0.08);
    const ketetapan = Math.round((sppt * between(rng, 48_000, 75_000) * (d.urban ? 1.9 : 1)) / 1000) * 1000;
    return { d, sppt, ketetapan, realisasi: Math.round(ketetapan * between(rng, 0.78, 0.98)) };
  });
  const pbbRealised = pbb.reduce((a, r) => a + r.realisasi, 0);
  // The PBB-P2 line is the sum of the districts; taxes of 2024 add up to the PAD's pajak daerah.
  const taxes = TAXES.map(([jenis, target]) => {
    const t = rupiah(target * between(rng, 0.97, 1.03));
    const r = jenis === 'PBB-P2' ? pbbRealised : Math.round(t * between(rng, 0.88, 1.12));
    return { tahun: 2024, jenis_pajak: jenis, target_rp: t, realisasi_rp: r, persentase: pct(r, t, 2) };
  });
  const taxes2024 = taxes.reduce((a, r) => a + r.realisasi_rp, 0);
  const pad = YEARS.map((year) => {
    const t = year - 2019;
    const pajak =
      year === 2024
        ? taxes2024
        : rupiah((68_000 + t * 7_500 - (year === 2020 ? 6_000 : 0)) * between(rng, 0.97, 1.03));
    const retribusi = rupiah(between(rng, 11_000, 14_000) + (year === 2024 ? 150_000 : 0));
    const kekayaan = rupiah(between(rng, 6_500, 9_500));
    const lain = rupiah(
      year === 2024 ? between(rng, 22_000, 28_000) : 135_000 + t * 9_000 + between(rng, -4_000, 4_000),
    );
    return { year, pajak, retribusi, kekayaan, lain, jumlah: pajak + retribusi + kekayaan + lain };
  });
  const apbd = (year: 2023 | 2024): CsvRow[] => {
    const padReal = pad.find((p) => p.year === year)?.jumlah ?? 300_000 * M;
    const scale = year === 2024 ? 1.05 : 1;
    const lines: [string, string, number, number][] = [];
    const add = (kode: string, uraian: string, anggaran: number, rate: number) => {
      lines.push([kode, uraian, anggaran, Math.round(anggaran * rate)]);
    };
    const transfer = rupiah(1_720_000 * scale * between(rng, 0.98, 1.02));
    const lainPend = rupiah(between(rng, 20_000, 45_000));
    lines.push(['4.1', 'Pendapatan Asli Daerah', rupiah(padReal / M / between(rng, 0.96, 1.04)), padReal]);
    add('4.2', 'Pendapatan Transfer', transfer, between(rng, 0.97, 1.0));
    add('4.3', 'Lain-lain Pendapatan Daerah yang Sah', lainPend, between(rng, 0.9, 1.0));
    add(
      '5.1',
      'Belanja Operasi',
      rupiah(1_530_000 * scale * between(rng, 0.98, 1.02)),
      between(rng, 0.9, 0.95),
    );
    add('5.2', 'Belanja Modal', rupiah(260_000 * scale * between(rng, 0.9, 1.1)), between(rng, 0.82, 0.93));
    add('5.3', 'Belanja Tidak Terduga', rupiah(between(rng, 5_000, 15_000)), between(rng, 0.05, 0.4));
    add(
      '5.4',
      'Belanja Transfer',
      rupiah(330_000 * scale * between(rng, 0.97, 1.03)),
      between(rng, 0.96, 0.995),
    );
    const sum = (prefix: string, k: 2 | 3) =>
      lines.filter((l) => l[0].startsWith(prefix)).reduce((a, l) => a + l[k], 0);
    const rows: [string, string, number, number][] = [
      ['4', 'Pendapatan Daerah', sum('4.', 2), sum('4.', 3)],
      ...lines.filter((l) => l[0].startsWith('4.')),
      ['5', 'Belanja Daerah', sum('5.', 2), sum('5.', 3)],
      ...lines.filter((l) => l[0].startsWith('5.')),
    ];
    return rows.map(([kode, uraian, anggaran, realisasi]) => ({
      tahun: year,
      kode_akun: kode,
      uraian,
      anggaran_rp: anggaran,
      realisasi_rp: realisasi,
      persentase_realisasi: pct(realisasi, anggaran, 2),
    }));
  };
  let adhk = 12_050;
  let adhb = 17_480;
  const pdrb: CsvRow[] = YEARS.map((year) => {
    if (year > 2019) {
      adhk *= 1 + GROWTH[year] / 100;
      adhb *= (1 + GROWTH[year] / 100) * between(rng, 1.025, 1.045);
    }
    const pop = totalPop * (1 - (2024 - year) * 0.004);
    return {
      tahun: year,
      pdrb_adhb_miliar_rp: fix(adhb, 2),
      pdrb_adhk_2010_miliar_rp: fix(adhk, 2),
      laju_pertumbuhan_persen: fix(GROWTH[year], 2),
      pdrb_per_kapita_adhb_ribu_rp: Math.round((adhb * 1e9) / pop / 1000),
    };
  });
  const sectorValues = allocate(
    Math.round(adhb * 100),
    SECTORS.map((s) => s[2] * between(rng, 0.95, 1.05)),
  );
  const sectorTotal = sectorValues.reduce((a, b) => a + b, 0);

  return [
    dataset({
      name: 'realisasi-pendapatan-asli-daerah-2019-2024',
      title: 'Realisasi Pendapatan Asli Daerah Menurut Jenis Pendapatan di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Realisasi PAD (rupiah) menurut pajak daerah, retribusi daerah, hasil pengelolaan kekayaan daerah yang dipisahkan, dan lain-lain PAD yang sah. Sumber: Laporan Realisasi Anggaran (audited) yang direkap Bapenda; sejak 2024 pendapatan BLUD dicatat sebagai retribusi sesuai UU 1/2022.',
      agency: 'bapenda',
      topics: ['ekonomi-keuangan'],
      tags: ['pad', 'pendapatan daerah', 'pajak daerah', 'retribusi'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource(
          'Realisasi PAD 2019–2024',
          'Realisasi PAD menurut jenis (rupiah).',
          'realisasi-pad-2019-2024.csv',
          pad.map((p) => ({
            tahun: p.year,
            pajak_daerah_rp: p.pajak,
            retribusi_daerah_rp: p.retribusi,
            hasil_kekayaan_daerah_dipisahkan_rp: p.kekayaan,
            lain_lain_pad_sah_rp: p.lain,
            jumlah_pad_rp: p.jumlah,
          })),
        ),
      ],
    }),
    dataset({
      name: 'target-realisasi-pajak-daerah-2024',
      title: 'Target dan Realisasi Pajak Daerah Menurut Jenis Pajak di Kabupaten Magetan Tahun 2024',
      notes:
        'Target (APBD Perubahan) dan realisasi penerimaan tiap jenis pajak daerah (rupiah) serta persentase capaian. Sumber: Sistem Informasi Pajak Daerah Bapenda Kabupaten Magetan.',
      agency: 'bapenda',
      topics: ['ekonomi-keuangan'],
      tags: ['pajak daerah', 'pbjt', 'pbb-p2', 'bphtb'],
      frequency: 'quarterly',
      period: [2024, 2024],
      resources: [
        resource(
          'Pajak daerah 2024',
          'Target, realisasi (rupiah) dan capaian (%) per jenis pajak.',
          'pajak-daerah-2024.csv',
          taxes,
        ),
      ],
    }),
    dataset({
      name: 'realisasi-pbb-p2-kecamatan-2024',
      title:
        'Ketetapan dan Realisasi Pajak Bumi dan Bangunan Perdesaan dan Perkotaan Menurut Kecamatan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah SPPT, pokok ketetapan dan realisasi PBB-P2 (rupiah) per kecamatan untuk tahun pajak 2024. Sumber: SISMIOP Bapenda Kabupaten Magetan, keadaan 31 Desember 2024.',
      agency: 'bapenda',
      topics: ['ekonomi-keuangan'],
      tags: ['pbb-p2', 'sppt', 'kecamatan'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'PBB-P2 per kecamatan 2024',
          'SPPT, ketetapan, realisasi (rupiah) dan persentase.',
          'pbb-p2-kecamatan-2024.csv',
          pbb.map(({ d, sppt, ketetapan, realisasi }) => ({
            ...place(d),
            jumlah_sppt: sppt,
            ketetapan_rp: ketetapan,
            realisasi_rp: realisasi,
            persentase: pct(realisasi, ketetapan),
          })),
        ),
      ],
    }),
    dataset({
      name: 'ringkasan-apbd-2023-2024',
      title:
        'Ringkasan Anggaran dan Realisasi Pendapatan dan Belanja Daerah Kabupaten Magetan Tahun 2023–2024',
      notes:
        'Anggaran (APBD Perubahan) dan realisasi pendapatan dan belanja daerah menurut kelompok akun (rupiah). Sumber: Laporan Realisasi Anggaran Pemerintah Kabupaten Magetan, dihimpun Bappelitbangda.',
      agency: 'bappeda',
      topics: ['ekonomi-keuangan', 'pemerintahan'],
      tags: ['apbd', 'belanja daerah', 'pendapatan daerah', 'keuangan daerah'],
      frequency: 'annual',
      period: [2023, 2024],
      resources: [
        resource(
          'Ringkasan APBD 2023',
          'Anggaran dan realisasi 2023.',
          'ringkasan-apbd-2023.csv',
          apbd(2023),
        ),
        resource(
          'Ringkasan APBD 2024',
          'Anggaran dan realisasi 2024.',
          'ringkasan-apbd-2024.csv',
          apbd(2024),
        ),
      ],
    }),
    dataset({
      name: 'pdrb-laju-pertumbuhan-ekonomi-2019-2024',
      title: 'Produk Domestik Regional Bruto dan Laju Pertumbuhan Ekonomi Kabupaten Magetan Tahun 2019–2024',
      notes:
        'PDRB atas dasar harga berlaku dan harga konstan 2010 (miliar rupiah), laju pertumbuhan ekonomi, PDRB per kapita, dan struktur PDRB 2024 menurut lapangan usaha. Sumber: BPS Kabupaten Magetan, dihimpun Bappelitbangda.',
      agency: 'bappeda',
      topics: ['ekonomi-keuangan'],
      tags: ['pdrb', 'pertumbuhan ekonomi', 'lapangan usaha'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource('PDRB 2019–2024', 'PDRB, pertumbuhan dan PDRB per kapita.', 'pdrb-2019-2024.csv', pdrb),
        resource(
          'PDRB menurut lapangan usaha 2024',
          'PDRB ADHB per lapangan usaha (miliar rupiah) dan distribusinya (%).',
          'pdrb-lapangan-usaha-2024.csv',
          SECTORS.map(([kode, nama], i) => ({
            tahun: 2024,
            kode_lapangan_usaha: kode,
            lapangan_usaha: nama,
            pdrb_adhb_miliar_rp: fix((sectorValues[i] ?? 0) / 100, 2),
            distribusi_persen: pct(sectorValues[i] ?? 0, sectorTotal, 2),
          })),
        ),
      ],
    }),
    dataset({
      name: 'realisasi-pajak-daerah-2025-triwulan-i-sementara',
      title: 'Realisasi Pajak Daerah Menurut Jenis Pajak Triwulan I Tahun 2025 (Sementara)',
      notes:
        'Realisasi sementara penerimaan pajak daerah sampai 31 Maret 2025, belum direkonsiliasi dengan kas daerah. Draf internal Bapenda.',
      agency: 'bapenda',
      topics: ['ekonomi-keuangan'],
      tags: ['pajak daerah', 'sementara'],
      frequency: 'quarterly',
      period: ['2025-01-01', '2025-03-31'],
      draft: true,
      resources: [
        resource(
          'Pajak daerah triwulan I 2025 (sementara)',
          'Realisasi sementara per jenis pajak (rupiah).',
          'pajak-daerah-2025-tw1.csv',
          TAXES.map(([jenis, target]) => ({
            tahun: 2025,
            triwulan: 1,
            jenis_pajak: jenis,
            realisasi_rp: rupiah(target * between(rng, 0.16, 0.3)),
          })),
        ),
      ],
    }),
  ];
}
