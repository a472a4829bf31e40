import { CsrfField, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { RenderedChart } from '../charts.js';
import type { LoadedTable } from '../data.repository.js';
import { AGGREGATES, CHART_TYPES, PALETTES } from '../domain/chart-spec.js';
import type { PublicationView } from '../publication.repository.js';
import { type DtKey, dt } from './dissemination.messages.js';

type M = (key: DtKey, params?: Record<string, string | number>) => string;
const msg =
  (ctx: PageContext): M =>
  (key, params) =>
    dt(ctx.locale, key, params);

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string[]>;

function Errors({ m, errors }: { m: M; errors?: FormErrors | undefined }) {
  if (!errors || Object.keys(errors).length === 0) return '';
  return (
    <div class="form-errors" role="alert" id="form-errors">
      <p safe>{m('pub.errors')}</p>
      <ul>
        {Object.entries(errors).flatMap(([field, list]) =>
          list.map((e) => (
            <li data-field={field} safe>
              {e}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

function Field(props: {
  id: string;
  label: string;
  value?: string | undefined;
  multiline?: boolean;
  required?: boolean;
}) {
  return (
    <p>
      <label for={props.id} safe>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea id={props.id} name={props.id} rows="5" safe>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input id={props.id} name={props.id} value={props.value ?? ''} required={props.required} />
      )}
    </p>
  );
}

function Select(props: {
  id: string;
  label: string;
  value?: string | undefined;
  options: [string, string][];
}) {
  return (
    <p>
      <label for={props.id} safe>
        {props.label}
      </label>
      <select id={props.id} name={props.id}>
        {props.options.map(([v, l]) => (
          <option value={v} selected={v === (props.value ?? '')} safe>
            {l}
          </option>
        ))}
      </select>
    </p>
  );
}

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

const stateOf = (p: PublicationView) =>
  p.published_at ? 'published' : p.instance_id ? 'in_review' : 'draft';
const pick = (ctx: PageContext, idText: string, enText: string) =>
  ctx.locale === 'en' && enText ? enText : idText;

/** GET /publikasi/baru — a new publication, from saved charts. */
export function PublicationNewPage(props: {
  ctx: PageContext;
  topics: { id: string; title: string }[];
  values: FormValues;
  errors?: FormErrors | undefined;
}) {
  const { ctx, values: v } = props;
  const m = msg(ctx);
  return (
    <Layout ctx={ctx} title={m('pub.new')}>
      <h1 safe>{m('pub.new')}</h1>
      <form method="post" action="/publikasi/baru" id="publication-form">
        <CsrfField ctx={ctx} />
        <Errors m={m} errors={props.errors} />
        <Select
          id="kind"
          label={m('pub.kind')}
          value={v.kind}
          options={(['infographic', 'presentation', 'report', 'book'] as const).map((k) => [
            k,
            m(`kind.${k}`),
          ])}
        />
        <Field id="title" label={m('pub.titleField')} value={v.title} required />
        <Field id="title_en" label={m('pub.titleEn')} value={v.title_en} />
        <Field id="narrative" label={m('pub.narrativeField')} value={v.narrative} multiline />
        <Field id="narrative_en" label={m('pub.narrativeEn')} value={v.narrative_en} multiline />
        <Field id="charts" label={m('pub.chartsField')} value={v.charts} />
        <Field id="planned_release" label={m('pub.plannedRelease')} value={v.planned_release} />
        <Select
          id="topic_id"
          label={m('gallery.topic')}
          value={v.topic_id}
          options={[['', m('chart.none')], ...props.topics.map((t): [string, string] => [t.id, t.title])]}
        />
        <p>
          <label for="book" safe>
            {m('pub.bookField')}
          </label>
          <small id="book-help" safe>
            {m('pub.bookHelp')}
          </small>
          <textarea id="book" name="book" rows="14" aria-describedby="book-help" class="code" safe>
            {v.book ?? ''}
          </textarea>
        </p>
        <button type="submit" safe>
          {m('pub.create')}
        </button>
      </form>
    </Layout>
  );
}

/** GET /publikasi/:name — a publication: its charts, narrative and data; the staff's controls while in draft. */
export function PublicationPage(props: {
  ctx: PageContext;
  p: PublicationView;
  charts: RenderedChart[];
  editable: boolean;
  editions: { hash: string; year: number }[];
  errors?: FormErrors | undefined;
  values?: FormValues;
}) {
  const { ctx, p, charts } = props;
  const m = msg(ctx);
  const state = stateOf(p);
  const v = props.values ?? {
    title: p.title,
    title_en: p.title_en,
    narrative: p.narrative,
    narrative_en: p.narrative_en,
  };
  const datasets = [...new Map(charts.map((c) => [c.dataset.name, c.dataset.title])).entries()];
  return (
    <Layout ctx={ctx} title={pick(ctx, p.title, p.title_en)}>
      <article class="publication" data-state={state}>
        <h1 safe>{pick(ctx, p.title, p.title_en)}</h1>
        <p>
          <span safe>{m(`kind.${p.kind}`)}</span> · <span safe>{m('pub.version', { n: p.version })}</span>
          {p.agency_name ? <span safe> · {p.agency_name}</span> : ''}
          {p.topic_title ? <span safe> · {p.topic_title}</span> : ''}
        </p>
        {state !== 'published' ? (
          <p class="notice" id="publication-state" safe>
            {`${m('state.label')}: ${m(`state.${state}`)}. ${m('pub.inReview')}`}
          </p>
        ) : (
          ''
        )}
        {pick(ctx, p.narrative, p.narrative_en) ? (
          <section aria-labelledby="narrative-title">
            <h2 id="narrative-title" safe>
              {m('pub.narrative')}
            </h2>
            <p class="narrative" safe>
              {pick(ctx, p.narrative, p.narrative_en)}
            </p>
          </section>
        ) : (
          ''
        )}
        {charts.length ? (
          <section aria-labelledby="charts-title">
            <h2 id="charts-title" safe>
              {m('pub.charts')}
            </h2>
            {charts.map((c) => (
              <>
                <ChartFigure ctx={ctx} chart={c} />
                <p>
                  <a href={`/grafik/${c.name}/v/${c.number}`} safe>
                    {c.spec.title}
                  </a>
                </p>
              </>
            ))}
          </section>
        ) : (
          ''
        )}
        {datasets.length ? (
          <section aria-labelledby="data-title">
            <h2 id="data-title" safe>
              {m('pub.data')}
            </h2>
            <ul>
              {datasets.map(([name, title]) => (
                <li>
                  <a href={`/dataset/${encodeURIComponent(name)}`} safe>
                    {title}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          ''
        )}
        {p.kind === 'book' ? (
          <section aria-labelledby="editions-title">
            <h2 id="editions-title" safe>
              {m('pub.editions')}
            </h2>
            {props.editions.length ? (
              <p>
                <a href={`/publikasi/${p.name}.pdf`} type="application/pdf" safe>
                  {m('pub.pdf')}
                </a>
              </p>
            ) : (
              ''
            )}
            <ul>
              {props.editions.map((e) => (
                <li>
                  <a href={`/publikasi/verifikasi/${e.hash}`}>
                    <span safe>{String(e.year)}</span> · <code safe>{e.hash.slice(0, 16)}</code>
                  </a>
                </li>
              ))}
            </ul>
            {ctx.can('data_book:generate', { agencyId: p.agency_id }) ? (
              <form method="post" action={`/publikasi/${p.name}/buku`}>
                <CsrfField ctx={ctx} />
                <p>
                  <label for="year" safe>
                    {m('pub.year')}
                  </label>
                  <input id="year" name="year" inputmode="numeric" value={String(new Date().getFullYear())} />
                </p>
                <button type="submit" safe>
                  {m('pub.generate')}
                </button>
              </form>
            ) : (
              ''
            )}
          </section>
        ) : (
          ''
        )}
        {props.editable ? (
          <section aria-labelledby="edit-title" id="publication-edit">
            <h2 id="edit-title" safe>
              {m('pub.edit')}
            </h2>
            <form method="post" action={`/publikasi/${p.name}/ubah`}>
              <CsrfField ctx={ctx} />
              <Errors m={m} errors={props.errors} />
              <Field id="title" label={m('pub.titleField')} value={v.title} required />
              <Field id="title_en" label={m('pub.titleEn')} value={v.title_en} />
              <Field id="narrative" label={m('pub.narrativeField')} value={v.narrative} multiline />
              <Field id="narrative_en" label={m('pub.narrativeEn')} value={v.narrative_en} multiline />
              <button type="submit" safe>
                {m('pub.save')}
              </button>
            </form>
            <form method="post" action={`/publikasi/${p.name}/ajukan`} id="publication-submit">
              <CsrfField ctx={ctx} />
              <Field id="note" label={m('pub.submitNote')} multiline />
              <button type="submit" safe>
                {m('pub.submit')}
              </button>
            </form>
          </section>
        ) : (
          ''
        )}
      </article>
    </Layout>
  );
}

/** A publication's card (gallery and home page). */
export function PublicationCard({ ctx, p }: { ctx: PageContext; p: PublicationView }) {
  const m = msg(ctx);
  return (
    <li class="publication-card" data-publication={p.name}>
      <a href={`/publikasi/${p.name}`} safe>
        {pick(ctx, p.title, p.title_en)}
      </a>
      <small>
        <span safe>{m(`kind.${p.kind}`)}</span>
        {p.published_at ? (
          <span safe> · {m('gallery.publishedOn', { date: p.published_at.toISOString().slice(0, 10) })}</span>
        ) : (
          ''
        )}
      </small>
    </li>
  );
}

/** GET /publikasi — the gallery: search words and a topic filter, no script. */
export function GalleryPage(props: {
  ctx: PageContext;
  items: PublicationView[];
  topics: { name: string; title: string }[];
  q: string;
  topic: string;
}) {
  const { ctx } = props;
  const m = msg(ctx);
  return (
    <Layout ctx={ctx} title={m('gallery.title')}>
      <h1 safe>{m('gallery.title')}</h1>
      <p class="lead" safe>
        {m('gallery.lead', { region: ctx.site.regionName })}
      </p>
      <form method="get" action="/publikasi">
        <p>
          <label for="q" safe>
            {m('gallery.search')}
          </label>
          <input id="q" name="q" type="search" value={props.q} />
        </p>
        <Select
          id="topic"
          label={m('gallery.topic')}
          value={props.topic}
          options={[
            ['', m('gallery.allTopics')],
            ...props.topics.map((t): [string, string] => [t.name, t.title]),
          ]}
        />
        <button type="submit" safe>
          {m('gallery.submit')}
        </button>
      </form>
      {props.items.length === 0 ? (
        <p class="empty" safe>
          {m('gallery.empty')}
        </p>
      ) : (
        <ul class="cards" id="publications">
          {props.items.map((p) => (
            <PublicationCard ctx={ctx} p={p} />
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** The home page's section: the latest publications (portal's home renders it). */
export function LatestPublicationsSection({ ctx, items }: { ctx: PageContext; items: PublicationView[] }) {
  if (items.length === 0) return '';
  const m = msg(ctx);
  return (
    <section class="home-section" aria-labelledby="publications-title" id="home-publications">
      <h2 id="publications-title" safe>
        {m('home.title')}
      </h2>
      <ul class="compact-list">
        {items.map((p) => (
          <PublicationCard ctx={ctx} p={p} />
        ))}
      </ul>
      <a class="see-all" href="/publikasi" safe>
        {m('home.all')}
      </a>
    </section>
  );
}

export interface VerifyView {
  hash: string;
  title: string;
  year: number;
  sources: { code: string; title: string; dataset: string; datasetTitle: string; versionNumber: number }[];
  previous: string | null;
  changes: {
    code: string;
    title: string;
    change: 'changed' | 'added' | 'removed';
    from?: number;
    to?: number;
  }[];
}

/** GET /publikasi/verifikasi/:hash — which data versions an edition contains, and what changed. */
export function VerifyPage({ ctx, view }: { ctx: PageContext; view: VerifyView }) {
  const m = msg(ctx);
  return (
    <Layout ctx={ctx} title={m('verify.title')}>
      <h1 safe>{m('verify.title')}</h1>
      <p safe>{m('verify.lead', { hash: view.hash, title: view.title, year: view.year })}</p>
      <table class="table" id="edition-sources">
        <caption safe>{m('verify.title')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {m('verify.code')}
            </th>
            <th scope="col" safe>
              {m('verify.table')}
            </th>
            <th scope="col" safe>
              {m('verify.dataset')}
            </th>
            <th scope="col" safe>
              {m('verify.version')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.sources.map((s) => (
            <tr data-code={s.code}>
              <th scope="row" safe>
                {s.code}
              </th>
              <td safe>{s.title}</td>
              <td>
                <a href={`/dataset/${encodeURIComponent(s.dataset)}`} safe>
                  {s.datasetTitle}
                </a>
              </td>
              <td safe>{String(s.versionNumber)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="changes-title" id="edition-changes">
        <h2 id="changes-title" safe>
          {m('verify.changes')}
        </h2>
        {view.previous ? (
          <>
            <p safe>{m('verify.previous', { hash: view.previous })}</p>
            {view.changes.length === 0 ? (
              <p safe>{m('verify.noChange')}</p>
            ) : (
              <ul>
                {view.changes.map((c) => (
                  <li data-code={c.code} data-change={c.change} safe>
                    {m(`verify.${c.change}`, {
                      code: c.code,
                      title: c.title,
                      from: c.from ?? '',
                      to: c.to ?? '',
                    })}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p safe>{m('verify.noPrevious')}</p>
        )}
      </section>
    </Layout>
  );
}
