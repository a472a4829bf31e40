import type { CsvRow } from '../csv.js';
import type { DemoDataset } from '../demo-datasets.js';
import { between, intBetween, jitter, type Rng } from '../rng.js';
import { allocate, type District, dataset, fix, pct, place, resource, YEARS } from './common.js';

const km = (hundredths: number) => fix(hundredths / 100, 2);

export function infrastructureDatasets(districts: District[], rng: Rng): DemoDataset[] {
  // Regency road network, in hundredths of a km so that the parts add up exactly.
  let length = 72_940;
  let good = 0.52;
  const roads: CsvRow[] = YEARS.map((year) => {
    if (year > 2019) length += intBetween(rng, 60, 260);
    good = Math.min(0.66, good + (year === 2020 ? -0.02 : between(rng, 0.01, 0.035)));
    const sedang = between(rng, 0.17, 0.21);
    const parts = allocate(length, [good, sedang, (1 - good - sedang) * 0.6, (1 - good - sedang) * 0.4]);
    const [baik = 0, sed = 0, rr = 0, rb = 0] = parts;
    return {
      tahun: year,
      baik_km: km(baik),
      sedang_km: km(sed),
      rusak_ringan_km: km(rr),
      rusak_berat_km: km(rb),
      jumlah_km: km(length),
      kemantapan_persen: pct(baik + sed, length, 2),
    };
  });
  const byDistrict = allocate(
    length,
    districts.map((d) => d.areaKm2 * between(rng, 0.8, 1.2)),
  );
  let bridges = 296;
  const bridgeRows: CsvRow[] = YEARS.map((year) => {
    if (year > 2019) bridges += intBetween(rng, 0, 3);
    const [baik = 0, sedang = 0, rusak = 0] = allocate(bridges, [
      between(rng, 0.6, 0.7),
      between(rng, 0.2, 0.26),
      between(rng, 0.07, 0.12),
    ]);
    return { tahun: year, baik, sedang, rusak, jumlah: bridges, panjang_total_m: Math.round(bridges * 14.6) };
  });

  return [
    dataset({
      name: 'panjang-jalan-kabupaten-kondisi-2019-2024',
      title: 'Panjang Jalan Kabupaten Menurut Kondisi Jalan di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Panjang jalan kabupaten (km) dalam kondisi baik, sedang, rusak ringan dan rusak berat, serta tingkat kemantapan jalan (baik + sedang). Sumber: survei kondisi jalan tahunan Bidang Bina Marga DPUPR.',
      agency: 'dpupr',
      topics: ['infrastruktur'],
      tags: ['jalan', 'kondisi jalan', 'kemantapan jalan'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource(
          'Kondisi jalan kabupaten 2019–2024',
          'Panjang jalan (km) per kondisi dan kemantapan (%).',
          'kondisi-jalan-2019-2024.csv',
          roads,
        ),
        resource(
          'Panjang jalan per kecamatan dan jenis permukaan 2024',
          'Panjang jalan kabupaten (km) per jenis permukaan per kecamatan.',
          'jalan-kecamatan-permukaan-2024.csv',
          districts.map((d, i) => {
            const total = byDistrict[i] ?? 0;
            const hill = d.highland ? 0.08 : 0;
            const [aspal = 0, beton = 0, kerikil = 0, tanah = 0] = allocate(total, [
              between(rng, 0.7, 0.8) - hill,
              between(rng, 0.08, 0.15),
              between(rng, 0.04, 0.08) + hill / 2,
              between(rng, 0.01, 0.03) + hill / 2,
            ]);
            return {
              ...place(d),
              aspal_km: km(aspal),
              beton_km: km(beton),
              kerikil_km: km(kerikil),
              tanah_km: km(tanah),
              jumlah_km: km(total),
            };
          }),
        ),
      ],
    }),
    dataset({
      name: 'jembatan-kabupaten-kondisi-2019-2024',
      title: 'Jumlah Jembatan Kabupaten Menurut Kondisi di Kabupaten Magetan Tahun 2019–2024',
      notes:
        'Jumlah jembatan pada ruas jalan kabupaten menurut kondisi, dan panjang total (meter). Sumber: inventarisasi jembatan Bidang Bina Marga DPUPR.',
      agency: 'dpupr',
      topics: ['infrastruktur'],
      tags: ['jembatan', 'bina marga'],
      frequency: 'annual',
      period: [2019, 2024],
      resources: [
        resource(
          'Jembatan 2019–2024',
          'Jembatan per kondisi per tahun.',
          'jembatan-2019-2024.csv',
          bridgeRows,
        ),
      ],
    }),
    dataset({
      name: 'akses-air-minum-layak-kecamatan-2024',
      title:
        'Persentase Rumah Tangga dengan Akses Air Minum Layak Menurut Kecamatan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah rumah tangga, rumah tangga dengan akses air minum layak, dan yang terlayani jaringan perpipaan per kecamatan. Sumber: Bidang Cipta Karya DPUPR bersama Perumda Air Minum Lawu Tirta, dipadankan dengan data STBM.',
      agency: 'dpupr',
      topics: ['infrastruktur', 'kesehatan'],
      tags: ['air minum', 'spm', 'perpipaan'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Akses air minum per kecamatan 2024',
          'Rumah tangga, akses layak, perpipaan dan persentase akses layak.',
          'air-minum-kecamatan-2024.csv',
          districts.map((d) => {
            const rt = jitter(rng, d.population / 3.1, 0.02);
            const layak = Math.round(rt * between(rng, 0.88, 0.99));
            const pipa = Math.round(layak * (d.urban ? between(rng, 0.55, 0.75) : between(rng, 0.15, 0.45)));
            return {
              ...place(d),
              jumlah_rumah_tangga: rt,
              rumah_tangga_akses_layak: layak,
              rumah_tangga_perpipaan: pipa,
              persentase_akses_layak: pct(layak, rt),
            };
          }),
        ),
      ],
    }),
    dataset({
      name: 'akses-sanitasi-layak-kecamatan-2024',
      title:
        'Persentase Keluarga dengan Akses Sanitasi Layak Menurut Kecamatan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah keluarga, keluarga dengan akses sanitasi (jamban) layak, dan yang masih buang air besar sembarangan per kecamatan. Sumber: aplikasi STBM, direkap Bidang Cipta Karya DPUPR.',
      agency: 'dpupr',
      topics: ['infrastruktur', 'lingkungan-hidup'],
      tags: ['sanitasi', 'stbm', 'jamban'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'Akses sanitasi per kecamatan 2024',
          'Keluarga, akses sanitasi layak, BABS dan persentase.',
          'sanitasi-kecamatan-2024.csv',
          districts.map((d) => {
            const kk = jitter(rng, d.population / 3.05, 0.02);
            const layak = Math.round(kk * between(rng, 0.84, 0.97));
            const babs = Math.round((kk - layak) * between(rng, 0, 0.2));
            return {
              ...place(d),
              jumlah_keluarga: kk,
              keluarga_sanitasi_layak: layak,
              keluarga_babs: babs,
              persentase_sanitasi_layak: pct(layak, kk),
            };
          }),
        ),
      ],
    }),
    dataset({
      name: 'rumah-tidak-layak-huni-kecamatan-2024',
      title:
        'Jumlah Rumah Tidak Layak Huni dan Rumah yang Ditangani Menurut Kecamatan di Kabupaten Magetan Tahun 2024',
      notes:
        'Jumlah rumah tidak layak huni (RTLH) hasil pendataan dan jumlah yang ditangani melalui program bedah rumah APBD, BSPS dan CSR selama 2024. Sumber: Bidang Perumahan dan Permukiman DPUPR.',
      agency: 'dpupr',
      topics: ['infrastruktur', 'sosial'],
      tags: ['rtlh', 'perumahan', 'bedah rumah'],
      frequency: 'annual',
      period: [2024, 2024],
      resources: [
        resource(
          'RTLH per kecamatan 2024',
          'RTLH terdata, ditangani 2024 dan sisa.',
          'rtlh-kecamatan-2024.csv',
          districts.map((d) => {
            const rtlh = jitter(rng, d.population * (d.urban ? 0.004 : 0.009), 0.25);
            const ditangani = Math.round(rtlh * between(rng, 0.05, 0.14));
            return {
              ...place(d),
              rtlh_terdata: rtlh,
              ditangani_2024: ditangani,
              sisa_rtlh: rtlh - ditangani,
            };
          }),
        ),
      ],
    }),
  ];
}
