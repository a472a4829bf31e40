import * as echarts from 'echarts';

/** A horizontal bar chart as SVG, rendered on the server by echarts (which escapes its texts). */
export function barChartSvg(input: {
  labels: string[];
  values: number[];
  max?: number;
  name: string;
}): string {
  const height = 60 + input.labels.length * 28;
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
