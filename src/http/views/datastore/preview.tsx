import type { Kysely } from 'kysely';
import {
  loadPreview,
  PREVIEW_PAGE_ROWS,
  type PreviewData,
  type PreviewState,
} from '../../../datastore-read/preview.js';
import { listLoadedResources, type ReadableColumn } from '../../../datastore-read/readable-table.js';
import type { DB } from '../../../db/schema.js';
import { NotFoundError } from '../../../errors.js';
import type { CatalogPageContext } from '../catalog/catalog-context.js';
import type { DatasetView } from '../catalog/dataset-view.js';
import { Pager } from '../catalog/pager.js';
import type { SiteInfo } from '../page-context.js';
import { datastoreText } from './datastore.messages.js';

/**
 * The database the dataset page's preview reads, per app: the datastore routes register it for
 * their site (the page context carries the site, not the database).
 */
const databases = new WeakMap<SiteInfo, Kysely<DB>>();
export function registerPreviewDatabase(site: SiteInfo, db: Kysely<DB>): void {
  databases.set(site, db);
}

/** Preview parameters in the dataset page's query string (they apply to the table named by `tabel`). */
export const PREVIEW_PARAMS = [
  'tabel',
  'hal',
  'urut',
  'arah',
  'kolom',
  'nilai',
  'cari',
  'grafik',
  'sumbu',
] as const;

function queryOf(path: string): URLSearchParams {
  const at = path.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : path.slice(at + 1));
}

export function previewState(q: URLSearchParams): PreviewState {
  const page = Number(q.get('hal') ?? '1');
  const text = (k: string) => {
    const v = q.get(k);
    return v === null || v === '' ? undefined : v.slice(0, 200);
  };
  return {
    page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1,
    sort: text('urut'),
    desc: q.get('arah') === 'turun',
    filterColumn: text('kolom'),
    filterValue: q.has('kolom') ? (q.get('nilai') ?? '').slice(0, 200) : undefined,
    q: text('cari'),
    chartValue: text('grafik'),
    chartAxis: text('sumbu'),
  };
}

function pagePath(path: string): string {
  const at = path.indexOf('?');
  return at < 0 ? path : path.slice(0, at);
}

/** A link to the dataset page with this table's preview state changed. */
function hrefWith(
  ctx: CatalogPageContext,
  rid: string,
  s: PreviewState,
  change: Partial<PreviewState>,
): string {
  const n = { ...s, ...change };
  const q = new URLSearchParams();
  const keep = queryOf(ctx.path);
  for (const [k, v] of keep) if (!(PREVIEW_PARAMS as readonly string[]).includes(k)) q.append(k, v);
  q.set('tabel', rid);
  if (n.page > 1) q.set('hal', String(n.page));
  if (n.sort) q.set('urut', n.sort);
  if (n.sort && n.desc) q.set('arah', 'turun');
  if (n.filterColumn) {
    q.set('kolom', n.filterColumn);
    q.set('nilai', n.filterValue ?? '');
  }
  if (n.q) q.set('cari', n.q);
  if (n.chartValue) q.set('grafik', n.chartValue);
  if (n.chartAxis) q.set('sumbu', n.chartAxis);
  return `${pagePath(ctx.path)}?${q}#tabel-${rid}`;
}

const label = (c: ReadableColumn) => c.field?.title ?? c.name;

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

function SortHeader({ ctx, d, c }: { ctx: CatalogPageContext; d: PreviewData; c: ReadableColumn }) {
  const t = (k: Parameters<typeof datastoreText>[1], p?: Record<string, string | number>) =>
    datastoreText(ctx.locale, k, p);
  const active = d.state.sort === c.name;
  const desc = active && d.state.desc;
  const sortAttr = active ? (desc ? 'descending' : 'ascending') : undefined;
  const rid = d.table.resource.id;
  return (
    <th scope="col" aria-sort={sortAttr}>
      <a
        href={hrefWith(ctx, rid, d.state, { sort: c.name, desc: active ? !desc : false, page: 1 })}
        aria-label={t('preview.sortBy', { name: label(c) })}
      >
        <span safe>{label(c)}</span>
        {active ? <span aria-hidden="true">{desc ? ' ▼' : ' ▲'}</span> : ''}
      </a>
    </th>
  );
}

function PreviewTable({ ctx, d }: { ctx: CatalogPageContext; d: PreviewData }) {
  const t = (k: Parameters<typeof datastoreText>[1], p?: Record<string, string | number>) =>
    datastoreText(ctx.locale, k, p);
  const rid = d.table.resource.id;
  const from = d.total === 0 ? 0 : (d.state.page - 1) * PREVIEW_PAGE_ROWS + 1;
  const to = Math.min(d.total, d.state.page * PREVIEW_PAGE_ROWS);
  const name = d.table.resource.name || d.table.resource.id;
  return (
    <>
      <p class="ds-count" aria-live="polite">
        {t('preview.rows', { from, to, total: d.total })}
      </p>
      <section class="ds-scroll" aria-labelledby={`tabel-cap-${rid}`} tabindex="0">
        <table class="ds-table">
          <caption id={`tabel-cap-${rid}`} safe>
            {t('preview.caption', { name, version: d.table.versionNumber })}
          </caption>
          <thead>
            <tr>
              {d.columns.map((c) => (
                <SortHeader ctx={ctx} d={d} c={c} />
              ))}
            </tr>
          </thead>
          <tbody>
            {d.rows.length === 0 ? (
              <tr>
                <td colspan={String(d.columns.length)}>{t('preview.noRows')}</td>
              </tr>
            ) : (
              d.rows.map((row) => (
                <tr>
                  {d.columns.map((c, i) => (
                    <td class={c.type === 'integer' || c.type === 'number' ? 'num' : undefined} safe>
                      {cellText(row[i])}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
      <Pager
        ctx={ctx}
        page={d.state.page}
        pageCount={d.pageCount}
        hrefFor={(page) => hrefWith(ctx, rid, d.state, { page })}
      />
    </>
  );
}

function FilterForm({ ctx, d }: { ctx: CatalogPageContext; d: PreviewData }) {
  const t = (k: Parameters<typeof datastoreText>[1], p?: Record<string, string | number>) =>
    datastoreText(ctx.locale, k, p);
  const rid = d.table.resource.id;
  const s = d.state;
  return (
    <form method="get" action={`${pagePath(ctx.path)}#tabel-${rid}`} class="ds-filter">
      <fieldset>
        <legend>{t('preview.filter')}</legend>
        <input type="hidden" name="tabel" value={rid} />
        {s.sort ? <input type="hidden" name="urut" value={s.sort} /> : ''}
        {s.sort && s.desc ? <input type="hidden" name="arah" value="turun" /> : ''}
        <label for={`kolom-${rid}`}>{t('preview.column')}</label>
        <select id={`kolom-${rid}`} name="kolom">
          <option value="">{t('preview.anyColumn')}</option>
          {d.columns.map((c) => (
            <option value={c.name} selected={s.filterColumn === c.name} safe>
              {label(c)}
            </option>
          ))}
        </select>
        <label for={`nilai-${rid}`}>{t('preview.value')}</label>
        <input id={`nilai-${rid}`} name="nilai" type="text" value={s.filterValue ?? ''} />
        <label for={`cari-${rid}`}>{t('preview.search')}</label>
        <input id={`cari-${rid}`} name="cari" type="search" value={s.q ?? ''} />
        <button type="submit">{t('preview.apply')}</button>
        <a href={`${pagePath(ctx.path)}?tabel=${rid}#tabel-${rid}`}>{t('preview.reset')}</a>
      </fieldset>
    </form>
  );
}

function Chart({ ctx, d }: { ctx: CatalogPageContext; d: PreviewData }) {
  const t = (k: Parameters<typeof datastoreText>[1], p?: Record<string, string | number>) =>
    datastoreText(ctx.locale, k, p);
  const ch = d.chart;
  if (!ch) return '';
  const rid = d.table.resource.id;
  const s = d.state;
  const summary = ch.categories
    .slice(0, 12)
    .map((c, i) => `${c}: ${ch.values[i]?.toLocaleString(ctx.locale === 'id' ? 'id-ID' : 'en-GB')}`)
    .join('; ');
  const alt = t('chart.alt', { value: label(ch.value), axis: label(ch.axis), summary });
  return (
    <section class="ds-chart" aria-labelledby={`grafik-${rid}`}>
      <h4 id={`grafik-${rid}`}>{t('chart.title')}</h4>
      <form method="get" action={`${pagePath(ctx.path)}#tabel-${rid}`} class="ds-chart-form">
        <input type="hidden" name="tabel" value={rid} />
        {s.filterColumn ? <input type="hidden" name="kolom" value={s.filterColumn} /> : ''}
        {s.filterColumn ? <input type="hidden" name="nilai" value={s.filterValue ?? ''} /> : ''}
        {s.q ? <input type="hidden" name="cari" value={s.q} /> : ''}
        <label for={`grafik-nilai-${rid}`}>{t('chart.value')}</label>
        <select id={`grafik-nilai-${rid}`} name="grafik">
          {d.valueColumns.map((c) => (
            <option value={c.name} selected={c === ch.value} safe>
              {label(c)}
            </option>
          ))}
        </select>
        <label for={`grafik-sumbu-${rid}`}>{t('chart.axis')}</label>
        <select id={`grafik-sumbu-${rid}`} name="sumbu">
          {d.axisColumns.map((c) => (
            <option value={c.name} selected={c === ch.axis} safe>
              {label(c)}
            </option>
          ))}
        </select>
        <button type="submit">{t('chart.draw')}</button>
      </form>
      <figure>
        <div class="ds-chart-svg" role="img" aria-label={alt}>
          {ch.svg}
        </div>
        <figcaption safe>{t('chart.sum', { value: label(ch.value) })}</figcaption>
      </figure>
      {ch.truncated ? <p>{t('chart.truncated', { n: ch.categories.length })}</p> : ''}
      <details>
        <summary>{t('chart.data')}</summary>
        <table class="ds-table">
          <thead>
            <tr>
              <th scope="col" safe>
                {label(ch.axis)}
              </th>
              <th scope="col" safe>
                {t('chart.sum', { value: label(ch.value) })}
              </th>
            </tr>
          </thead>
          <tbody>
            {ch.categories.map((c, i) => (
              <tr>
                <td safe>{c}</td>
                <td class="num">{String(ch.values[i] ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
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
  const t = (k: Parameters<typeof datastoreText>[1], p?: Record<string, string | number>) =>
    datastoreText(ctx.locale, k, p);
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
