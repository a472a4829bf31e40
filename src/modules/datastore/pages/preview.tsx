import type { CatalogPageContext } from '../../catalog/index.js';
import type { PreviewData } from '../read/preview.js';
import { datastoreText } from './datastore.messages.js';
import { Chart } from './preview-chart.js';
import { previewTranslator } from './preview-links.js';
import { FilterForm, PreviewTable } from './preview-table.js';

const STYLE = `.ds-scroll{overflow-x:auto;max-width:100%}.ds-table{border-collapse:collapse;font-size:.9rem}
.ds-table th,.ds-table td{border:1px solid #c8c8c8;padding:.25rem .5rem;text-align:left}
.ds-table td.num{text-align:right;font-variant-numeric:tabular-nums}.ds-table caption{text-align:left;font-weight:600}
.ds-filter fieldset{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}.ds-chart-svg svg{max-width:100%;height:auto}
.ds-downloads{display:flex;gap:.75rem;flex-wrap:wrap;list-style:none;padding:0}
.ds-scroll-hint{font-size:.85rem;margin:.25rem 0}@media (min-width:48rem){.ds-scroll-hint{display:none}}
.ds-table th:first-child,.ds-table td:first-child{position:sticky;left:0;background:#fff}`;

export function DatastorePreview({
  ctx,
  d,
  datasetName,
}: {
  ctx: CatalogPageContext;
  d: PreviewData;
  datasetName: string;
}) {
  const t = previewTranslator(ctx);
  const rid = d.table.resource.id;
  const base = `/dataset/${encodeURIComponent(datasetName)}/resource/${rid}/download`;
  return (
    <article class="ds-preview" id={`tabel-${rid}`} aria-labelledby={`tabel-h-${rid}`}>
      <h3 id={`tabel-h-${rid}`} safe>
        {d.table.resource.name || rid}
      </h3>
      {d.error ? (
        <p class="notice" role="alert" safe>
          {t('preview.filterError', { message: ctx.locale === 'id' ? d.error.id : d.error.en })}
        </p>
      ) : (
        ''
      )}
      <FilterForm ctx={ctx} d={d} />
      <PreviewTable ctx={ctx} d={d} />
      <h4 safe>{t('preview.download')}</h4>
      <ul class="ds-downloads">
        <li>
          <a href={`${base}.csv`}>CSV</a>
        </li>
        <li>
          <a href={`${base}.csv?bom=1`}>CSV (Excel)</a>
        </li>
        <li>
          <a href={`${base}.xlsx`}>XLSX</a>
        </li>
        <li>
          <a href={`${base}.json`}>JSON</a>
        </li>
        <li>
          <a href={`/dataset/${encodeURIComponent(datasetName)}/datapackage.json`}>datapackage.json</a>
        </li>
      </ul>
      <Chart ctx={ctx} d={d} />
    </article>
  );
}

/**
 * The dataset page's table section: for each resource with a loaded table, a preview the reader
 * pages, sorts and filters through links and GET forms (no script), and a chart. The previews
 * come from loadDatastorePreviews (preview.loader.ts); renders nothing when there are none.
 */
export function DatastorePreviewSection({
  ctx,
  previews,
  datasetName,
}: {
  ctx: CatalogPageContext;
  previews: PreviewData[];
  datasetName: string;
}) {
  if (previews.length === 0) return '';
  return (
    <section aria-labelledby="tabel-title" class="ds-section">
      <style>{STYLE}</style>
      <h2 safe id="tabel-title">
        {datastoreText(ctx.locale, 'preview.title')}
      </h2>
      {previews.map((d) => (
        <DatastorePreview ctx={ctx} d={d} datasetName={datasetName} />
      ))}
    </section>
  );
}
