import type { DataList } from '../../../kernel/db/schema/planning.js';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { ItemRow } from '../data-list.repository.js';
import { type PmKey, pm } from './planning.messages.js';

export interface PublicView {
  lists: DataList[];
  shown: DataList | undefined;
  items: ItemRow[];
  nextYear: number;
  errors?: Record<string, string[]> | undefined;
  typed?: Record<string, string> | undefined;
}

/** GET /daftar-data(/:year) — the enacted lists (open rows), their decree and the public proposal form. */
export function PublicListPage({ ctx, view }: { ctx: PageContext; view: PublicView }) {
  const m = (k: PmKey, p?: Record<string, string | number>) => pm(ctx.locale, k, p);
  const typed = view.typed ?? {};
  const title = view.shown ? m('p.title', { year: view.shown.year }) : m('p.public.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {m('p.public.lead')}
      </p>
      {view.lists.length === 0 ? (
        <p safe>{m('p.public.none')}</p>
      ) : (
        <nav aria-label={m('p.years')}>
          <span safe>{`${m('p.years')}: `}</span>
          {view.lists.map((l) => (
            <a safe href={`/daftar-data/${l.year}`} style="margin-right:.5em">
              {String(l.year)}
            </a>
          ))}
        </nav>
      )}
      {view.shown ? (
        <section aria-labelledby="list-title">
          <h2 safe id="list-title">
            {m('p.title', { year: view.shown.year })}
          </h2>
          <p>
            <span safe>{m('p.enacted', { number: view.shown.decree_number })}</span>{' '}
            {view.shown.decree_file_key ? (
              <a safe href={`/daftar-data/${view.shown.year}/sk`}>
                {m('p.public.sk')}
              </a>
            ) : (
              ''
            )}{' '}
            <a safe href={`/daftar-data/${view.shown.year}.xlsx`}>
              {m('p.export')}
            </a>
          </p>
          <div class="table-wrap">
            <table class="table" id="public-items">
              <thead>
                <tr>
                  <th scope="col">ID DDD</th>
                  <th scope="col">Nama Data</th>
                  <th scope="col">Jenis Data</th>
                  <th scope="col">Produsen Data</th>
                  <th scope="col">Satuan</th>
                  <th scope="col">Jadwal Pemutakhiran</th>
                </tr>
              </thead>
              <tbody>
                {view.items.map((i) => (
                  <tr>
                    <th scope="row" safe>
                      {i.id_ddd}
                    </th>
                    <td safe>{i.data_name}</td>
                    <td>{i.kind}</td>
                    <td safe>{i.agency_name}</td>
                    <td safe>{i.unit}</td>
                    <td>{i.update_schedule}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="propose-title">
        <h2 safe id="propose-title">
          {m('p.propose')}
        </h2>
        <FormErrors ctx={ctx} errors={view.errors} />
        <form method="post" action="/daftar-data/usulan">
          <CsrfField ctx={ctx} />
          <p>
            <label safe for="f-year">
              {m('p.proposeYear')}
            </label>
            <br />
            <input
              id="f-year"
              name="year"
              type="number"
              value={typed.year ?? String(view.nextYear)}
              required
            />
          </p>
          <p>
            <label safe for="f-data">
              {m('p.proposeName')}
            </label>
            <br />
            <input id="f-data" name="data_name" value={typed.data_name ?? ''} required />
          </p>
          <p>
            <label safe for="f-desc">
              {m('p.proposeDesc')}
            </label>
            <br />
            <textarea id="f-desc" name="description" rows="3" safe>
              {typed.description ?? ''}
            </textarea>
          </p>
          <p>
            <label safe for="f-name">
              {m('p.proposerName')}
            </label>
            <br />
            <input id="f-name" name="proposer_name" value={typed.proposer_name ?? ''} required />
          </p>
          <p>
            <label safe for="f-email">
              {m('p.proposerEmail')}
            </label>
            <br />
            <input id="f-email" name="proposer_email" type="email" value={typed.proposer_email ?? ''} />
          </p>
          <p class="visually-hidden" aria-hidden="true">
            <label safe for="f-website">
              {m('p.trap')}
            </label>
            <input id="f-website" name="website" tabindex="-1" autocomplete="off" />
          </p>
          <button type="submit" safe>
            {m('p.send')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
