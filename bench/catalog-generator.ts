import { randomUUID } from 'node:crypto';
import { DEMO_TOPICS } from '../src/modules/demo/catalog/demo-topics.js';
import { intBetween, mulberry32, type Rng } from '../src/modules/demo/catalog/rng.js';
import { DEMO_AGENCIES } from '../src/modules/demo/demo-agencies.js';

/**
 * A large, realistic regional catalog for benchmarks: titles, descriptions, tags, agencies,
 * topics and resources shaped like a Kabupaten's sectoral statistics, from a seeded generator
 * (the same catalog on every run).
 */

/** Subjects per topic (CKAN group), with the agency that usually publishes them and tags. */
const SUBJECTS: Record<string, { agency: string; subjects: string[]; tags: string[] }> = {
  kependudukan: {
    agency: 'dispendukcapil',
    subjects: [
      'Jumlah Penduduk',
      'Kepadatan Penduduk',
      'Jumlah Kelahiran',
      'Jumlah Kematian',
      'Kepemilikan KTP Elektronik',
      'Rasio Jenis Kelamin',
      'Jumlah Kepala Keluarga',
      'Penduduk Pindah Datang',
    ],
    tags: ['penduduk', 'kependudukan', 'demografi', 'adminduk', 'ktp', 'keluarga'],
  },
  kesehatan: {
    agency: 'dinkes',
    subjects: [
      'Jumlah Puskesmas',
      'Angka Kematian Bayi',
      'Cakupan Imunisasi Dasar Lengkap',
      'Prevalensi Stunting Balita',
      'Jumlah Tenaga Kesehatan',
      'Kasus Demam Berdarah',
      'Persalinan di Fasilitas Kesehatan',
      'Balita Gizi Kurang',
    ],
    tags: ['kesehatan', 'puskesmas', 'gizi', 'stunting', 'imunisasi', 'balita', 'penyakit'],
  },
  pendidikan: {
    agency: 'disdik',
    subjects: [
      'Jumlah Sekolah Dasar',
      'Jumlah Guru',
      'Angka Partisipasi Murni',
      'Angka Putus Sekolah',
      'Rasio Murid Guru',
      'Jumlah Peserta Didik SMP',
      'Lembaga PAUD',
      'Ruang Kelas Rusak',
    ],
    tags: ['pendidikan', 'sekolah', 'guru', 'siswa', 'paud', 'partisipasi'],
  },
  pertanian: {
    agency: 'distan',
    subjects: [
      'Produksi Padi',
      'Luas Panen Jagung',
      'Produktivitas Bawang Merah',
      'Populasi Ternak Sapi',
      'Luas Lahan Sawah',
      'Produksi Jeruk Pamelo',
      'Kelompok Tani',
      'Penyaluran Pupuk Bersubsidi',
    ],
    tags: ['pertanian', 'padi', 'pangan', 'peternakan', 'hortikultura', 'sawah', 'pupuk'],
  },
};
const GENERIC = ['statistik sektoral', 'satu data', 'data terbuka', 'tahunan', 'magetan'];
const DIMENSIONS = [
  'Kecamatan',
  'Desa/Kelurahan',
  'Jenis Kelamin',
  'Kelompok Umur',
  'Bulan',
  'Jenis Fasilitas',
];
const DISTRICTS = [
  'Poncol',
  'Parang',
  'Lembeyan',
  'Takeran',
  'Nguntoronadi',
  'Kawedanan',
  'Magetan',
  'Ngariboyo',
  'Plaosan',
  'Sidorejo',
  'Panekan',
  'Sukomoro',
  'Bendo',
  'Maospati',
  'Karangrejo',
  'Karas',
  'Barat',
  'Kartoharjo',
];
const FORMATS: [string, number][] = [
  ['CSV', 50],
  ['XLSX', 25],
  ['PDF', 10],
  ['JSON', 10],
  ['ZIP', 5],
];
const LICENSES: [string, number][] = [
  ['CC-BY-4.0', 80],
  ['CC0-1.0', 8],
  ['odc-by', 6],
  ['CC-BY-SA-4.0', 4],
  ['other-closed', 2],
];

function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r < 0) return v;
  }
  return (items.at(-1) as [T, number])[0];
}
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

export interface GeneratedDataset {
  id: string;
  name: string;
  title: string;
  notes: string;
  agency_code: string;
  license_id: string;
  state: 'active' | 'draft';
  private: boolean;
  created: string;
  modified: string;
  tags: string[];
  topics: string[];
  resources: {
    id: string;
    name: string;
    description: string;
    format: string;
    url: string;
    position: number;
  }[];
}

/** `n` datasets: ~85% public, ~10% private, ~5% draft; 1–3 resources each. */
export function generateCatalog(n: number, seed = 20_24): GeneratedDataset[] {
  const rng = mulberry32(seed);
  const topicNames = DEMO_TOPICS.map((t) => t.name);
  const agencyCodes = DEMO_AGENCIES.map((a) => a.code);
  const out: GeneratedDataset[] = [];
  for (let i = 0; i < n; i++) {
    const topic = pick(rng, topicNames);
    const spec = SUBJECTS[topic];
    const subject = spec
      ? pick(rng, spec.subjects)
      : `Statistik ${DEMO_TOPICS.find((t) => t.name === topic)?.title ?? topic}`;
    const dim = pick(rng, DIMENSIONS);
    const district = pick(rng, DISTRICTS);
    const year = intBetween(rng, 2015, 2025);
    const title = `${subject} Menurut ${dim} di Kecamatan ${district} Tahun ${year}`;
    const agency = spec && rng() < 0.8 ? spec.agency : pick(rng, agencyCodes);
    const tagPool = [...(spec?.tags ?? [topic]), ...GENERIC];
    const tags = [...new Set(Array.from({ length: intBetween(rng, 2, 5) }, () => pick(rng, tagPool)))];
    tags.push(String(year));
    const topics = [...new Set([topic, ...(rng() < 0.2 ? [pick(rng, topicNames)] : [])])];
    const modified = new Date(Date.UTC(2019, 0, 1) + Math.floor(rng() * 6.5 * 365 * 86_400_000));
    const created = new Date(modified.getTime() - Math.floor(rng() * 400 * 86_400_000));
    const roll = rng();
    const id = randomUUID();
    const resources = Array.from({ length: intBetween(rng, 1, 3) }, (_, position) => {
      const format = weighted(rng, FORMATS);
      return {
        id: randomUUID(),
        name: `${subject} ${year}${position ? ` (bagian ${position + 1})` : ''}`,
        description: `Tabel ${subject.toLowerCase()} menurut ${dim.toLowerCase()}, format ${format}.`,
        format,
        url: `https://data.magetan.go.id/berkas/${i}-${position}.${format.toLowerCase()}`,
        position,
      };
    });
    out.push({
      id,
      name: `${title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 80)}-${i}`,
      title,
      notes: `Data ${subject.toLowerCase()} di Kecamatan ${district}, Kabupaten Magetan, menurut ${dim.toLowerCase()} pada tahun ${year}. Bersumber dari pencatatan rutin ${DEMO_AGENCIES.find((a) => a.code === agency)?.name ?? agency} dan diverifikasi oleh walidata sesuai prinsip Satu Data Indonesia.`,
      agency_code: agency,
      license_id: weighted(rng, LICENSES),
      state: roll < 0.05 ? 'draft' : 'active',
      private: roll >= 0.05 && roll < 0.15,
      created: created.toISOString(),
      modified: modified.toISOString(),
      tags,
      topics,
      resources,
    });
  }
  return out;
}

/** Words a visitor would type, to rotate through in the search benchmark. */
export const SEARCH_WORDS = [
  'penduduk',
  'puskesmas',
  'sekolah',
  'padi',
  'stunting',
  'guru',
  'ternak',
  'kelahiran',
];
