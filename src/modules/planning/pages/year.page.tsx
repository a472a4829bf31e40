import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { LIST_COLUMNS } from '../domain/columns.js';
import type { ListProblem } from '../list-xlsx.js';
import { Field, Head, Select } from './form-parts.js';
import { type PmKey, pm } from './planning.messages.js';
import { ItemsTable, ObligationsSection } from './year-items.js';
import { ForumSection, RecordsSection } from './year-meetings.js';
import { ProposalsSection } from './year-proposals.js';
import { columnHeader as header, type M, type YearView } from './year-view.js';

function Problems({ problems, m }: { problems: ListProblem[]; m: M }) {
  return (
    <div class="errors" role="alert" id="import-problems">
      <p safe>{m('p.refused')}</p>
      <table class="table">
        <Head cols={[m('p.sheet'), m('p.row'), m('p.column'), m('p.problem')]} />
        <tbody>
          {problems.map((p) => (
            <tr>
              <td safe>{p.sheet}</td>
              <td safe>{p.row === null ? '' : String(p.row)}</td>
              <td safe>{p.column ?? ''}</td>
              <td safe>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** GET /workspace/daftar-data/:year — the year's list and everything planning does with it. */
export function YearPage({ ctx, view }: { ctx: PageContext; view: YearView }) {
  const m: M = (k, p) => pm(ctx.locale, k, p);
  const { year, list } = view;
  const manage = ctx.can('data_list:manage');
  const enacted = list?.status === 'enacted';
  const base = `/workspace/daftar-data/${year}`;
  const _agencyName = new Map(view.agencies.map((a) => [a.id, a.name]));
  const _standardName = new Map(view.standards.map((d) => [d.id, d.title]));
  const _activityName = new Map(view.activities.map((a) => [a.id, a.title]));
  const typed = view.typed ?? {};
  return (
    <Layout ctx={ctx} title={m('p.title', { year })}>
      <h1 safe>{m('p.title', { year })}</h1>
      <p safe>
        {`${m('p.status')}: ${list ? m(`p.status.${list.status}` as PmKey) : m('p.status.draft')}${list ? ` (${m('p.version', { v: list.version })})` : ''}`}
      </p>
      {enacted && list ? <p safe>{m('p.enacted', { number: list.decree_number })}</p> : ''}
      <nav aria-label={m('p.years')}>
        <span safe>{`${m('p.years')}: `}</span>
        {view.years.map((y) => (
          <a safe href={`/workspace/daftar-data/${y}`} style="margin-right:.5em">
            {String(y)}
          </a>
        ))}
      </nav>
      <FormErrors ctx={ctx} errors={view.errors} />
      {view.problems?.length ? <Problems problems={view.problems} m={m} /> : ''}
      <p>
        {list ? (
          <a safe href={`${base}.xlsx`} class="button">
            {m('p.export')}
          </a>
        ) : (
          ''
        )}
      </p>
      {manage && !enacted ? (
        <section aria-labelledby="import-title">
          <h2 safe id="import-title">
            {m('p.import')}
          </h2>
          <form method="post" action={`${base}/import`} enctype="multipart/form-data">
            <CsrfField ctx={ctx} />
            <p safe>{m('p.importHint')}</p>
            <label safe for="f-file">
              {m('p.file')}
            </label>{' '}
            <input id="f-file" type="file" name="file" accept=".xlsx" required />{' '}
            <button type="submit" safe>
              {m('p.send')}
            </button>
          </form>
          <form method="post" action={`${base}/copy`}>
            <CsrfField ctx={ctx} />
            <label safe for="f-from">
              {m('p.copy')}
            </label>{' '}
            <input id="f-from" name="from_year" type="number" value={String(year - 1)} />{' '}
            <button type="submit" safe>
              {m('p.send')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      <form method="get" action={base}>
        <label safe for="f-diff">
          {m('p.diff')}
        </label>{' '}
        <input id="f-diff" name="banding" type="number" value={String(view.diff?.other ?? year - 1)} />{' '}
        <button type="submit" safe>
          {m('p.send')}
        </button>
      </form>
      {view.diff ? (
        <section id="diff">
          <p safe>{`${m('p.diffAdded')}: ${view.diff.added.join(', ') || '-'}`}</p>
          <p safe>{`${m('p.diffRemoved')}: ${view.diff.removed.join(', ') || '-'}`}</p>
          <p safe>
            {`${m('p.diffChanged')}: ${view.diff.changed.map((c) => `${c.id_ddd} (${c.columns.map((x) => x.column).join(', ')})`).join('; ') || '-'}`}
          </p>
        </section>
      ) : (
        ''
      )}
      <h2 safe>{m('p.items')}</h2>
      <ItemsTable ctx={ctx} view={view} />
      <ObligationsSection ctx={ctx} view={view} />
      {manage && !enacted ? (
        <section aria-labelledby="add-title">
          <h2 safe id="add-title">
            {m('p.addItem')}
          </h2>
          <form method="post" action={`${base}/items`}>
            <CsrfField ctx={ctx} />
            <Field label={header('id_ddd')} name="id_ddd" value={typed.id_ddd ?? ''} required />
            <Field label={header('data_name')} name="data_name" value={typed.data_name ?? ''} required />
            <Select
              label={m('p.agency')}
              name="agency_id"
              value={typed.agency_id}
              options={view.agencies.map((a) => ({ value: a.id, label: a.name }))}
            />
            {LIST_COLUMNS.filter((c) => c.codes).map((c) => (
              <Select
                label={c.header}
                name={c.field}
                value={typed[c.field] ?? (c.field === 'update_schedule' ? 'tahunan' : undefined)}
                options={(c.codes ?? []).map((k) => ({ value: k, label: k }))}
              />
            ))}
            {(['definition', 'unit'] as const).map((f) => (
              <Field label={header(f)} name={f} value={typed[f] ?? ''} />
            ))}
            <p>
              <input id="f-priority" type="checkbox" name="priority" value="true" />{' '}
              <label safe for="f-priority">
                {m('p.priority')}
              </label>
            </p>
            <button type="submit" safe>
              {m('p.save')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      <ProposalsSection ctx={ctx} view={view} />
      <ForumSection ctx={ctx} view={view} />
      <RecordsSection ctx={ctx} view={view} />
    </Layout>
  );
}
