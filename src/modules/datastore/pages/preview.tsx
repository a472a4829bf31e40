import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import { NotFoundError } from '../../../kernel/errors.js';
import type { SiteInfo } from '../../../kernel/http/page-context.js';
import type { CatalogPageContext, DatasetView } from '../../catalog/index.js';
import { loadPreview, type PreviewData } from '../read/preview.js';
import { listLoadedResources } from '../read/readable-table.js';
import { datastoreText } from './datastore.messages.js';
import { Chart } from './preview-chart.js';
import { previewState, previewTranslator, queryOf } from './preview-links.js';
import { FilterForm, PreviewTable } from './preview-table.js';

/**
 * The database the dataset page's preview reads, per app: the datastore routes register it for
 * their site (the page context carries the site, not the database).
 */
const databases = new WeakMap<SiteInfo, Kysely<DB>>();
export function registerPreviewDatabase(site: SiteInfo, db: Kysely<DB>): void {
  databases.set(site, db);
}

const STYLE = `.ds-scroll{overflow-x:auto;max-width:100%}.ds-table{border-collapse:collapse;font-size:.9rem}
.ds-table th,.ds-table td{border:1px solid #c8c8c8;padding:.25rem .5rem;text-align:left}
.ds-table td.num{text-align:right;font-variant-numeric:tabular-nums}.ds-table caption{text-align:left;font-weight:600}
.ds-filter fieldset{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}.ds-chart-svg svg{max-width:100%;height:auto}
.ds-downloads{display:flex;gap:.75rem;flex-wrap:wrap;list-style:none;padding:0}`;

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
      <h4>{t('preview.download')}</h4>
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
 * pages, sorts and filters through links and GET forms (no script), and a chart. Renders
 * nothing when the dataset has no table.
 */
export async function DatastorePreviewSection({ ctx, view }: { ctx: CatalogPageContext; view: DatasetView }) {
  const db = databases.get(ctx.site);
  if (!db) return '';
  const loaded = await listLoadedResources(db, view.dict.id);
  if (loaded.length === 0) return '';
  const q = queryOf(ctx.path);
  const chosen = q.get('tabel');
  const previews: PreviewData[] = [];
  for (const r of loaded) {
    const state =
      chosen === r.id || (!chosen && r === loaded[0]) ? previewState(q) : previewState(new URLSearchParams());
    try {
      previews.push(await loadPreview(db, ctx.actor, r.id, state));
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
  }
  if (previews.length === 0) return '';
  return (
    <section aria-labelledby="tabel-title" class="ds-section">
      <style>{STYLE}</style>
      <h2 id="tabel-title">{datastoreText(ctx.locale, 'preview.title')}</h2>
      {previews.map((d) => (
        <DatastorePreview ctx={ctx} d={d} datasetName={view.dict.name} />
      ))}
    </section>
  );
}
