import { type CsvRow, toCsv } from '../csv.js';
import type { DemoDataset, DemoResource } from '../demo-datasets.js';
import { between, intBetween, type Rng } from '../rng.js';

/** A kecamatan with the demo figures the sector generators share, so datasets agree with each other. */
export interface District {
  code: string;
  name: string;
  /** Population at the end of 2024. */
  population: number;
  male: number;
  female: number;
  areaKm2: number;
  /** On the slopes of Mount Lawu: vegetables, tourism, fewer paddy fields. */
  highland: boolean;
  /** The town of Magetan and Maospati: more services, fewer farms. */
  urban: boolean;
}

export const REGENCY = '35.20';
export const REGENCY_NAME = 'Kabupaten Magetan';
export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;
export const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** Approximate population (thousands) and area (km²) of Magetan's kecamatan, to shape the demo figures. */
const KNOWN: Record<string, { pop: number; area: number; highland?: true; urban?: true }> = {
  poncol: { pop: 33, area: 49.8, highland: true },
  parang: { pop: 46, area: 71.6, highland: true },
  lembeyan: { pop: 41, area: 54.8 },
  takeran: { pop: 39, area: 23.6 },
  kawedanan: { pop: 43, area: 28.2 },
  magetan: { pop: 46, area: 22.8, urban: true },
  plaosan: { pop: 53, area: 66.1, highland: true },
  panekan: { pop: 53, area: 65.7, highland: true },
  sukomoro: { pop: 37, area: 33.6 },
  bendo: { pop: 44, area: 43.9 },
  maospati: { pop: 48, area: 25.2, urban: true },
  barat: { pop: 28, area: 23.2 },
  karangrejo: { pop: 33, area: 24.6 },
  karas: { pop: 35, area: 44.5 },
  kartoharjo: { pop: 26, area: 35.0 },
  ngariboyo: { pop: 39, area: 41.6, highland: true },
  nguntoronadi: { pop: 20, area: 37.2 },
  sidorejo: { pop: 31, area: 83.1 },
};
const REGENCY_AREA_HUNDREDTHS = 68_885;

export function makeDistricts(input: { code: string; name: string }[], rng: Rng): District[] {
  const known = input.map(
    (d) => KNOWN[d.name.toLowerCase()] ?? { pop: intBetween(rng, 20, 50), area: between(rng, 25, 70) },
  );
  const areas = allocate(
    REGENCY_AREA_HUNDREDTHS,
    known.map((k) => k.area),
  );
  return input.map((d, i) => {
    const k = known[i] ?? { pop: 35, area: 40 };
    const population = Math.round(k.pop * 1000 * between(rng, 0.98, 1.0));
    const male = Math.round(population * between(rng, 0.492, 0.499));
    return {
      code: d.code,
      name: d.name,
      population,
      male,
      female: population - male,
      areaKm2: (areas[i] ?? 4000) / 100,
      highland: k.highland === true,
      urban: k.urban === true,
    };
  });
}

/** Split an integer `total` in proportion to `weights` (largest remainder), so the parts sum exactly. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw
    .map((r, i) => ({ i, frac: r - Math.floor(r) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

/** A decimal with a dot and exactly `digits` decimals, e.g. fix(12, 1) = '12.0'. */
export function fix(value: number, digits = 1): string {
  return value.toFixed(digits);
}

/** part / whole as a percentage with one decimal ('0.0' when whole is 0). */
export function pct(part: number, whole: number, digits = 1): string {
  return fix(whole === 0 ? 0 : (part / whole) * 100, digits);
}

/** The kode/nama columns every per-district table starts with. */
export function place(d: District): { kode_kecamatan: string; nama_kecamatan: string } {
  return { kode_kecamatan: d.code, nama_kecamatan: d.name };
}

/** Look a district up by name (case-insensitive), falling back to the first one. */
export function districtNamed(districts: readonly District[], name: string): District {
  const found = districts.find((d) => d.name.toLowerCase() === name.toLowerCase()) ?? districts[0];
  if (!found) throw new Error('no districts');
  return found;
}

export function resource(name: string, description: string, fileName: string, rows: CsvRow[]): DemoResource {
  return { name, description, format: 'CSV', fileName, csv: toCsv(rows) };
}

const MAINTAINERS: Record<string, string> = {
  setda: 'Bagian Organisasi Sekretariat Daerah',
  bappeda: 'Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Bappelitbangda',
  diskominfo: 'Bidang Statistik dan Persandian Diskominfo',
  dinkes: 'Seksi Data dan Sistem Informasi Kesehatan Dinkes',
  disdik: 'Subbagian Perencanaan dan Pelaporan Disdik',
  distan: 'Bidang Tanaman Pangan dan Hortikultura Distan KP',
  dispendukcapil: 'Bidang Pengelolaan Informasi Administrasi Kependudukan Dispendukcapil',
  dinsos: 'Bidang Perlindungan dan Jaminan Sosial Dinsos P3A',
  dpupr: 'Bidang Bina Marga DPUPR',
  bapenda: 'Bidang Perencanaan dan Pengembangan Pendapatan Bapenda',
  disparbud: 'Bidang Pariwisata Disparbudpora',
  dlh: 'Bidang Pengelolaan Sampah dan Limbah B3 DLH',
  'rsud-sayidiman': 'Instalasi Rekam Medis RSUD dr. Sayidiman',
  'kec-magetan': 'Seksi Pelayanan Umum Kecamatan Magetan',
};

export interface DatasetSpec {
  name: string;
  title: string;
  notes: string;
  agency: string;
  topics: string[];
  tags: string[];
  frequency: DemoDataset['updateFrequency'];
  /** First and last year covered, or exact 'YYYY-MM-DD' dates. */
  period: [number, number] | [string, string];
  spatial?: string[];
  /** A private draft, never shown on the public portal. */
  draft?: boolean;
  resources: DemoResource[];
}

export function dataset(spec: DatasetSpec): DemoDataset {
  const [start, end] = spec.period;
  return {
    name: spec.name,
    title: spec.title,
    notes: spec.notes,
    agencyCode: spec.agency,
    topics: spec.topics,
    tags: spec.tags,
    licenseId: 'CC-BY-4.0',
    updateFrequency: spec.frequency,
    temporalStart: typeof start === 'number' ? `${start}-01-01` : start,
    temporalEnd: typeof end === 'number' ? `${end}-12-31` : end,
    spatialCodes: spec.spatial ?? [REGENCY],
    isPrivate: spec.draft === true,
    state: spec.draft === true ? 'draft' : 'active',
    maintainer: MAINTAINERS[spec.agency] ?? spec.agency,
    maintainerEmail: `${spec.agency}@magetan.go.id`,
    resources: spec.resources,
  };
}
