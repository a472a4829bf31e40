import * as echarts from 'echarts';
import { numberFormat } from '../../../kernel/i18n/intl-formats.js';

export interface ChartInput {
  categories: string[];
  values: number[];
  seriesName: string;
  width?: number;
  height?: number;
  /** Numbers on the value axis as the reader writes them (`350.000` in Indonesian). */
  locale?: 'id' | 'en';
}

/**
 * A bar chart (line for a period axis) rendered on the server as SVG by echarts (no script in
 * the page). echarts escapes every text it writes into the SVG.
 */
export function chartSvg(input: ChartInput & { line?: boolean }): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: input.width ?? 720,
    height: input.height ?? 320,
  });
  try {
    chart.setOption({
      animation: false,
      grid: { left: 72, right: 24, top: 24, bottom: 72 },
      xAxis: {
        type: 'category',
        data: input.categories,
        axisLabel: { rotate: input.categories.length > 8 ? 45 : 0, color: '#333' },
      },
      yAxis: {
        type: 'value',
        axisLabel: {
          color: '#333',
          formatter: (v: number) => numberFormat(input.locale === 'en' ? 'en' : 'id').format(v),
        },
      },
      series: [
        {
          type: input.line ? 'line' : 'bar',
          name: input.seriesName,
          data: input.values,
          itemStyle: { color: '#1f5f8b' },
          lineStyle: { color: '#1f5f8b' },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
