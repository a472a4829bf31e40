import { CsrfField, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { RenderedChart } from '../charts.js';
import type { PublicationView } from '../publication.repository.js';
import { ChartFigure } from './chart-pages.js';
import { Errors, Field, type FormErrors, type FormValues, msg, pick, Select, stateOf } from './form-parts.js';
import { type FileView, PublicationFiles } from './publication-files-section.js';

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
  files: FileView[];
  errors?: FormErrors | undefined;
  /** Refusals of an upload or a generation (shown beside the files' forms). */
  fileErrors?: FormErrors | undefined;
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
        <PublicationFiles
          ctx={ctx}
          name={p.name}
          title={pick(ctx, p.title, p.title_en)}
          files={props.files}
          charts={p.chart_ids.map((n) => ({
            name: n,
            title: charts.find((c) => c.name === n)?.spec.title ?? n,
          }))}
          editable={props.editable}
          errors={props.fileErrors}
        />
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
