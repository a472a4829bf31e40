import type { AgencyFields } from '../agencies/index.js';

/**
 * A dozen agencies (Perangkat Daerah) of Kabupaten Magetan, as a regency's data producers.
 * Codes are lower-case slugs because they become CKAN organization names in URLs.
 */
export const DEMO_AGENCIES: AgencyFields[] = [
  { code: 'setda', name: 'Sekretariat Daerah Kabupaten Magetan', shortName: 'Setda', kind: 'secretariat' },
  {
    code: 'bappeda',
    name: 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
    shortName: 'Bappelitbangda',
    kind: 'agency',
  },
  {
    code: 'diskominfo',
    name: 'Dinas Komunikasi dan Informatika',
    shortName: 'Diskominfo',
    kind: 'department',
  },
  { code: 'dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes', kind: 'department' },
  { code: 'disdik', name: 'Dinas Pendidikan', shortName: 'Disdik', kind: 'department' },
  {
    code: 'distan',
    name: 'Dinas Pertanian dan Ketahanan Pangan',
    shortName: 'Distan KP',
    kind: 'department',
  },
  {
    code: 'dispendukcapil',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    shortName: 'Dispendukcapil',
    kind: 'department',
  },
  {
    code: 'dinsos',
    name: 'Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak',
    shortName: 'Dinsos P3A',
    kind: 'department',
  },
  { code: 'dpupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'DPUPR', kind: 'department' },
  { code: 'bapenda', name: 'Badan Pendapatan Daerah', shortName: 'Bapenda', kind: 'agency' },
  {
    code: 'disparbud',
    name: 'Dinas Pariwisata, Kebudayaan, Pemuda dan Olahraga',
    shortName: 'Disparbudpora',
    kind: 'department',
  },
  { code: 'dlh', name: 'Dinas Lingkungan Hidup', shortName: 'DLH', kind: 'department' },
  {
    code: 'rsud-sayidiman',
    name: 'RSUD dr. Sayidiman Magetan',
    shortName: 'RSUD Sayidiman',
    kind: 'hospital',
  },
  {
    code: 'kec-magetan',
    name: 'Kecamatan Magetan',
    shortName: 'Kec. Magetan',
    kind: 'district_office',
    regionCode: '35.20.06',
  },
];
