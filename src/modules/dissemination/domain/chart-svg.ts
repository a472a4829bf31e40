import * as echarts from 'echarts';
import { type ChartData, type ChartSpec, describeChart, PALETTES } from './chart-spec.js';

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

function option(spec: ChartSpec, data: ChartData): echarts.EChartsCoreOption {
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
 * same input gives the same bytes (no animation, no random ids).
 */
export function chartSvg(
  spec: ChartSpec,
  data: ChartData,
  opts: { width?: number; height?: number; locale?: 'id' | 'en'; id?: string } = {},
): string {
  const width = opts.width ?? 800;
  const height = opts.height ?? 450;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(option(spec, data));
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
