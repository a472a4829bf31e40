import type { CatalogPageContext } from '../../catalog/index.js';
import type { PreviewState } from '../read/preview.js';
import type { ReadableColumn } from '../read/readable-table.js';
import { datastoreText } from './datastore.messages.js';

/** The preview's texts in the page's language. */
export function previewTranslator(ctx: CatalogPageContext) {
  return (k: Parameters<typeof datastoreText>[1], p?: Record<string, string | number>) =>
    datastoreText(ctx.locale, k, p);
}

/** Preview parameters in the dataset page's query string (they apply to the table named by `tabel`). */
export const PREVIEW_PARAMS = [
  'tabel',
  'hal',
  'urut',
  'arah',
  'kolom',
  'nilai',
  'cari',
  'grafik',
  'sumbu',
] as const;

export function queryOf(path: string): URLSearchParams {
  const at = path.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : path.slice(at + 1));
}

export function previewState(q: URLSearchParams): PreviewState {
  const page = Number(q.get('hal') ?? '1');
  const text = (k: string) => {
    const v = q.get(k);
    return v === null || v === '' ? undefined : v.slice(0, 200);
  };
  return {
    page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1,
    sort: text('urut'),
    desc: q.get('arah') === 'turun',
    filterColumn: text('kolom'),
    filterValue: q.has('kolom') ? (q.get('nilai') ?? '').slice(0, 200) : undefined,
    q: text('cari'),
    chartValue: text('grafik'),
    chartAxis: text('sumbu'),
  };
}

export function pagePath(path: string): string {
  const at = path.indexOf('?');
  return at < 0 ? path : path.slice(0, at);
}

/** A link to the dataset page with this table's preview state changed. */
export function hrefWith(
  ctx: CatalogPageContext,
  rid: string,
  s: PreviewState,
  change: Partial<PreviewState>,
): string {
  const n = { ...s, ...change };
  const q = new URLSearchParams();
  const keep = queryOf(ctx.path);
  for (const [k, v] of keep) if (!(PREVIEW_PARAMS as readonly string[]).includes(k)) q.append(k, v);
  q.set('tabel', rid);
  if (n.page > 1) q.set('hal', String(n.page));
  if (n.sort) q.set('urut', n.sort);
  if (n.sort && n.desc) q.set('arah', 'turun');
  if (n.filterColumn) {
    q.set('kolom', n.filterColumn);
    q.set('nilai', n.filterValue ?? '');
  }
  if (n.q) q.set('cari', n.q);
  if (n.chartValue) q.set('grafik', n.chartValue);
  if (n.chartAxis) q.set('sumbu', n.chartAxis);
  return `${pagePath(ctx.path)}?${q}#tabel-${rid}`;
}

export const label = (c: ReadableColumn) => c.field?.title ?? c.name;

/**
 * "Jumlah {value}" for a chart's sum, unless the column already reads as a sum: "Jumlah
 * Jumlah penduduk" and "Grafik jumlah Jumlah" read badly (issue #17 item 7).
 */
export function sumLabel(ctx: CatalogPageContext, value: ReadableColumn): string {
  const name = label(value);
  return /^(jumlah|total|sum)\b/i.test(name) ? name : previewTranslator(ctx)('chart.sum', { value: name });
}

const NUMBER_FORMATS = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 10 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 10 }),
};
const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * A number as the reader writes it (issue #17 item 7): `16.232` and `410,5` in Indonesian,
 * `16,232` and `410.5` in English. Anything that is not a plain number is shown as it is.
 */
export function numberText(locale: 'id' | 'en', v: unknown): string {
  const n = typeof v === 'number' ? v : typeof v === 'string' && NUMERIC.test(v) ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? NUMBER_FORMATS[locale].format(n) : cellText(v);
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v);
}
