import { CsrfField, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { RenderedChart } from '../charts.js';
import type { LoadedTable } from '../data.repository.js';
import { AGGREGATES, CHART_TYPES, PALETTES } from '../domain/chart-spec.js';
import { Errors, Field, type FormErrors, type FormValues, msg, Select } from './form-parts.js';

const tableLabel = (t: LoadedTable) => `${t.datasetTitle} — ${t.resourceName} (v${t.versionNumber})`;

/** GET /grafik/baru: pick a table (a GET form), then the chart's mapping and words (POST). */
export function ChartBuilderPage(props: {
  ctx: PageContext;
  tables: LoadedTable[];
  table?: LoadedTable | undefined;
  values?: FormValues;
  errors?: FormErrors | undefined;
  /** The region's boundaries are uploaded: the choropleth kind is offered. */
  mapAvailable?: boolean;
}) {
  const { ctx, tables, table } = props;
  const types = CHART_TYPES.filter((t) => t !== 'choropleth' || props.mapAvailable);
  const m = msg(ctx);
  const v = props.values ?? {};
  const columns = (table?.fields ?? []).map((f): [string, string] => [f.name, f.title ?? f.name]);
  return (
    <Layout ctx={ctx} title={m('chart.new')}>
      <h1 safe>{m('chart.new')}</h1>
      {tables.length === 0 ? (
        <p safe>{m('chart.noTables')}</p>
      ) : (
        <form method="get" action="/grafik/baru" id="chart-table">
          <Select
            id="resource"
            label={m('chart.table')}
            value={table?.resourceId}
            options={tables.map((t) => [t.resourceId, tableLabel(t)])}
          />
          <button type="submit" safe>
            {m('chart.chooseTable')}
          </button>
        </form>
      )}
      {table ? (
        <form method="post" action="/grafik/baru" id="chart-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="resource_id" value={table.resourceId} />
          <Errors m={m} errors={props.errors} />
          <Select
            id="type"
            label={m('chart.type')}
            value={v.type}
            options={types.map((t) => [t, m(`type.${t}`)])}
          />
          {props.mapAvailable ? (
            ''
          ) : (
            <p class="hint" id="map-hint">
              <span safe>{m('chart.mapHint')}</span>
              {ctx.can('codelist:manage') ? (
                <>
                  {' '}
                  <a href="/admin/batas-wilayah" safe>
                    {m('chart.mapSetting')}
                  </a>
                </>
              ) : (
                ''
              )}
            </p>
          )}
          <Select id="category" label={m('chart.category')} value={v.category} options={columns} />
          <Select id="value" label={m('chart.value')} value={v.value} options={columns} />
          <Select
            id="series"
            label={m('chart.series')}
            value={v.series}
            options={[['', m('chart.none')], ...columns]}
          />
          <Select
            id="aggregate"
            label={m('chart.aggregate')}
            value={v.aggregate}
            options={AGGREGATES.map((a) => [a, m(`agg.${a}`)])}
          />
          <Select
            id="palette"
            label={m('chart.palette')}
            value={v.palette}
            options={Object.keys(PALETTES).map((p) => [p, p])}
          />
          <Select
            id="filter_field"
            label={m('chart.filterField')}
            value={v.filter_field}
            options={[['', m('chart.none')], ...columns]}
          />
          <Field id="filter_value" label={m('chart.filterValue')} value={v.filter_value} />
          <Field id="title" label={m('chart.title')} value={v.title} required />
          <Field id="subtitle" label={m('chart.subtitle')} value={v.subtitle} />
          <Field id="source" label={m('chart.source')} value={v.source ?? table.agencyName} />
          <Field id="notes" label={m('chart.notes')} value={v.notes} multiline />
          <button type="submit" safe>
            {m('chart.save')}
          </button>
        </form>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** The chart's figure: the SVG (with its own title and description), the text alternative, the data table. */
export function ChartFigure({ ctx, chart }: { ctx: PageContext; chart: RenderedChart }) {
  const m = msg(ctx);
  const { spec, data } = chart;
  // Markup built by echarts, which escapes every text it writes; our <title>/<desc> are escaped (chartSvg).
  const safeSvg = chart.svg;
  return (
    <figure class="chart" data-chart={chart.name}>
      {spec.type === 'table' ? '' : <div class="chart-svg">{safeSvg}</div>}
      <figcaption>
        <strong safe>{spec.title}</strong>
        {spec.subtitle ? <span safe> — {spec.subtitle}</span> : ''}
      </figcaption>
      <details open={spec.type === 'table'}>
        <summary safe>{m('chart.text')}</summary>
        <p class="chart-text" safe>
          {chart.description}
        </p>
        <table class="table chart-data">
          <caption safe>{m('chart.data')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {spec.category}
              </th>
              {data.series.map((s) => (
                <th scope="col" safe>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.categories.map((c, i) => (
              <tr>
                <th scope="row" safe>
                  {c}
                </th>
                {data.series.map((s) => (
                  <td safe>{s.values[i] === null ? '-' : String(s.values[i])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {spec.source ? (
        <p class="chart-source" safe>
          {`${m('chart.source')}: ${spec.source}`}
        </p>
      ) : (
        ''
      )}
    </figure>
  );
}

/** GET /grafik/:name — a saved chart's public page. */
export function ChartPage({
  ctx,
  chart,
  siteUrl,
}: {
  ctx: PageContext;
  chart: RenderedChart;
  siteUrl: string;
}) {
  const m = msg(ctx);
  const base = `/grafik/${chart.name}`;
  const versioned = chart.number === chart.latest ? base : `${base}/v/${chart.number}`;
  const embed = `<iframe src="${siteUrl}${versioned}/embed" title="${chart.spec.title.replace(/"/g, '&quot;')}" width="800" height="450" style="border:0"></iframe>`;
  return (
    <Layout ctx={ctx} title={chart.spec.title}>
      <h1 safe>{chart.spec.title}</h1>
      <p safe>
        {m('chart.version', {
          n: chart.number,
          latest: chart.latest,
          data: chart.versionNumber,
          dataset: chart.dataset.title,
        })}
      </p>
      <ChartFigure ctx={ctx} chart={chart} />
      {chart.spec.notes ? <p safe>{chart.spec.notes}</p> : ''}
      <h2 safe>{m('chart.downloads')}</h2>
      <ul>
        <li>
          <a href={`${versioned}.svg`} safe>
            {m('chart.svg')}
          </a>
        </li>
        <li>
          <a href={`${versioned}.png`} safe>
            {m('chart.png')}
          </a>
        </li>
        <li>
          <a href={`/dataset/${encodeURIComponent(chart.dataset.name)}`} safe>
            {chart.dataset.title}
          </a>
        </li>
      </ul>
      <p>
        <label for="embed-code" safe>
          {m('chart.embed')}
        </label>
        <textarea id="embed-code" readonly rows="3" safe>
          {embed}
        </textarea>
      </p>
      {ctx.can('chart:create', { agencyId: chart.agencyId }) ? (
        <>
          <p>
            <a id="make-infographic" href={`/publikasi/baru?chart=${encodeURIComponent(chart.name)}`} safe>
              {m('chart.makeInfographic')}
            </a>
          </p>
          <form method="post" action={`${base}/perbarui`}>
            <CsrfField ctx={ctx} />
            <button type="submit" safe>
              {m('chart.refresh')}
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** GET /grafik/:name/embed — the chart alone, for an iframe. */
export function ChartEmbed({ ctx, chart }: { ctx: PageContext; chart: RenderedChart }) {
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.locale}>
        <head>
          <meta charset="utf-8" />
          <title safe>{chart.spec.title}</title>
        </head>
        <body style="margin:0;font-family:sans-serif">
          <main>
            <ChartFigure ctx={ctx} chart={chart} />
          </main>
        </body>
      </html>
    </>
  );
}
