import type { CatalogPageContext } from '../../catalog/index.js';
import { chartSvg } from '../read/chart.js';
import type { PreviewData } from '../read/preview.js';
import { label, numberText, pagePath, previewTranslator, sumLabel } from './preview-links.js';

export function Chart({ ctx, d }: { ctx: CatalogPageContext; d: PreviewData }) {
  const t = previewTranslator(ctx);
  const ch = d.chart;
  if (!ch) return '';
  const rid = d.table.resource.id;
  const s = d.state;
  const summary = ch.categories
    .slice(0, 12)
    .map((c, i) => `${c}: ${numberText(ctx.locale, ch.values[i])}`)
    .join('; ');
  // Markup built by echarts, which escapes every text it writes into the SVG (see chartSvg).
  const safeSvg = chartSvg({
    categories: ch.categories,
    values: ch.values,
    seriesName: label(ch.value),
    line: ch.line,
    locale: ctx.locale,
  });
  const sumOf = sumLabel(ctx, ch.value);
  const alt = t('chart.alt', { sum: sumOf, axis: label(ch.axis), summary });
  return (
    <section class="ds-chart" aria-labelledby={`grafik-${rid}`}>
      <h4 safe id={`grafik-${rid}`}>
        {t('chart.title')}
      </h4>
      <form method="get" action={`${pagePath(ctx.path)}#tabel-${rid}`} class="ds-chart-form">
        <input type="hidden" name="tabel" value={rid} />
        {s.filterColumn ? <input type="hidden" name="kolom" value={s.filterColumn} /> : ''}
        {s.filterColumn ? <input type="hidden" name="nilai" value={s.filterValue ?? ''} /> : ''}
        {s.q ? <input type="hidden" name="cari" value={s.q} /> : ''}
        <label safe for={`grafik-nilai-${rid}`}>
          {t('chart.value')}
        </label>
        <select id={`grafik-nilai-${rid}`} name="grafik">
          {d.valueColumns.map((c) => (
            <option value={c.name} selected={c === ch.value} safe>
              {label(c)}
            </option>
          ))}
        </select>
        <label safe for={`grafik-sumbu-${rid}`}>
          {t('chart.axis')}
        </label>
        <select id={`grafik-sumbu-${rid}`} name="sumbu">
          {d.axisColumns.map((c) => (
            <option value={c.name} selected={c === ch.axis} safe>
              {label(c)}
            </option>
          ))}
        </select>
        <button safe type="submit">
          {t('chart.draw')}
        </button>
      </form>
      <figure>
        <div class="ds-chart-svg" role="img" aria-label={alt}>
          {safeSvg}
        </div>
        <figcaption safe>{sumOf}</figcaption>
      </figure>
      {ch.truncated ? <p safe>{t('chart.truncated', { n: ch.categories.length })}</p> : ''}
      <details>
        <summary safe>{t('chart.data')}</summary>
        <table class="ds-table">
          <thead>
            <tr>
              <th scope="col" safe>
                {label(ch.axis)}
              </th>
              <th scope="col" safe>
                {sumOf}
              </th>
            </tr>
          </thead>
          <tbody>
            {ch.categories.map((c, i) => (
              <tr>
                <td safe>{c}</td>
                <td safe class="num">
                  {numberText(ctx.locale, ch.values[i])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
