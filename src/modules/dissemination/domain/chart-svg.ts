import * as echarts from 'echarts';
import { type ChartData, type ChartSpec, describeChart, PALETTES } from './chart-spec.js';
import { normalizeCode, type RegionBoundaries } from './region-boundaries.js';

/** Boundaries registered with ECharts under a key (their content hash): a map is registered once. */
const registered = new Set<string>();

/** Sequential blues, light to dark (the 'biru' palette reversed): darker is more. */
const SEQUENTIAL = ['#C6DBEF', '#6BAED6', '#2171B5', '#08306B'];

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

export interface MapInput {
  /** A stable key for these boundaries (their hash). */
  key: string;
  boundaries: RegionBoundaries;
}

function mapOption(data: ChartData, map: MapInput, base: object): echarts.EChartsCoreOption {
  const mapName = `region-${map.key}`;
  if (!registered.has(mapName)) {
    echarts.registerMap(mapName, map.boundaries as unknown as Parameters<typeof echarts.registerMap>[1]);
    registered.add(mapName);
  }
  const s = data.series[0];
  const codes = data.codes ?? data.categories.map(normalizeCode);
  const values = codes.map((c, i) => ({ name: c, value: s?.values[i] ?? null }));
  const numbers = values.map((v) => v.value).filter((v): v is number => v !== null);
  const names = new Map(map.boundaries.features.map((f) => [f.properties.code, f.properties.name]));
  const min = numbers.length ? Math.min(...numbers) : 0;
  const max = numbers.length ? Math.max(...numbers) : 1;
  // Four equal classes with rounded bounds (whole numbers for counts), darkest the highest.
  const digits = numbers.every(Number.isInteger) ? 0 : 1;
  const round = (v: number) => Number(v.toFixed(digits));
  const step = (max === min ? 1 : max - min) / SEQUENTIAL.length;
  const pieces = SEQUENTIAL.map((color, k) => {
    const lo = round(min + k * step);
    const hi =
      k === SEQUENTIAL.length - 1 ? Math.max(max, round(min + (k + 1) * step)) : round(min + (k + 1) * step);
    return {
      min: lo,
      max: hi,
      color,
      label: `${lo.toLocaleString('id-ID')} – ${hi.toLocaleString('id-ID')}`,
    };
  }).reverse();
  return {
    ...base,
    visualMap: {
      type: 'piecewise',
      pieces,
      left: 16,
      bottom: 16,
      textStyle: { color: '#222' },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'code',
        top: 84,
        bottom: 24,
        left: 220,
        right: 24,
        roam: false,
        itemStyle: { areaColor: '#f2f2f2', borderColor: '#444', borderWidth: 0.6 },
        label: {
          show: true,
          fontSize: 9,
          color: '#111',
          textBorderColor: '#fff',
          textBorderWidth: 2,
          formatter: (p: { name: string }) => names.get(p.name) ?? p.name,
        },
        data: values,
      },
    ],
  };
}

function option(spec: ChartSpec, data: ChartData, map?: MapInput): echarts.EChartsCoreOption {
  const color = [...PALETTES[spec.palette]];
  const base = {
    animation: false,
    color,
    textStyle: { fontFamily: 'DejaVu Sans, Arial, sans-serif' },
    title: {
      text: spec.title,
      subtext: [spec.subtitle, spec.source ? `Sumber: ${spec.source}` : ''].filter(Boolean).join('\n'),
      left: 16,
      top: 8,
      textStyle: { fontSize: 16, color: '#111' },
      subtextStyle: { color: '#333' },
    },
  };
  if (spec.type === 'choropleth' && map) return mapOption(data, map, base);
  if (spec.type === 'pie' || spec.type === 'donut') {
    const s = data.series[0];
    return {
      ...base,
      legend: { bottom: 8, textStyle: { color: '#222' } },
      series: [
        {
          type: 'pie',
          radius: spec.type === 'donut' ? ['40%', '65%'] : '65%',
          center: ['50%', '55%'],
          label: { color: '#111', formatter: '{b}: {c}' },
          data: data.categories.map((c, i) => ({ name: c, value: s?.values[i] ?? 0 })),
        },
      ],
    };
  }
  return {
    ...base,
    legend: data.series.length > 1 ? { bottom: 8, textStyle: { color: '#222' } } : undefined,
    grid: { left: 80, right: 24, top: 84, bottom: data.series.length > 1 ? 96 : 72 },
    xAxis: {
      type: 'category',
      data: data.categories,
      axisLabel: { interval: 0, rotate: data.categories.length > 6 ? 45 : 0, color: '#222' },
    },
    yAxis: { type: 'value', axisLabel: { color: '#222' } },
    series: data.series.map((s) => ({
      type: spec.type === 'line' ? 'line' : 'bar',
      name: s.name,
      stack: spec.type === 'stacked' ? 'total' : undefined,
      data: s.values,
    })),
  };
}

/**
 * The chart as a standalone SVG rendered on the server by ECharts (no script), with its text
 * alternative inside: `role="img"`, a <title> and a <desc> that says what the chart shows. The
 * same input gives the same bytes (no animation, no random ids). A choropleth without `map`
 * (its boundaries since removed) is drawn as bars, so the figure still says what it says.
 */
export function chartSvg(
  spec: ChartSpec,
  data: ChartData,
  opts: { width?: number; height?: number; locale?: 'id' | 'en'; id?: string; map?: MapInput } = {},
): string {
  const width = opts.width ?? 800;
  const height = opts.height ?? 450;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(option(spec, data, opts.map));
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const desc = describeChart(spec, data, opts.locale ?? 'id');
  // Ids unique per chart: a publication's page shows several.
  const key = (opts.id ?? 'chart').replace(/[^a-z0-9-]/gi, '');
  return svg.replace(
    /^<svg\b([^>]*)>/,
    (_m, attrs: string) =>
      `<svg${attrs} role="img" aria-labelledby="title-${key} desc-${key}"><title id="title-${key}">${escapeXml(spec.title)}</title><desc id="desc-${key}">${escapeXml(desc)}</desc>`,
  );
}
