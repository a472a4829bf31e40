import { Resvg } from '@resvg/resvg-js';
import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/access/policy.js';
import type { DB } from '../../kernel/db/schema.js';
import { NotFoundError } from '../../kernel/errors.js';
import { loadBoundaries } from './boundaries.js';
import { findChartVersion } from './charts.repository.js';
import { loadTable, readRows } from './data.repository.js';
import {
  aggregateRows,
  type ChartData,
  type ChartSpec,
  ChartSpecSchema,
  describeChart,
} from './domain/chart-spec.js';
import { chartSvg, type MapInput } from './domain/chart-svg.js';
import { withDistrictNames } from './domain/region-boundaries.js';

export interface RenderedChart {
  name: string;
  number: number;
  latest: number;
  spec: ChartSpec;
  data: ChartData;
  svg: string;
  description: string;
  dataset: { name: string; title: string; public: boolean };
  versionNumber: number;
  agencyId: string;
}

const missing = () => new NotFoundError({ id: 'Grafik tidak ditemukan', en: 'Chart not found' });

/**
 * A saved chart at one version, drawn from the data version it is bound to (an old URL keeps
 * showing what it showed). NotFoundError when the reader may not read its data.
 */
export async function renderChart(
  db: Kysely<DB>,
  actor: Actor,
  name: string,
  opts: { number?: number; locale?: 'id' | 'en' } = {},
): Promise<RenderedChart> {
  const v = await findChartVersion(db, name, opts.number);
  const latest = await findChartVersion(db, name);
  if (!v || !latest) throw missing();
  const table = await loadTable(db, actor, v.resourceId, v.resourceVersionId).catch(() => {
    throw missing();
  });
  const spec = ChartSpecSchema.parse(v.spec);
  const rows = await readRows(db, table, [
    spec.category,
    spec.value,
    spec.series ?? '',
    ...spec.filters.map((f) => f.field),
  ]);
  let data = aggregateRows(spec, rows);
  let map: MapInput | undefined;
  if (spec.type === 'choropleth') {
    const stored = await loadBoundaries(db);
    if (stored) {
      map = { key: stored.hash.slice(0, 16), boundaries: stored.boundaries };
      data = withDistrictNames(data, stored.boundaries);
    }
  }
  const locale = opts.locale ?? 'id';
  return {
    name,
    number: v.number,
    latest: latest.number,
    spec,
    data,
    svg: chartSvg(spec, data, { locale, id: `${name}-${v.number}`, ...(map ? { map } : {}) }),
    description: describeChart(spec, data, locale),
    dataset: { name: table.datasetName, title: table.datasetTitle, public: table.datasetPublic },
    versionNumber: table.versionNumber,
    agencyId: table.agencyId,
  };
}

/** The SVG as PNG (resvg, with the system's fonts), twice the SVG's size for sharp print. */
export function svgToPng(svg: string): Buffer {
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return Buffer.from(r.render().asPng());
}
