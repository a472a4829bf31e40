import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { Head } from './form-parts.js';
import { type PmKey, pm } from './planning.messages.js';
import { columnHeader as header, type M, type YearView } from './year-view.js';

/** The year's proposals (custodian only): needs import, unmet requests taken over, moderation. */
export function ProposalsSection({ ctx, view }: { ctx: PageContext; view: YearView }) {
  const m: M = (k, p) => pm(ctx.locale, k, p);
  const { year, list } = view;
  const _manage = ctx.can('data_list:manage');
  const enacted = list?.status === 'enacted';
  const base = `/workspace/daftar-data/${year}`;
  return (
    <>
      {view.proposals ? (
        <section aria-labelledby="proposals-title">
          <h2 safe id="proposals-title">
            {m('p.proposals')}
          </h2>
          {!enacted ? (
            <form
              method="post"
              action={`${base}/needs-import`}
              enctype="multipart/form-data"
              id="needs-import"
            >
              <CsrfField ctx={ctx} />
              <p safe>{m('p.needsHint')}</p>
              <label safe for="f-needs">
                {m('p.needsImport')}
              </label>{' '}
              <input id="f-needs" type="file" name="file" accept=".xlsx,.csv" required />{' '}
              <button type="submit" safe>
                {m('p.send')}
              </button>
            </form>
          ) : (
            ''
          )}
          {view.unmetRequests > 0 && !enacted ? (
            <form method="post" action={`${base}/requests-to-proposals`} id="unmet-requests">
              <CsrfField ctx={ctx} />
              <p safe>{m('p.unmet', { n: view.unmetRequests })}</p>
              <button type="submit" safe>
                {m('p.unmetTake')}
              </button>
            </form>
          ) : (
            ''
          )}
          {view.proposals.length === 0 ? (
            <p safe>{m('p.noProposals')}</p>
          ) : (
            <table class="table" id="proposals">
              <Head cols={[header('data_name'), m('p.source'), m('p.status'), m('p.decide')]} />
              <tbody>
                {view.proposals.map((p) => (
                  <tr data-proposal={p.data_name}>
                    <td>
                      <span safe>{p.data_name}</span>
                      {p.description ? <small safe>{` — ${p.description}`}</small> : ''}
                    </td>
                    <td
                      safe
                    >{`${m(`p.src.${p.source}` as PmKey)}${p.proposer_name ? ` (${p.proposer_name})` : ''}`}</td>
                    <td safe>{m(`p.state.${p.state}` as PmKey)}</td>
                    <td>
                      {p.state === 'new' && !enacted ? (
                        <form method="post" action={`${base}/proposals/${p.id}`} class="inline">
                          <CsrfField ctx={ctx} />
                          <label safe for={`pd-${p.id}`}>
                            {header('id_ddd')}
                          </label>{' '}
                          <input id={`pd-${p.id}`} name="id_ddd" size="6" />{' '}
                          <label safe for={`pa-${p.id}`}>
                            {m('p.agency')}
                          </label>{' '}
                          <select id={`pa-${p.id}`} name="agency_id">
                            {view.agencies.map((a) => (
                              <option value={a.id} selected={a.id === p.agency_id} safe>
                                {a.name}
                              </option>
                            ))}
                          </select>{' '}
                          <button type="submit" name="decision" value="accept" safe>
                            {m('p.accept')}
                          </button>{' '}
                          <button type="submit" name="decision" value="reject" safe>
                            {m('p.reject')}
                          </button>
                        </form>
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : (
        ''
      )}
    </>
  );
}
