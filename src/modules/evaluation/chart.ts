import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';

const chartHeight = (bars: number) => 60 + bars * 28;

/** A horizontal bar chart as SVG, rendered on the server by echarts (which escapes its texts). */
export function barChartSvg(input: {
  labels: string[];
  values: number[];
  max?: number;
  name: string;
}): string {
  const height = chartHeight(input.labels.length);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height });
  try {
    chart.setOption({
      animation: false,
      grid: { left: 260, right: 40, top: 16, bottom: 32 },
      xAxis: { type: 'value', max: input.max, axisLabel: { color: '#333' } },
      yAxis: {
        type: 'category',
        data: input.labels,
        inverse: true,
        axisLabel: { color: '#333', width: 240, overflow: 'truncate' },
      },
      series: [{ type: 'bar', name: input.name, data: input.values, itemStyle: { color: '#1f5f8b' } }],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The same chart as a PNG for the report (DOCX and PDF cannot take SVG everywhere): the echarts
 * SVG rasterised by resvg with the system's fonts, at twice its size for print. Returns the
 * chart's size in SVG pixels so the documents place it at that size.
 */
export function barChartPng(input: Parameters<typeof barChartSvg>[0]): {
  png: Buffer;
  width: number;
  height: number;
} {
  const svg = barChartSvg(input);
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return { png: Buffer.from(r.render().asPng()), width: 720, height: chartHeight(input.labels.length) };
}
