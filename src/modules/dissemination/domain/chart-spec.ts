import { z } from 'zod';

/**
 * Chart kinds. A choropleth colours the region's districts by value: its category column holds
 * district codes, and it is offered only once the boundaries have been uploaded (a site setting).
 */
export const CHART_TYPES = ['bar', 'line', 'stacked', 'pie', 'donut', 'table', 'choropleth'] as const;
export type ChartType = (typeof CHART_TYPES)[number];
export const AGGREGATES = ['sum', 'avg', 'count', 'min', 'max'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/** Okabe–Ito: eight colours told apart by readers with colour-vision deficiencies. */
export const PALETTES = {
  'okabe-ito': ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'],
  biru: ['#08306B', '#2171B5', '#4292C6', '#6BAED6', '#9ECAE1', '#C6DBEF'],
} as const;
export type PaletteName = keyof typeof PALETTES;

const text = (max: number) => z.string().trim().max(max).default('');
const field = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_]{1,63}$/, 'Kolom tidak dikenal / Unknown column');

/** What a saved chart shows: its data mapping and its words. */
export const ChartSpecSchema = z.object({
  type: z.enum(CHART_TYPES, { error: 'Jenis grafik tidak dikenal / Unknown chart type' }),
  category: field,
  value: field,
  series: z.preprocess((v) => (v === '' ? undefined : v), field.optional()),
  aggregate: z.enum(AGGREGATES).default('sum'),
  filters: z
    .array(z.object({ field, value: z.string().max(200) }))
    .max(5)
    .default([]),
  palette: z.enum(Object.keys(PALETTES) as [PaletteName, ...PaletteName[]]).default('okabe-ito'),
  title: z
    .string()
    .trim()
    .min(3, 'Judul minimal 3 karakter / Title needs at least 3 characters')
    .max(200, 'Judul maksimal 200 karakter / Title is at most 200 characters'),
  subtitle: text(300),
  source: text(300),
  notes: text(2000),
});
export type ChartSpec = z.infer<typeof ChartSpecSchema>;

/** A change to a saved chart: only what is sent changes (no defaults filled in). */
export const ChartSpecPatchSchema = z.object({
  type: z.enum(CHART_TYPES).optional(),
  category: field.optional(),
  value: field.optional(),
  series: z.preprocess((v) => (v === '' ? undefined : v), field.optional()),
  aggregate: z.enum(AGGREGATES).optional(),
  filters: z
    .array(z.object({ field, value: z.string().max(200) }))
    .max(5)
    .optional(),
  palette: z.enum(Object.keys(PALETTES) as [PaletteName, ...PaletteName[]]).optional(),
  title: z.string().trim().min(3).max(200).optional(),
  subtitle: z.string().trim().max(300).optional(),
  source: z.string().trim().max(300).optional(),
  notes: z.string().trim().max(2000).optional(),
});

/** Aggregated chart data: one row per category, one value per series. */
export interface ChartData {
  categories: string[];
  /** A choropleth's district codes (normalized), one per category; the categories are then the districts' names. */
  codes?: string[];
  series: { name: string; values: (number | null)[] }[];
}

const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/**
 * Filter, group and aggregate table rows the way the spec says. Categories and series keep the
 * order they first appear in (the table's order); rows without a number are left out of sums.
 */
export function aggregateRows(spec: ChartSpec, rows: readonly Record<string, unknown>[]): ChartData {
  const kept = rows.filter((r) => spec.filters.every((f) => cell(r[f.field]) === f.value));
  const categories: string[] = [];
  const seriesNames: string[] = [];
  const buckets = new Map<string, number[]>();
  for (const r of kept) {
    const c = cell(r[spec.category]);
    const s = spec.series ? cell(r[spec.series]) : spec.value;
    if (!categories.includes(c)) categories.push(c);
    if (!seriesNames.includes(s)) seriesNames.push(s);
    const key = `${s}\u0000${c}`;
    const raw = r[spec.value];
    const n = raw === null || raw === undefined || raw === '' ? Number.NaN : Number(raw);
    const list = buckets.get(key) ?? [];
    if (spec.aggregate === 'count') list.push(1);
    else if (Number.isFinite(n)) list.push(n);
    buckets.set(key, list);
  }
  const reduce = (xs: number[]): number | null => {
    if (xs.length === 0) return null;
    switch (spec.aggregate) {
      case 'avg':
        return Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
      case 'min':
        return Math.min(...xs);
      case 'max':
        return Math.max(...xs);
      default:
        return xs.reduce((a, b) => a + b, 0);
    }
  };
  return {
    categories,
    series: seriesNames.map((name) => ({
      name,
      values: categories.map((c) => reduce(buckets.get(`${name}\u0000${c}`) ?? [])),
    })),
  };
}

const KIND_WORDS: Record<ChartType, { id: string; en: string }> = {
  bar: { id: 'Grafik batang', en: 'Bar chart' },
  line: { id: 'Grafik garis', en: 'Line chart' },
  stacked: { id: 'Grafik batang bertumpuk', en: 'Stacked bar chart' },
  pie: { id: 'Grafik lingkaran', en: 'Pie chart' },
  donut: { id: 'Grafik donat', en: 'Donut chart' },
  table: { id: 'Tabel', en: 'Table' },
  choropleth: { id: 'Peta tematik per kecamatan', en: 'Choropleth map by district' },
};

const fmt = (v: number | null, locale: 'id' | 'en') =>
  v === null
    ? locale === 'id'
      ? 'tidak ada data'
      : 'no data'
    : v.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB');

/**
 * The chart in words, for screen readers (the SVG's <desc>, the page's text alternative): its
 * kind, what it shows, the highest and lowest values and every value when there are few.
 */
export function describeChart(spec: ChartSpec, data: ChartData, locale: 'id' | 'en'): string {
  const kind = KIND_WORDS[spec.type][locale];
  const parts = [`${kind}: ${spec.title}.`];
  if (spec.subtitle) parts.push(`${spec.subtitle}.`);
  for (const s of data.series) {
    const pairs = data.categories.map((c, i) => ({ c, v: s.values[i] ?? null }));
    const numbered = pairs.filter((p): p is { c: string; v: number } => p.v !== null);
    const label = data.series.length > 1 ? `${s.name}: ` : '';
    if (numbered.length === 0) continue;
    const hi = numbered.reduce((a, b) => (b.v > a.v ? b : a));
    const lo = numbered.reduce((a, b) => (b.v < a.v ? b : a));
    const listed =
      pairs.length <= 12
        ? pairs.map((p) => `${p.c} ${fmt(p.v, locale)}`).join('; ')
        : locale === 'id'
          ? `${pairs.length} kategori`
          : `${pairs.length} categories`;
    parts.push(
      locale === 'id'
        ? `${label}${listed}. Tertinggi ${hi.c} (${fmt(hi.v, locale)}), terendah ${lo.c} (${fmt(lo.v, locale)}).`
        : `${label}${listed}. Highest ${hi.c} (${fmt(hi.v, locale)}), lowest ${lo.c} (${fmt(lo.v, locale)}).`,
    );
  }
  if (spec.source) parts.push(locale === 'id' ? `Sumber: ${spec.source}.` : `Source: ${spec.source}.`);
  return parts.join(' ');
}
