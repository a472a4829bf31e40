/**
 * Topics (CKAN groups) of the demo portal: the government affairs / sectors that Indonesian regional
 * open-data portals group their datasets by.
 */
export interface DemoTopic {
  name: string;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
}

export const DEMO_TOPICS: DemoTopic[] = [
  {
    name: 'kependudukan',
    title: 'Kependudukan',
    titleEn: 'Population',
    description:
      'Jumlah, sebaran dan struktur penduduk, kelahiran, kematian, serta administrasi kependudukan.',
    descriptionEn: 'Population size, distribution and structure, births, deaths and civil registration.',
  },
  {
    name: 'kesehatan',
    title: 'Kesehatan',
    titleEn: 'Health',
    description:
      'Fasilitas dan tenaga kesehatan, gizi dan stunting, imunisasi, penyakit, dan layanan rumah sakit.',
    descriptionEn:
      'Health facilities and workforce, nutrition and stunting, immunisation, diseases, hospital services.',
  },
  {
    name: 'pendidikan',
    title: 'Pendidikan',
    titleEn: 'Education',
    description: 'Sekolah, peserta didik, guru, dan angka partisipasi sekolah menurut jenjang pendidikan.',
    descriptionEn: 'Schools, pupils, teachers and school participation rates by level of education.',
  },
  {
    name: 'pertanian',
    title: 'Pertanian dan Ketahanan Pangan',
    titleEn: 'Agriculture and Food Security',
    description:
      'Luas panen, produksi dan produktivitas tanaman pangan dan hortikultura, serta populasi ternak.',
    descriptionEn:
      'Harvested area, production and yield of food crops and horticulture, and livestock population.',
  },
  {
    name: 'sosial',
    title: 'Sosial dan Perlindungan Anak',
    titleEn: 'Social Affairs and Child Protection',
    description: 'Kemiskinan, bantuan sosial, penyandang disabilitas, serta perlindungan perempuan dan anak.',
    descriptionEn:
      'Poverty, social assistance, persons with disabilities, and protection of women and children.',
  },
  {
    name: 'ekonomi-keuangan',
    title: 'Ekonomi dan Keuangan Daerah',
    titleEn: 'Economy and Regional Finance',
    description: 'PDRB, pertumbuhan ekonomi, APBD, pendapatan asli daerah, dan pajak daerah.',
    descriptionEn: 'Regional GDP, economic growth, regional budget, own-source revenue and local taxes.',
  },
  {
    name: 'infrastruktur',
    title: 'Pekerjaan Umum dan Infrastruktur',
    titleEn: 'Public Works and Infrastructure',
    description: 'Jalan dan jembatan kabupaten, irigasi, air minum, dan sanitasi.',
    descriptionEn: 'Regency roads and bridges, irrigation, drinking water and sanitation.',
  },
  {
    name: 'pariwisata-budaya',
    title: 'Pariwisata dan Kebudayaan',
    titleEn: 'Tourism and Culture',
    description: 'Kunjungan wisatawan, destinasi dan akomodasi wisata, serta kesenian dan cagar budaya.',
    descriptionEn: 'Tourist visits, destinations and accommodation, arts groups and cultural heritage.',
  },
  {
    name: 'lingkungan-hidup',
    title: 'Lingkungan Hidup',
    titleEn: 'Environment',
    description: 'Pengelolaan sampah, kualitas udara dan air, serta indeks kualitas lingkungan hidup.',
    descriptionEn: 'Waste management, air and water quality, and the environmental quality index.',
  },
  {
    name: 'pemerintahan',
    title: 'Pemerintahan Umum',
    titleEn: 'General Government',
    description: 'Aparatur sipil negara, wilayah administrasi, pelayanan publik, dan pengaduan masyarakat.',
    descriptionEn: 'Civil servants, administrative areas, public services and public complaints.',
  },
];
