/**
 * A key indicator's series from its table's rows: one value per period (rows sharing a period
 * are summed, so a table by district still gives the region's total), latest and previous value,
 * the change and a sparkline's points. Pure: the loader reads the rows through datastore_search.
 */
export interface IndicatorPoint {
  period: string;
  value: number;
}

export interface IndicatorSeries {
  points: IndicatorPoint[];
  latest: IndicatorPoint | null;
  previous: IndicatorPoint | null;
  change: number | null;
}

export function indicatorSeries(
  rows: Record<string, unknown>[],
  periodField: string,
  valueField: string,
): IndicatorSeries {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const p = r[periodField];
    const v = Number(r[valueField]);
    if (p === null || p === undefined || r[valueField] === null || !Number.isFinite(v)) continue;
    const key = String(p);
    sums.set(key, (sums.get(key) ?? 0) + v);
  }
  const points = [...sums.entries()]
    .map(([period, value]) => ({ period, value }))
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const latest = points.at(-1) ?? null;
  const previous = points.length > 1 ? (points.at(-2) ?? null) : null;
  return { points, latest, previous, change: latest && previous ? latest.value - previous.value : null };
}

/** SVG polyline points of a sparkline `width`×`height` over the series (empty under two points). */
export function sparklinePoints(points: IndicatorPoint[], width = 120, height = 32): string {
  if (points.length < 2) return '';
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const step = width / (points.length - 1);
  return points
    .map(
      (p, i) =>
        `${(i * step).toFixed(1)},${(height - 2 - ((p.value - min) / span) * (height - 4)).toFixed(1)}`,
    )
    .join(' ');
}
